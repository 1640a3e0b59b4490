import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the national register on 127.0.0.1, answering in the documented formats of both sources:
 * Recherche d'entreprises (GET /search) and INSEE API Sirene 3.11 (GET /siret/{siret}, GET /siret?q=).
 * Queries containing "limite" get a 429, "lent" an answer after 3 s (past the 2 s timeout), "panne" a 500.
 */
export const standInKey = 'test-integration-key';

interface Place {
  siret: string;
  active: boolean;
  numero: string;
  typeVoie: string;
  voie: string;
  postalCode: string;
  city: string;
  naf: string;
  headcount: string;
  seat: boolean;
}

interface Company {
  siren: string;
  name: string | null;
  person?: { first: string; last: string };
  legal: string;
  diffusible: boolean;
  places: Place[];
}

export const atelier: Company = {
  siren: '732829320',
  name: 'ATELIER NUMERIQUE',
  legal: '5710',
  diffusible: true,
  places: [
    {
      siret: '73282932000074',
      active: true,
      numero: '2',
      typeVoie: 'AV',
      voie: 'DE LA GARE',
      postalCode: '69001',
      city: 'LYON',
      naf: '62.01Z',
      headcount: '21',
      seat: true,
    },
    {
      siret: '73282932000041',
      active: false,
      numero: '10',
      typeVoie: 'RUE',
      voie: 'DES CLOSES',
      postalCode: '69002',
      city: 'LYON',
      naf: '62.01Z',
      headcount: 'NN',
      seat: false,
    },
  ],
};

/** A sole trader who asked INSEE not to publish: the address is '[ND]'. */
export const hidden: Company = {
  siren: '123456808',
  name: null,
  person: { first: 'JEANNE', last: 'DUPONT' },
  legal: '1000',
  diffusible: false,
  places: [
    {
      siret: '12345680800013',
      active: true,
      numero: '[ND]',
      typeVoie: '[ND]',
      voie: '[ND]',
      postalCode: '75011',
      city: 'PARIS',
      naf: '74.10Z',
      headcount: 'NN',
      seat: true,
    },
  ],
};

const companies = [atelier, hidden];

function companyMatching(query: string): Company[] {
  const q = query.toLowerCase();
  return companies.filter(
    (company) =>
      q.includes(company.siren) ||
      (company.name && q.includes(company.name.toLowerCase().split(' ')[0])) ||
      (company.person && q.includes(company.person.last.toLowerCase())),
  );
}

function rechercheEntreprisesPlace(company: Company, place: Place) {
  const street = company.diffusible ? `${place.numero} ${place.typeVoie} ${place.voie}` : '[NON-DIFFUSIBLE]';
  return {
    siret: place.siret,
    adresse: `${street} ${place.postalCode} ${place.city}`,
    numero_voie: company.diffusible ? place.numero : null,
    indice_repetition: null,
    type_voie: company.diffusible ? place.typeVoie : null,
    libelle_voie: company.diffusible ? place.voie : null,
    complement_adresse: null,
    code_postal: place.postalCode,
    commune: '69381',
    libelle_commune: place.city,
    activite_principale: place.naf,
    etat_administratif: place.active ? 'A' : 'F',
    date_fermeture: place.active ? null : '2021-06-30',
    est_siege: place.seat,
    tranche_effectif_salarie: place.headcount,
  };
}

function rechercheEntreprises(url: URL) {
  const q = url.searchParams.get('q') ?? '';
  const results = companyMatching(q).map((company) => {
    const siretAsked = /^\d{14}$/.test(q.trim()) ? q.trim() : null;
    const places = company.places.filter((place) => !siretAsked || place.siret === siretAsked);
    const seat = company.places.find((place) => place.seat)!;
    return {
      siren: company.siren,
      nom_complet: company.name ?? `${company.person!.first} ${company.person!.last}`,
      nom_raison_sociale: company.name,
      sigle: null,
      nombre_etablissements: company.places.length,
      nombre_etablissements_ouverts: company.places.filter((place) => place.active).length,
      siege: rechercheEntreprisesPlace(company, seat),
      activite_principale: seat.naf,
      categorie_entreprise: 'PME',
      etat_administratif: 'A',
      nature_juridique: company.legal,
      section_activite_principale: 'J',
      statut_diffusion: company.diffusible ? 'O' : 'P',
      tranche_effectif_salarie: seat.headcount,
      matching_etablissements: places.map((place) => rechercheEntreprisesPlace(company, place)),
      complements: { est_entrepreneur_individuel: company.legal === '1000' },
    };
  });
  return { results, total_results: results.length, page: 1, per_page: 10, total_pages: results.length ? 1 : 0 };
}

