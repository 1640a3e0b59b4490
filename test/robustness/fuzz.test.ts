import { count, eq } from 'drizzle-orm';
import { contacts, conventions, organisations, services, subjects } from '../../src/models/schema';
import { returnConvention } from '../../src/services/office/returnConvention';
import { BrowserlessClient, type FormFields } from '../support/browserlessClient';
import { testClock } from '../support/clock';
import { startTestPstage, type TestPstage } from '../support/pstage';
import {
  nextYear,
  submitConventionAsStudent,
  validInternship,
  validOrganisation,
  validPersonal,
  validProfessionalTutor,
  validService,
} from '../support/studentJourney';
import { launchOffice } from '../services/office/officeJourney';

/**
 * Seeded fuzzing of the wizard and the office's forms: each post is a valid form with some fields replaced by
 * hostile values (long, NUL, unicode, out of range, wrong type), dropped, doubled, or joined by unknown ones.
 * Nothing may answer 5xx, the page a refused post leads back to must render, a refused post must leave the
 * convention as it was, and the server must keep answering. PSTAGE_FUZZ_SEED=<n> replays a run.
 */
const seed = Number(process.env.PSTAGE_FUZZ_SEED ?? 20270115);
const wizardPosts = 80;
const officePosts = 40;
const queries = 40;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(state: number) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const chance = (p: number) => random() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const hostileValues: readonly (() => string)[] = [
  () => '',
  () => '   ',
  () => 'a'.repeat(5_000),
  () => 'é'.repeat(60_000),
  () => 'abc\u0000def',
  () => '\u0000',
  () => 'Zoë 🚀 ﷽ \u202eRTL\u202c İı ß ﬀ \ufeff',
  () => 'e\u0301\u0301\u0301 \u200b\u200d',
  () => '\ud800 lone surrogate',
  () => '<script>alert(1)</script>',
  () => '"><img src=x onerror=alert(1)>',
  () => "'; drop table users; --",
  () => '=HYPERLINK("http://evil.example")',
  () => '../../etc/passwd',
  () => '%00%s%n{{constructor}}',
  () => '-1',
  () => '0',
  () => '1e309',
  () => 'NaN',
  () => 'Infinity',
  () => '2147483648',
  () => '99999999999999999999999',
  () => '4,5',
  () => '-0.0001',
  () => '0x10',
  () => '0000-00-00',
  () => '0100-01-01',
  () => '9999-12-31',
  () => `${nextYear}-02-30`,
  () => `${nextYear}-13-01`,
  () => `31/12/${nextYear}`,
  () => `${nextYear + 500}-01-01`,
  () => ' 2027-01-01 ',
  () => 'true',
  () => 'null',
  () => '[object Object]',
  () => String(Math.floor(random() * 1e6)),
];
const hostileNames = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a[b]', 'returnTo', 'version', 'id', 'x'.repeat(300)];

/**
 * A valid form with up to three of its fields made hostile, dropped or doubled (one in seven posts is left
 * valid, so the draft also moves on), perhaps with unknown fields added.
 */
function mutate(valid: FormFields, token: string, version: number | undefined): FormFields {
  const form: FormFields = { ...valid };
  const names = Object.keys(valid);
  const mutations = chance(1 / 7) || names.length === 0 ? 0 : 1 + Math.floor(random() * 3);
  for (let index = 0; index < mutations; index++) {
    const name = pick(names);
    const roll = random();
    if (roll < 0.6) form[name] = pick(hostileValues)();
    else if (roll < 0.8) delete form[name];
    else form[name] = [valid[name]].flat().concat(pick(hostileValues)());
  }
  if (chance(0.2)) form[pick(hostileNames)] = pick(hostileValues)();
  if (chance(0.2)) form.returnTo = pick(['recap', pick(hostileValues)()]);
  if (version !== undefined) form.version = chance(0.93) ? String(version) : pick(hostileValues)();
  if (chance(0.97)) form._csrf = token;
  return form;
}

/** Each wizard form: the path it posts to (under the convention) and the page a refusal leads back to. */
const wizardForms: { action: string; page: string; fields: FormFields }[] = [
  { action: 'personal', page: 'personal', fields: validPersonal },
  {
    action: 'organisation/create',
    page: 'organisation',
    fields: { ...validOrganisation, email: 'contact@example.fr', website: 'https://example.fr' },
  },
  { action: 'organisation/choose', page: 'organisation', fields: { organisationId: '1' } },
  { action: 'service', page: 'service', fields: validService },
  { action: 'tutor', page: 'tutor', fields: validProfessionalTutor },
  { action: 'internship', page: 'internship', fields: validInternship },
  { action: 'review', page: 'review', fields: {} },
  { action: 'academic-tutor', page: 'academic-tutor', fields: { ...validProfessionalTutor, email: 'anne.leroy@univ.example.fr' } },
  { action: 'signatory', page: 'signatory', fields: { ...validProfessionalTutor, function: 'Directrice' } },
];

const officeForms: { action: string; fields: FormFields }[] = [
  { action: 'validate', fields: { overrideReason: '' } },
  { action: 'return', fields: { reason: 'Précisez les activités' } },
  { action: 'cancel', fields: { reason: 'Stage annulé par l’entreprise' } },
  { action: 'signatures', fields: { party: 'student', signedAt: `${nextYear}-01-10`, method: 'paper' } },
  { action: 'certificate', fields: { documentId: '1', decision: 'rejected', reason: 'Illisible' } },
  { action: 'dean-signature', fields: { signedAt: `${nextYear}-01-12` } },
];

