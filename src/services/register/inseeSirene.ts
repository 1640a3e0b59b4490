import { z } from 'zod';
import type { RegisterEstablishment, RegisterQuery, RegisterSource } from './establishment';
import { RegisterUnavailable } from './establishment';
import { getRegisterJson } from './registerHttp';
import { headcountBandOf, legalStatusOf, published, sectorOf } from './registerCodes';

const text = z.string().nullish();

const establishmentSchema = z.object({
  siren: z.string(),
  siret: z.string(),
  statutDiffusionEtablissement: text,
  trancheEffectifsEtablissement: text,
  uniteLegale: z
    .object({
      denominationUniteLegale: text,
      nomUniteLegale: text,
      prenom1UniteLegale: text,
      categorieJuridiqueUniteLegale: text,
    })
    .nullish(),
  adresseEtablissement: z
    .object({
      numeroVoieEtablissement: text,
      indiceRepetitionEtablissement: text,
      typeVoieEtablissement: text,
      libelleVoieEtablissement: text,
      codePostalEtablissement: text,
      libelleCommuneEtablissement: text,
    })
    .nullish(),
  periodesEtablissement: z
    .array(
      z.object({
        dateFin: text,
        etatAdministratifEtablissement: text,
        activitePrincipaleEtablissement: text,
        enseigne1Etablissement: text,
        denominationUsuelleEtablissement: text,
      }),
    )
    .nullish(),
});

const oneSchema = z.object({ etablissement: establishmentSchema });
const manySchema = z.object({ etablissements: z.array(establishmentSchema) });

type Establishment = z.infer<typeof establishmentSchema>;

function toEstablishment(establishment: Establishment): RegisterEstablishment {
  const unit = establishment.uniteLegale ?? {};
  const address = establishment.adresseEtablissement ?? {};
  // The current period is the one without an end date (INSEE lists the most recent first).
  const periods = establishment.periodesEtablissement ?? [];
  const current = periods.find((period) => !period.dateFin) ?? periods[0] ?? {};
  const person = [published(unit.prenom1UniteLegale), published(unit.nomUniteLegale)].filter(Boolean).join(' ');
  const name = published(unit.denominationUniteLegale) || published(current.denominationUsuelleEtablissement) || person;
  return {
    siret: establishment.siret,
    siren: establishment.siren,
    name,
    street: [
      address.numeroVoieEtablissement,
      address.indiceRepetitionEtablissement,
      address.typeVoieEtablissement,
      address.libelleVoieEtablissement,
    ]
      .map(published)
      .filter(Boolean)
      .join(' '),
    postalCode: published(address.codePostalEtablissement),
    city: published(address.libelleCommuneEtablissement),
    naf: published(current.activitePrincipaleEtablissement) || null,
    legalStatus: legalStatusOf(unit.categorieJuridiqueUniteLegale),
    headcountBand: headcountBandOf(establishment.trancheEffectifsEtablissement),
    sector: sectorOf(unit.categorieJuridiqueUniteLegale),
    active: current.etatAdministratifEtablissement !== 'F',
    diffusible: establishment.statutDiffusionEtablissement !== 'P',
  };
}

/** Inside an INSEE query string a phrase is quoted; its own quotes and backslashes would end it. */
function phrase(value: string): string {
  return `"${value.replace(/["\\]/g, ' ').trim()}"`;
}

/**
 * INSEE's API Sirene 3.11 (the register ESUP-Stage uses): `siret/{siret}` for one establishment, `siret?q=` for
 * the establishments of a SIREN or a name, with the portal's integration key. A 404 means nothing matched.
 */
export function inseeSireneSource(baseUrl: string, apiKey: string): RegisterSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const headers = { 'X-INSEE-Api-Key-Integration': apiKey };
  return {
    name: 'insee',
    async search(query: RegisterQuery) {
      if (query.kind === 'siret') {
        const body = await getRegisterJson(new URL(`siret/${encodeURIComponent(query.siret)}`, base), headers);
        if (body === null) return [];
        const parsed = oneSchema.safeParse(body);
        if (!parsed.success) throw new RegisterUnavailable('unavailable');
        return [toEstablishment(parsed.data.etablissement)];
      }
      const url = new URL('siret', base);
      let q: string;
      if (query.kind === 'siren') q = `siren:${query.siren}`;
      else {
        q = `raisonSociale:${phrase(query.name)}`;
        const place = query.place?.trim();
        if (place)
          q += /^\d{5}$/.test(place)
            ? ` AND codePostalEtablissement:${place}`
            : ` AND libelleCommuneEtablissement:${phrase(place.toUpperCase())}`;
      }
      url.searchParams.set('q', q);
      url.searchParams.set('nombre', '20');
      const body = await getRegisterJson(url, headers);
      if (body === null) return [];
      const parsed = manySchema.safeParse(body);
      if (!parsed.success) throw new RegisterUnavailable('unavailable');
      return parsed.data.etablissements.map(toEstablishment);
    },
  };
}
