import { z } from 'zod';
import type { RegisterEstablishment, RegisterQuery, RegisterSource } from './establishment';
import { RegisterUnavailable } from './establishment';
import { getRegisterJson } from './registerHttp';
import { headcountBandOf, legalStatusOf, published, sectorOf } from './registerCodes';

const text = z.string().nullish();

const establishmentSchema = z.object({
  siret: z.string(),
  adresse: text,
  numero_voie: text,
  indice_repetition: text,
  type_voie: text,
  libelle_voie: text,
  code_postal: text,
  libelle_commune: text,
  activite_principale: text,
  etat_administratif: text,
  tranche_effectif_salarie: text,
});

const answerSchema = z.object({
  results: z.array(
    z.object({
      siren: z.string(),
      nom_complet: text,
      nom_raison_sociale: text,
      nature_juridique: text,
      statut_diffusion: text,
      siege: establishmentSchema.nullish(),
      matching_etablissements: z.array(establishmentSchema).nullish(),
    }),
  ),
});

type Establishment = z.infer<typeof establishmentSchema>;
type Company = z.infer<typeof answerSchema>['results'][number];

function streetOf(establishment: Establishment): string {
  const parts = [establishment.numero_voie, establishment.indice_repetition, establishment.type_voie, establishment.libelle_voie]
    .map(published)
    .filter(Boolean);
  if (parts.length > 0) return parts.join(' ');
  const address = (establishment.adresse ?? '').trim();
  if (address.includes('[NON-DIFFUSIBLE]') || address.includes('[ND]')) return '';
  const tail = [published(establishment.code_postal), published(establishment.libelle_commune)].filter(Boolean).join(' ');
  return tail && address.endsWith(tail) ? address.slice(0, -tail.length).trim() : address;
}

function toEstablishment(company: Company, establishment: Establishment): RegisterEstablishment {
  return {
    siret: establishment.siret,
    siren: company.siren,
    name: published(company.nom_raison_sociale) || published(company.nom_complet),
    street: streetOf(establishment),
    postalCode: published(establishment.code_postal),
    city: published(establishment.libelle_commune),
    naf: published(establishment.activite_principale) || null,
    legalStatus: legalStatusOf(company.nature_juridique),
    headcountBand: headcountBandOf(establishment.tranche_effectif_salarie),
    sector: sectorOf(company.nature_juridique),
    active: establishment.etat_administratif !== 'F',
    diffusible: company.statut_diffusion !== 'P',
  };
}

/**
 * The keyless public API of the State (https://recherche-entreprises.api.gouv.fr, 7 requests a second): one
 * full-text search, whose results are companies with the establishments that matched.
 */
export function rechercheEntreprisesSource(baseUrl: string): RegisterSource {
  return {
    name: 'recherche-entreprises',
    async search(query: RegisterQuery) {
      const url = new URL('search', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
      url.searchParams.set('per_page', '10');
      url.searchParams.set('page', '1');
      if (query.kind === 'siret') url.searchParams.set('q', query.siret);
      else if (query.kind === 'siren') url.searchParams.set('q', query.siren);
      else {
        const place = query.place?.trim() ?? '';
        if (/^\d{5}$/.test(place)) {
          url.searchParams.set('q', query.name);
          url.searchParams.set('code_postal', place);
        } else url.searchParams.set('q', place ? `${query.name} ${place}` : query.name);
      }
      const body = await getRegisterJson(url);
      if (body === null) return [];
      const parsed = answerSchema.safeParse(body);
      if (!parsed.success) throw new RegisterUnavailable('unavailable');
      const found = parsed.data.results.flatMap((company) => {
        const establishments = company.matching_etablissements?.length
          ? company.matching_etablissements
          : company.siege
            ? [company.siege]
            : [];
        return establishments.map((establishment) => toEstablishment(company, establishment));
      });
      return query.kind === 'siret' ? found.filter((establishment) => establishment.siret === query.siret) : found;
    },
  };
}