function inseePlace(company: Company, place: Place) {
  const nd = (value: string) => (company.diffusible ? value : '[ND]');
  return {
    siren: company.siren,
    nic: place.siret.slice(9),
    siret: place.siret,
    statutDiffusionEtablissement: company.diffusible ? 'O' : 'P',
    dateCreationEtablissement: '2010-01-01',
    trancheEffectifsEtablissement: place.headcount,
    etablissementSiege: place.seat,
    uniteLegale: {
      etatAdministratifUniteLegale: 'A',
      statutDiffusionUniteLegale: company.diffusible ? 'O' : 'P',
      categorieJuridiqueUniteLegale: company.legal,
      denominationUniteLegale: company.name,
      nomUniteLegale: company.person ? nd(company.person.last) : null,
      prenom1UniteLegale: company.person ? nd(company.person.first) : null,
      activitePrincipaleUniteLegale: place.naf,
      trancheEffectifsUniteLegale: place.headcount,
    },
    adresseEtablissement: {
      complementAdresseEtablissement: null,
      numeroVoieEtablissement: nd(place.numero),
      indiceRepetitionEtablissement: null,
      typeVoieEtablissement: nd(place.typeVoie),
      libelleVoieEtablissement: nd(place.voie),
      codePostalEtablissement: place.postalCode,
      libelleCommuneEtablissement: place.city,
      codeCommuneEtablissement: '69381',
    },
    periodesEtablissement: [
      {
        dateFin: null,
        dateDebut: '2021-07-01',
        etatAdministratifEtablissement: place.active ? 'A' : 'F',
        enseigne1Etablissement: null,
        denominationUsuelleEtablissement: null,
        activitePrincipaleEtablissement: place.naf,
        nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
      },
    ],
  };
}

function inseeAnswer(url: URL): { status: number; body: unknown } {
  const one = /\/siret\/(\d{14})$/.exec(url.pathname);
  if (one) {
    const company = companies.find((candidate) => candidate.places.some((place) => place.siret === one[1]));
    if (!company) return { status: 404, body: { header: { statut: 404, message: `Aucun élément trouvé pour le siret ${one[1]}` } } };
    return {
      status: 200,
      body: {
        header: { statut: 200, message: 'ok' },
        etablissement: inseePlace(
          company,
          company.places.find((place) => place.siret === one[1])!,
        ),
      },
    };
  }
  const q = url.searchParams.get('q') ?? '';
  const postcode = /codePostalEtablissement:(\d{5})/.exec(q)?.[1];
  const found = companyMatching(q).flatMap((company) =>
    company.places.filter((place) => !postcode || place.postalCode === postcode).map((place) => inseePlace(company, place)),
  );
  if (found.length === 0) return { status: 404, body: { header: { statut: 404, message: 'Aucun élément trouvé pour q=' + q } } };
  return {
    status: 200,
    body: { header: { statut: 200, message: 'OK', total: found.length, debut: 0, nombre: found.length }, etablissements: found },
  };
}

export interface RegisterStandIn {
  url: string;
  /** Every request received, path and query, with its API key header. */
  requests: { path: string; apiKey: string | undefined }[];
  close(): Promise<void>;
}

export async function startRegisterStandIn(): Promise<RegisterStandIn> {
  const requests: RegisterStandIn['requests'] = [];
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const apiKey = req.headers['x-insee-api-key-integration'] as string | undefined;
    requests.push({ path: `${url.pathname}${url.search}`, apiKey });
    const asked = decodeURIComponent(url.search + url.pathname).toLowerCase();
    if (asked.includes('limite')) return send(res, 429, { status: 429, message: 'Too Many Requests' });
    if (asked.includes('panne')) return send(res, 500, { erreur: 'Internal Server Error' });
    const answer = () => {
      if (url.pathname === '/search') return send(res, 200, rechercheEntreprises(url));
      if (url.pathname.startsWith('/siret')) {
        if (apiKey !== standInKey) return send(res, 401, { header: { statut: 401, message: 'Invalid API key' } });
        const { status, body } = inseeAnswer(url);
        return send(res, status, body);
      }
      send(res, 404, { erreur: 'Not Found' });
    };
    if (asked.includes('lent')) setTimeout(answer, 3_000).unref();
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
