import { eq } from 'drizzle-orm';
import { conventions, subjects } from '../../src/models/schema';
import { BrowserlessClient, type FormFields } from './browserlessClient';
import { nextYear } from './clock';
import type { JourneyTarget } from './pstage';

/** Dates in the next calendar year (from the test clock), so that the legal "starts in the past" rules never fire. */
export { nextYear };

export const validInternship: FormFields = {
  internshipType: 'compulsory',
  activities: 'Développer un outil de suivi',
  skills: 'TypeScript, PostgreSQL',
  startDate: `${nextYear}-03-02`,
  endDate: `${nextYear}-06-26`,
  workingDays: ['1', '2', '3', '4', '5'],
  hoursPerDay: '7',
  scheduleKind: 'regular',
  nightPresence: 'no',
  sundayPresence: 'no',
  holidayPresence: 'no',
  gratificationUnit: 'hour',
  gratificationAmount: '4,50',
};

/** Article 10 and 9 as a host states them on the fiche de liaison. */
export const validLeave: FormFields = {
  leaveDaysGranted: '5',
  absenceTerms: 'Congés posés en accord avec le tuteur, une semaine à l’avance.',
  hostInternalRules: 'Charte informatique et consignes de sécurité remises le premier jour.',
};

/** A student who is 17 on the first day of an internship in `nextYear`: a minor, whose legal representative signs. */
export const minorPersonal: FormFields = { firstName: 'Léa', lastName: 'Petit', birthDate: `${nextYear - 17}-09-15` };

export const validLegalRepresentative: FormFields = {
  civility: 'M.',
  firstName: 'Thierry',
  lastName: 'Petit',
  email: 'thierry.petit@example.fr',
  phone: '0611223344',
  street: '1 rue des Écoles',
  postalCode: '75005',
  city: 'Paris',
  country: 'FR',
};

/** The student's own data on the first step, as Camille Martin fills it. */
export const validPersonal: FormFields = {
  civility: 'Mme',
  firstName: 'Camille',
  lastName: 'Martin',
  birthDate: '2001-05-04',
  street: '1 rue des Écoles',
  postalCode: '75005',
  city: 'Paris',
  country: 'FR',
  phone: '0601020304',
  healthInsuranceFund: 'CPAM de Paris',
  healthInsuranceAffiliation: '2 01 05 75 005 123 58',
  academicYear: `${nextYear - 1}-${nextYear}`,
};

/**
 * A host created by the student on the organisation step (SIRET with a valid checksum). The student has seen any
 * look-alike records proposed and says theirs is another host (a SIRET already known still reuses that record).
 */
export const validOrganisation: FormFields = {
  notDuplicate: 'yes',
  name: 'Société Générale Informatique',
  country: 'FR',
  siret: '73282932000074',
  headcountBand: '50-249',
  sector: 'private',
  street: '2 avenue de la Gare',
  postalCode: '69001',
  city: 'Lyon',
};

export const validService: FormFields = { choice: 'new', name: 'Direction informatique', sameAddress: 'yes' };

export const validProfessionalTutor: FormFields = {
  choice: 'new',
  civility: 'M.',
  firstName: 'Paul',
  lastName: 'Durand',
  function: 'Chef de projet',
  email: 'paul.durand@example.fr',
};

/** The wizard's steps before the internship one, as [page, fields, form action] for `client.submit`. */
export function stepsBeforeInternship(base: string, organisation: FormFields = validOrganisation): [string, FormFields, string?][] {
  return [
    [`${base}/personal`, validPersonal],
    [`${base}/organisation`, organisation, `${base}/organisation/create`],
    [`${base}/service`, validService],
    [`${base}/tutor`, validProfessionalTutor],
  ];
}

/** Fills the steps before the internship one; throws with the page when one of them does not move on. */
export async function fillStepsBeforeInternship(client: BrowserlessClient, base: string, organisation?: FormFields): Promise<void> {
  for (const [path, fields, action] of stepsBeforeInternship(base, organisation)) {
    const posted = await client.submit(path, fields, action);
    if (posted.status !== 303) throw new Error(`${path}: ${posted.status}\n${posted.text.slice(0, 500)}`);
  }
}

/** The student proposes a subject from their home, through the real form. */
export async function proposeSubject(pstage: Pick<JourneyTarget, 'database'>, client: BrowserlessClient, fields: FormFields = {}) {
  const page = await client.request('/student/subject/new');
  const programmeId = /name="programmeId" value="(\d+)"/.exec(page.text)?.[1] ?? '';
  const posted = await client.submit(
    '/student/subject/new',
    {
      programmeId,
      title: 'Analyse de logs',
      description: 'Détection d’anomalies dans les journaux',
      hostName: 'Société Générale Informatique',
      approximateStart: `${nextYear}-03-02`,
      approximateEnd: `${nextYear}-06-26`,
      ...fields,
    },
    '/student/subject',
  );
  if (posted.status !== 303) throw new Error(`proposeSubject: ${posted.status}`);
  const [subject] = await pstage.database.db
    .select()
    .from(subjects)
    .orderBy(subjects.id)
    .then((rows) => rows.slice(-1));
  return subject;
}

