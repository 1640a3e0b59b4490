import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A phone number as the student types it ('06 01 02 03 04', '+49 30 1234567', '0033 6…'), normalised: French
 * numbers in their national form (06 01 02 03 04), others in the international form (+49 30 1234567). Null when it
 * is not a number of any country.
 */
export function normalisePhone(input: string, defaultCountry: CountryCode = 'FR'): string | null {
  const typed = input.trim().replace(/^00/, '+');
  const number = parsePhoneNumberFromString(typed, defaultCountry);
  if (!number || !number.isValid()) return null;
  return number.country === 'FR' ? number.formatNational() : number.formatInternational();
}
