import { formatPersonName } from '../format';
import type { Person, PostalAddress } from './types';

/** The PDFs write dates, amounts and numbers like every other output. */
export { formatAmount, formatDate, formatNumber } from '../format';

/** A person with their civility as the document's language writes it (Mr, Ms in an English PDF). */
export function fullName(person: Person, language: string = 'fr'): string {
  return formatPersonName(person, language);
}

export function formatAddress(address: PostalAddress): string {
  return [address.street, `${address.postalCode} ${address.city}`.trim(), address.country].filter(Boolean).join(', ');
}

/** Replaces spaces with no-break spaces so a phone number or an identifier never wraps in the middle. */
export function keepTogether(text: string): string {
  return text.replace(/ /g, '\u00a0');
}
