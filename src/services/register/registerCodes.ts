import type { HeadcountBand } from './establishment';

/** INSEE's "tranche d'effectif salarié" codes, folded into the bands of the convention form. */
const headcountByCode: Record<string, HeadcountBand> = {
  NN: '0',
  '00': '0',
  '01': '1-9',
  '02': '1-9',
  '03': '1-9',
  '11': '10-19',
  '12': '20-49',
  '21': '50-249',
  '22': '50-249',
  '31': '50-249',
  '32': '250-4999',
  '41': '250-4999',
  '42': '250-4999',
  '51': '250-4999',
  '52': '5000+',
  '53': '5000+',
};

export function headcountBandOf(code: string | null | undefined): HeadcountBand | null {
  return code ? (headcountByCode[code] ?? null) : null;
}

/** The most frequent legal categories (INSEE "catégories juridiques", level III); others keep their code. */
const legalCategories: Record<string, string> = {
  '1000': 'Entrepreneur individuel',
  '5410': 'SARL nationale',
  '5498': 'EURL',
  '5499': 'SARL',
  '5505': 'SA à participation ouvrière',
  '5599': 'SA à conseil d’administration',
  '5699': 'SA à directoire',
  '5710': 'SAS',
  '5720': 'SASU',
  '6540': 'Société civile immobilière',
  '7210': 'Commune',
  '7220': 'Département',
  '7229': 'Collectivité territoriale',
  '7381': 'Organisme consulaire',
  '7383': 'Établissement public national à caractère scientifique culturel et professionnel',
  '7389': 'Établissement public national à caractère administratif',
  '7490': 'Autre personne morale de droit administratif',
  '9210': 'Association non déclarée',
  '9220': 'Association déclarée',
  '9300': 'Fondation',
};

export function legalStatusOf(code: string | null | undefined): string | null {
  if (!code) return null;
  return legalCategories[code] ?? `Catégorie juridique ${code}`;
}

/** Categories 3 (foreign public bodies), 4 (public bodies under commercial law) and 7 (public administrations) are public. */
export function sectorOf(code: string | null | undefined): 'public' | 'private' {
  return code && /^[47]/.test(code) ? 'public' : 'private';
}

/** INSEE writes '[ND]' for what a non-diffusible person keeps hidden. */
export function published(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  return text === '[ND]' || text === '[NON-DIFFUSIBLE]' ? '' : text;
}
