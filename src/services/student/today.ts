/** Today's date in France, as 'YYYY-MM-DD': the day legal rules and the academic year are evaluated on. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
