/** How many days ahead the office is warned of conventions that start without being complete; the dashboard lets it change this. */
export const defaultStartWarningDays = 15;
