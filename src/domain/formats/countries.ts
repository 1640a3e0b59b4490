import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import french from 'i18n-iso-countries/langs/fr.json';

countries.registerLocale(french);
countries.registerLocale(english);

export type CountryOption = { value: string; label: string };

const collators = new Map<string, Intl.Collator>();
const optionsByLanguage = new Map<string, CountryOption[]>();

const languageOf = (locale: string) => (locale.toLowerCase().startsWith('en') ? 'en' : 'fr');

/** Every ISO 3166-1 alpha-2 code, named in the user's language and sorted as that language sorts. */
export function countryOptions(locale: string): CountryOption[] {
  const language = languageOf(locale);
  const known = optionsByLanguage.get(language);
  if (known) return known;
  const collator = collators.get(language) ?? new Intl.Collator(language);
  collators.set(language, collator);
  const names = countries.getNames(language, { select: 'official' });
  const options = Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
  optionsByLanguage.set(language, options);
  return options;
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && /^[A-Z]{2}$/.test(code);
}

/** The name of a country code in the user's language, the code itself when unknown (records typed before the list). */
export function countryName(code: string, locale: string): string {
  return countries.getName(code, languageOf(locale), { select: 'official' }) ?? code;
}

/** A country as typed before the list existed ('France', 'fr', 'Allemagne'): its code, or null. */
export function countryCodeOf(input: string): string | null {
  const trimmed = input.trim();
  if (isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return countries.getAlpha2Code(trimmed, 'fr') ?? countries.getAlpha2Code(trimmed, 'en') ?? null;
}