const queryFields: { path: string; fields: string[] }[] = [
  {
    path: '/office/internships',
    fields: ['academicYear', 'programmeId', 'state', 'country', 'host', 'gratified', 'startFrom', 'startTo', 'student', 'page'],
  },
  { path: '/office/internships/export.csv', fields: ['academicYear', 'programmeId', 'state', 'startFrom', 'startTo'] },
  { path: '/office/audit', fields: ['targetType', 'targetId', 'actor', 'from', 'to', 'page'] },
  { path: '/office', fields: ['within'] },
  { path: '/office/organisations', fields: ['q', 'name', 'siret', 'page', 'validated'] },
];

type Response = Awaited<ReturnType<BrowserlessClient['request']>>;

let pstage: TestPstage;
beforeAll(async () => {
  pstage = await startTestPstage({ PDF_RATE_LIMIT: '1000', CERTIFICATE_UPLOAD_RATE_LIMIT: '1000' });
  await pstage.reset();
}, 90_000);
afterAll(async () => pstage?.stop());

/** What a refused post must not have touched: the convention row and the records a step can create. */
async function snapshot(conventionId: number) {
  const db = pstage.database.db;
  const [row] = await db.select().from(conventions).where(eq(conventions.id, conventionId));
  const counted = async (table: typeof organisations | typeof services | typeof contacts | typeof subjects) =>
    (await db.select({ n: count() }).from(table))[0].n;
  return {
    convention: row,
    organisations: await counted(organisations),
    services: await counted(services),
    contacts: await counted(contacts),
    subjects: await counted(subjects),
  };
}

const versionOf = async (conventionId: number) =>
  (await pstage.database.db.select({ version: conventions.version }).from(conventions).where(eq(conventions.id, conventionId)))[0].version;

function describeRequest(method: string, path: string, form?: FormFields): string {
  const shown =
    form &&
    JSON.stringify(form, (_key, value: unknown) =>
      typeof value === 'string' && value.length > 80 ? `${value.slice(0, 40)}…(${value.length})` : value,
    );
  return `seed ${seed}: ${method} ${path}${shown ? ` ${shown}` : ''}`;
}

describe(`seeded fuzzing of the forms (seed ${seed}; PSTAGE_FUZZ_SEED replays a run)`, () => {
  const problems: string[] = [];

  /** Records a 5xx; follows a redirect and records a 5xx on the page it leads to (a refused form's kept values). */
  async function checked(client: BrowserlessClient, label: string, response: Response): Promise<Response> {
    if (response.status >= 500) problems.push(`${label} → ${response.status}`);
    if (response.status === 303 && response.location) {
      const page = await client.request(response.location);
      if (page.status >= 500) problems.push(`${label} → 303 ${response.location} → ${page.status}`);
    }
    return response;
  }

  async function serverAnswers(label: string) {
    const health = await fetch(new URL('/health', pstage.url));
    if (health.status !== 200) problems.push(`${label}: /health answered ${health.status} afterwards`);
  }

  it('the wizard: no 5xx, every page a refusal leads to renders, a refused post leaves the draft as it was', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    const { officeUserId } = await launchOffice(pstage);
    // Returned to the student: a draft whose every step is reachable.
    await returnConvention(
      pstage.database.db,
      { officeUserId, conventionId: convention.id, version: await versionOf(convention.id), reason: 'Fuzz' },
      testClock,
    );
    const base = `/student/conventions/${convention.id}`;
    const token = BrowserlessClient.csrfToken((await client.request(`${base}/personal`)).text);
    for (let index = 0; index < wizardPosts; index++) {
      const form = pick(wizardForms);
      const fields = mutate(form.fields, token, await versionOf(convention.id));
      const label = describeRequest('POST', `${base}/${form.action}`, fields);
      const before = await snapshot(convention.id);
      const response = await checked(client, label, await client.request(`${base}/${form.action}`, { form: fields }));
      const back = response.location ? new URL(response.location, pstage.url) : undefined;
      const refused = response.status >= 400 || (back?.pathname === `${base}/${form.page}` && !response.location!.includes('#host-recap'));
      if (refused) {
        const after = await snapshot(convention.id);
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${label} → ${response.status}, refused but the draft changed`);
      }
      if (index % 40 === 39) await serverAnswers(label);
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('the office’s forms and list filters: no 5xx, a refused action leaves the convention as it was', async () => {
    const { convention } = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    const token = BrowserlessClient.csrfToken((await client.request(page)).text);
    for (let index = 0; index < officePosts; index++) {
      const form = pick(officeForms);
      const fields = mutate(form.fields, token, await versionOf(convention.id));
      const label = describeRequest('POST', `${page}/${form.action}`, fields);
      const before = await snapshot(convention.id);
      const response = await checked(client, label, await client.request(`${page}/${form.action}`, { form: fields }));
      if (response.status >= 400 || !response.location?.includes('done=')) {
        const after = await snapshot(convention.id);
        if (JSON.stringify(after) !== JSON.stringify(before))
          problems.push(`${label} → ${response.status}, refused but the convention changed`);
      }
    }
    for (let index = 0; index < queries; index++) {
      const target = pick(queryFields);
      const query = new URLSearchParams();
      for (const name of target.fields) {
        if (chance(0.5)) query.append(name, pick(hostileValues)());
        if (chance(0.1)) query.append(name, pick(hostileValues)());
      }
      const path = `${target.path}?${query}`;
      await checked(client, describeRequest('GET', path), await client.request(path));
    }
    await serverAnswers('after the office');
    expect(problems).toEqual([]);
  }, 240_000);
});
