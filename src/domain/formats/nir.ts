/** The French social-security number (NIR): sex, year, month, department, commune, order number, then a 2-digit key. */
export type NirProblem = 'format' | 'key';

/** Removes spaces, dots and dashes and upper-cases, so '2 01 05 75 005 123 45' and '2 01 05 2a …' are read. */
export function normaliseNir(input: string): string {
  return input.replace(/[\s\u00a0\u202f.-]/g, '').toUpperCase();
}

/**
 * 1 or 2 (sex), 3 and 4 (people born abroad registered late), 7 and 8 (provisional numbers, whose other digits follow
 * no calendar: only their key is checked). Month 01–12, 20 and above for an unknown or special month.
 */
const shape = /^([1-478])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/;

/** Corsica's departments count as 19 (2A) and 18 (2B) for the key. */
function numericBody(body: string): bigint {
  return BigInt(body.replace('2A', '19').replace('2B', '18'));
}

export function nirKey(body: string): number {
  return 97 - Number(numericBody(body) % 97n);
}

export function nirProblem(input: string): NirProblem | null {
  const nir = normaliseNir(input);
  const match = shape.exec(nir);
  if (!match) return 'format';
  const [, sex, , month, department] = match;
  const provisional = sex === '7' || sex === '8';
  if (!provisional) {
    const monthNumber = Number(month);
    if (monthNumber === 0 || (monthNumber > 12 && monthNumber < 20)) return 'format';
    if (department === '00' || department === '96') return 'format';
  } else if (/[AB]/.test(department)) return 'format';
  return nirKey(nir.slice(0, 13)) === Number(nir.slice(13)) ? null : 'key';
}
