/** French postcodes: 5 digits, whose first two (three overseas) name the department, Corsica's starting with 20. */
export type PostcodeProblem = 'format' | 'city';

export function normalisePostcode(input: string): string {
  return input.replace(/[\s\u00a0\u202f]/g, '');
}

const simplified = (city: string) =>
  city
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/**
 * Where a city's postcodes are certain without a national table: the cities with arrondissements and the
 * departments' prefectures most often typed; any other city is only checked for the format.
 */
const knownCityPrefixes: Record<string, string> = {
  paris: '75',
  lyon: '69',
  marseille: '13',
  toulouse: '31',
  nice: '06',
  nantes: '44',
  strasbourg: '67',
  montpellier: '34',
  bordeaux: '33',
  lille: '59',
  rennes: '35',
  reims: '51',
  grenoble: '38',
  dijon: '21',
  angers: '49',
  nimes: '30',
  brest: '29',
  'clermont ferrand': '63',
  'le havre': '76',
  rouen: '76',
  toulon: '83',
  metz: '57',
  nancy: '54',
  orleans: '45',
  tours: '37',
  caen: '14',
  limoges: '87',
  amiens: '80',
  besancon: '25',
  perpignan: '66',
  ajaccio: '20',
  bastia: '20',
};

const withoutArrondissement = (city: string) =>
  city.replace(/\s(\d+)(\s?(e|er|eme))?(\sarrondissement)?$/, '').replace(/\scedex(\s\d+)?$/, '');

export function frenchPostcodeProblem(postcode: string, city?: string | null): PostcodeProblem | null {
  const code = normalisePostcode(postcode);
  if (!/^\d{5}$/.test(code) || code.startsWith('00') || code.startsWith('96') || code.startsWith('99')) return 'format';
  if (!city) return null;
  const prefix = knownCityPrefixes[withoutArrondissement(simplified(city))];
  return prefix && !code.startsWith(prefix) ? 'city' : null;
}
