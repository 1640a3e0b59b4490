import type { DocumentLanguage, IsoDate, Person, PostalAddress } from './types';

const locales: Record<DocumentLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

const dateFormats = new Map<DocumentLanguage, Intl.DateTimeFormat>();
const amountFormats = new Map<DocumentLanguage, Intl.NumberFormat>();
const numberFormats = new Map<DocumentLanguage, Intl.NumberFormat>();

function cached<T>(map: Map<DocumentLanguage, T>, language: DocumentLanguage, create: () => T): T {
  let value = map.get(language);
  if (!value) {
    value = create();
    map.set(language, value);
  }
  return value;
}

/** '2026-11-26' → '26/11/2026' (both fr-FR and en-GB). */
export function formatDate(isoDate: IsoDate, language: DocumentLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const format = cached(dateFormats, language, () =>
    new Intl.DateTimeFormat(locales[language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }));
  return format.format(date);
}

/** 4.5 → '4,50 €' in French, '€4.50' in English. */
export function formatAmount(amount: number, language: DocumentLanguage): string {
  const format = cached(amountFormats, language, () =>
    new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR' }));
  return format.format(amount);
}

export function formatNumber(value: number, language: DocumentLanguage): string {
  const format = cached(numberFormats, language, () =>
    new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 }));
  return format.format(value);
}

export function fullName(person: Person): string {
  return [person.civility, person.firstName, person.lastName].filter(Boolean).join(' ');
}

export function formatAddress(address: PostalAddress): string {
  return [address.street, `${address.postalCode} ${address.city}`.trim(), address.country].filter(Boolean).join(', ');
}

/** Replaces spaces with no-break spaces so a phone number or an identifier never wraps in the middle. */
export function keepTogether(text: string): string {
  return text.replace(/ /g, '\u00a0');
}
