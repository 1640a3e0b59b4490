/** Words that do not tell two hosts apart: legal forms and linking words. */
const noiseWords = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'scop',
  'gie',
  'ltd',
  'inc',
  'gmbh',
  'et',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'and',
  'the',
]);

/** 'Société Générale S.A.' → 'societe generale': accents, case, punctuation and legal forms removed. */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word && !noiseWords.has(word))
    .join(' ');
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Near-identical: the same comparable name, or one typo per eight characters (at most two). */
export function nearlySameName(a: string, b: string): boolean {
  const left = comparableName(a);
  const right = comparableName(b);
  if (!left || !right) return false;
  if (left === right) return true;
  const allowed = Math.min(2, Math.floor(Math.max(left.length, right.length) / 8));
  return allowed > 0 && editDistance(left, right) <= allowed;
}

/** What tells hosts apart: their SIRET (French ones), name and place. */
export interface HostIdentity {
  name: string;
  siret: string | null;
  postalCode: string;
  city: string;
  country: string;
}

/** The same postcode in France; abroad, where postcodes are not always known, the same country and city. */
export function samePlace(a: HostIdentity, b: HostIdentity): boolean {
  if (a.country.toUpperCase() !== b.country.toUpperCase()) return false;
  if (a.country.toUpperCase() === 'FR') return a.postalCode.trim() === b.postalCode.trim();
  return comparableName(a.city) !== '' && comparableName(a.city) === comparableName(b.city);
}

/** Two establishments of one company: their SIRETs start with the same SIREN. */
export function sameSiren(a: HostIdentity, b: HostIdentity): boolean {
  return Boolean(a.siret && b.siret && a.siret.length === 14 && b.siret.length === 14 && a.siret.slice(0, 9) === b.siret.slice(0, 9));
}

/**
 * What a person would call the same host: the same SIRET; or, in the same place, a near-identical name (whatever
 * SIRETs were typed) or another establishment of the same company.
 */
export function probablySameHost(a: HostIdentity, b: HostIdentity): boolean {
  if (a.siret && b.siret && a.siret === b.siret) return true;
  if (!samePlace(a, b)) return false;
  return nearlySameName(a.name, b.name) || sameSiren(a, b);
}

/** Before a student makes a new record: those of the same company anywhere, or probably the same host. */
export function worthProposing(candidate: HostIdentity, existing: HostIdentity): boolean {
  return sameSiren(candidate, existing) || probablySameHost(candidate, existing);
}
