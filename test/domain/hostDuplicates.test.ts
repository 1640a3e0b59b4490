import { probablySameHost, worthProposing, type HostIdentity } from '../../src/domain/organisationDuplicates';

const lyon: HostIdentity = { name: 'Atelier Numérique SAS', siret: '73282932000074', postalCode: '69001', city: 'LYON', country: 'FR' };

describe('probable duplicates', () => {
  it.each([
    ['the same SIRET, even under another name', { name: 'AN Lyon', postalCode: '75011' }, true],
    ['an identical name in the same postcode with another SIRET', { siret: '55210055400013', name: 'ATELIER NUMERIQUE' }, true],
    ['an identical name with no SIRET in the same postcode', { siret: null, name: 'atelier numerique' }, true],
    ['another establishment of the company in the same postcode', { siret: '73282932000041', name: 'AN agence' }, true],
    ['the same name in another postcode', { siret: '55210055400013', postalCode: '75011' }, false],
    ['another name in the same postcode', { siret: '55210055400013', name: 'Boulangerie Dupain' }, false],
  ])('%s: %s', (_label, changes, expected) => {
    expect(probablySameHost(lyon, { ...lyon, ...changes })).toBe(expected);
  });

  it('abroad, hosts without SIRET match by name, country and city', () => {
    const berlin: HostIdentity = { name: 'Laboratorium GmbH', siret: null, postalCode: '10115', city: 'Berlin', country: 'DE' };
    expect(probablySameHost(berlin, { ...berlin, name: 'LABORATORIUM', postalCode: '' })).toBe(true);
    expect(probablySameHost(berlin, { ...berlin, city: 'München' })).toBe(false);
    expect(probablySameHost(berlin, { ...berlin, country: 'AT' })).toBe(false);
  });

  it('before a new record, the establishments of the same company elsewhere are proposed too', () => {
    const paris = { ...lyon, siret: '73282932000041', name: 'AN Paris', postalCode: '75011', city: 'PARIS' };
    expect(probablySameHost(lyon, paris)).toBe(false);
    expect(worthProposing(lyon, paris)).toBe(true);
  });
});