export type JourneyOptions = {
  persona?: string;
  link?: string;
  subject?: boolean;
  organisationName?: string;
  siret?: string;
  /** The student's date of birth on the personal step (a minor's, for instance). */
  birthDate?: string;
  /** Fields of the host created at the organisation step (country, postcode…), over the Lyon company's. */
  organisation?: FormFields;
  /** Changes to the personal step (`minorPersonal` makes the student a minor). */
  personal?: FormFields;
  internship?: FormFields;
  /** The academic tutor step, over a new teacher known by e-mail only (`{ choice: 'staff-<userId>' }`, say). */
  academicTutor?: FormFields;
  leave?: FormFields;
  /** The legal representative's step, posted when given (a minor's wizard asks for it). */
  legalRepresentative?: FormFields;
  /** Stops before posting this step, from the internship one on (the leave step, say). */
  stopBefore?: string;
};

/** A student (launched through /dev) starts a draft and fills the steps before the internship one. */
export async function draftUpToInternship(pstage: JourneyTarget, options: JourneyOptions = {}) {
  const { client, page } = await pstage.launch(options.persona ?? 'camille-martin', options.link ?? 'm1-info');
  const subject = options.subject === false ? undefined : await proposeSubject(pstage, client);
  const started = await client.request('/student/conventions', { form: { _csrf: BrowserlessClient.csrfToken(page.text) } });
  if (started.status !== 303 || !started.location) throw new Error(`start convention: ${started.status}`);
  const base = started.location.replace(/\/personal$/, '');
  const organisation = {
    ...validOrganisation,
    ...(options.organisationName ? { name: options.organisationName } : {}),
    ...(options.siret ? { siret: options.siret } : {}),
    ...options.organisation,
  };
  const personal = { ...(options.birthDate ? { birthDate: options.birthDate } : {}), ...options.personal };
  const steps = stepsBeforeInternship(base, organisation).map(([path, fields, action]): [string, FormFields, string?] =>
    path === `${base}/personal` ? [path, { ...fields, ...personal }, action] : [path, fields, action],
  );
  for (const [path, fields, action] of steps) {
    const posted = await client.submit(path, fields, action);
    if (posted.status !== 303) throw new Error(`${path}: ${posted.status}\n${posted.text.slice(0, 500)}`);
  }
  return { client, subject, base };
}

/**
 * Every wizard step filled through HTTP, up to the recap (or `stopBefore`), without pressing "Créer". An internship
 * step that comes back with new legal findings is posted again, as a student who read them goes on.
 */
export async function fillConventionAsStudent(pstage: JourneyTarget, options: JourneyOptions = {}) {
  const { client, subject, base } = await draftUpToInternship(pstage, options);
  const steps: [string, FormFields][] = [
    [`${base}/internship`, { ...validInternship, ...options.internship }],
    [`${base}/review`, {}],
    [
      `${base}/academic-tutor`,
      options.academicTutor ?? {
        choice: 'new',
        civility: 'Mme',
        firstName: 'Anne',
        lastName: 'Leroy',
        email: 'anne.leroy@univ.example.fr',
      },
    ],
    [
      `${base}/signatory`,
      {
        choice: 'new',
        civility: 'Mme',
        firstName: 'Claire',
        lastName: 'Moreau',
        function: 'Directrice',
        email: 'claire.moreau@example.fr',
      },
    ],
    [`${base}/leave`, { ...validLeave, ...options.leave }],
    ...(options.legalRepresentative || options.stopBefore === 'legal-representative'
      ? [[`${base}/legal-representative`, options.legalRepresentative ?? {}] as [string, FormFields]]
      : []),
  ];
  const stop = options.stopBefore ? steps.findIndex(([path]) => path === `${base}/${options.stopBefore}`) : steps.length;
  if (stop < 0) throw new Error(`fillConventionAsStudent: no step ${options.stopBefore}`);
  for (const [path, fields] of steps.slice(0, stop)) {
    let posted = await client.submit(path, fields);
    if (posted.status === 303 && posted.location === path) posted = await client.submit(path, fields);
    if (posted.status !== 303) throw new Error(`${path}: ${posted.status}\n${posted.text.slice(0, 500)}`);
  }
  const conventionId = Number(/\/student\/conventions\/(\d+)/.exec(base)![1]);
  return { client, subject, base, conventionId };
}

/**
 * A student (launched through /dev) proposes a subject, fills every wizard step through HTTP and presses "Créer".
 * The host organisation is created by the student (so not validated), the academic tutor chosen by the student.
 */
export async function submitConventionAsStudent(pstage: JourneyTarget, options: Omit<JourneyOptions, 'stopBefore'> = {}) {
  const filled = await fillConventionAsStudent(pstage, options);
  let posted = await filled.client.submit(`${filled.base}/recap`, {});
  if (posted.status === 303 && posted.location === `${filled.base}/recap`) posted = await filled.client.submit(`${filled.base}/recap`, {});
  if (posted.status !== 303) throw new Error(`${filled.base}/recap: ${posted.status}\n${posted.text.slice(0, 500)}`);
  const [convention] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, filled.conventionId));
  if (convention.state !== 'submitted') throw new Error(`the convention is ${convention.state}, not submitted`);
  return { client: filled.client, convention, subject: filled.subject, base: filled.base };
}
