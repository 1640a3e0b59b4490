import { eq } from 'drizzle-orm';
import { conventionEvents, conventions, organisations, outbox, programmes } from '../../../src/models/schema';
import { returnConvention } from '../../../src/services/office/returnConvention';
import { BrowserlessClient, type FormFields } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';
import { validOrganisation, validPersonal, validProfessionalTutor, validService } from '../../support/studentJourney';

const pstage = useTestPstage();

import { nextYear, testClock } from '../../support/clock';
import { validLeave } from '../../support/studentJourney';
const internship = {
  internshipType: 'compulsory',
  activities: 'Développer un outil',
  skills: 'TypeScript',
  startDate: `${nextYear}-03-02`,
  endDate: `${nextYear}-06-26`,
  workingDays: '1',
  hoursPerDay: '7',
  scheduleKind: 'regular',
  nightPresence: 'no',
  sundayPresence: 'no',
  holidayPresence: 'no',
  gratificationUnit: 'hour',
};

/** The wizard's forms as the student posts them (the page's CSRF token and version, no redirect followed). */
const post = (client: BrowserlessClient, path: string, form: FormFields) => client.submit(path, form);
const postTo = (client: BrowserlessClient, pagePath: string, action: string, form: FormFields) => client.submit(pagePath, form, action);

async function startDraft() {
  const launched = await pstage.launch('camille-martin', 'm1-info');
  await pstage.database.db.update(programmes).set({ teachingHours: 400 });
  const started = await launched.client.request('/student/conventions', {
    form: { _csrf: BrowserlessClient.csrfToken(launched.page.text) },
  });
  expect(started.status).toBe(303);
  const base = started.location!.replace(/\/personal$/, '');
  return { client: launched.client, base };
}

async function fillAll(client: BrowserlessClient, base: string, internshipOverrides: Record<string, string | string[]> = {}) {
  expect((await post(client, `${base}/personal`, validPersonal)).location).toBe(`${base}/organisation`);
  const created = await postTo(client, `${base}/organisation`, `${base}/organisation/create`, validOrganisation);
  expect(created.location).toContain(`${base}/organisation`);
  expect((await post(client, `${base}/service`, validService)).location).toBe(`${base}/tutor`);
  expect((await post(client, `${base}/tutor`, validProfessionalTutor)).location).toBe(`${base}/internship`);
  const internshipForm = { ...internship, workingDays: ['1', '2', '3', '4', '5'], ...internshipOverrides };
  let posted = await post(client, `${base}/internship`, internshipForm);
  // A post that brings legal findings comes back to the step, which shows them; posting it again goes on.
  if (posted.location === `${base}/internship`) posted = await post(client, `${base}/internship`, internshipForm);
  expect(posted.location).toBe(`${base}/review`);
  expect((await post(client, `${base}/review`, {})).location).toBe(`${base}/academic-tutor`);
  expect(
    (
      await post(client, `${base}/academic-tutor`, {
        choice: 'new',
        civility: 'Mme',
        firstName: 'Anne',
        lastName: 'Leroy',
        email: 'anne.leroy@univ.example.fr',
      })
    ).location,
  ).toBe(`${base}/signatory`);
  expect(
    (
      await post(client, `${base}/signatory`, {
        choice: 'new',
        civility: 'Mme',
        firstName: 'Claire',
        lastName: 'Moreau',
        function: 'Directrice',
        email: 'claire.moreau@example.fr',
      })
    ).location,
  ).toBe(`${base}/leave`);
  expect((await post(client, `${base}/leave`, validLeave)).location).toBe(`${base}/recap`);
}

describe('the convention wizard', () => {
  it('goes through every step, shows the legal error at the recap, then submits after the fix', async () => {
    const { client, base } = await startDraft();
    await fillAll(client, base);
    let recap = await client.request(`${base}/recap`);
    expect(recap.text).toContain('Gratification obligatoire au-delà de 308 h');
    expect(recap.text).toContain(`href="${base}/internship?from=recap#gratificationAmount"`);
    expect(recap.text).not.toContain('>Créer<');
    expect(
      (
        await post(client, `${base}/internship?from=recap`, {
          ...internship,
          workingDays: ['1', '2', '3', '4', '5'],
          gratificationAmount: '4,50',
          returnTo: 'recap',
        })
      ).location,
    ).toBe(`${base}/recap`);
    recap = await client.request(`${base}/recap`);
    expect(recap.text).toContain('Créer');
    const submitted = await post(client, `${base}/recap`, {});
    expect(submitted.status).toBe(303);
    const [convention] = await pstage.database.db.select().from(conventions);
    expect(convention).toMatchObject({ state: 'submitted', computedTotalHours: expect.any(Number) });
    expect(convention.reference).toMatch(/^CONV-\d{4}-000001$/);
    const events = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.conventionId, convention.id));
    expect(events.map((event) => event.event)).toEqual(['create', 'submit']);
    const mails = (await pstage.database.db.select().from(outbox)).map((row) => (row.payload as { template: string }).template);
    expect(mails).toEqual(expect.arrayContaining(['hostCreated', 'conventionSubmitted']));
    const status = await client.request(`${base}`);
    expect(status.text).toContain('Soumise au service des stages');
    expect((await client.request(`${base}/internship`)).status).toBe(303);
  });

  it('refuses a wrong SIRET with the error next to the field and keeps the values', async () => {
    const { client, base } = await startDraft();
    await post(client, `${base}/personal`, {
      civility: 'Mme',
      firstName: 'Camille',
      lastName: 'Martin',
      birthDate: '2001-05-04',
      street: '1 rue',
      postalCode: '75005',
      city: 'Paris',
      country: 'FR',
      phone: '0601020304',
      healthInsuranceFund: 'CPAM',
      healthInsuranceAffiliation: '201057500512358',
      academicYear: `${nextYear - 1}-${nextYear}`,
    });
    const created = await postTo(client, `${base}/organisation`, `${base}/organisation/create`, {
      name: 'Acme',
      country: 'FR',
      siret: '73282932000075',
      headcountBand: '1-9',
      sector: 'private',
      street: '1 rue',
      postalCode: '69001',
      city: 'Lyon',
    });
    expect(created.location).toBe(`${base}/organisation`);
    const page = await client.request(`${base}/organisation`);
    expect(page.text).toContain('la clé de contrôle ne correspond pas');
    expect(page.text).toContain('href="#siret"');
    expect(page.text).toContain('value="73282932000075"');
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(0);
  });

  it('finds a host by a partial name without accents or case', async () => {
    const { client, base } = await startDraft();
    await fillAll(client, base);
    const page = await client.request(`${base}/organisation?name=GENERALE`);
    expect(page.text).toContain('Société Générale Informatique');
    expect(page.text).toContain('Non validé');
  });

  it('shows an invalid step with its errors and the stepper marks the current step', async () => {
    const { client, base } = await startDraft();
    const posted = await post(client, `${base}/personal`, { civility: 'Mme' });
    expect(posted.location).toBe(`${base}/personal`);
    const page = await client.request(`${base}/personal`);
    expect(page.text).toContain('aria-current="step"');
    expect(page.text).toContain('href="#birthDate"');
    expect(page.text).toContain('aria-invalid="true"');
  });

  it("gives another student's convention as not found", async () => {
    const { base } = await startDraft();
    const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
    for (const step of ['', '/personal', '/internship', '/recap']) expect((await elodie.client.request(`${base}${step}`)).status).toBe(404);
    const write = await elodie.client.request(`${base}/personal`, {
      form: { _csrf: BrowserlessClient.csrfToken(elodie.page.text), version: '2', civility: 'M.' },
    });
    expect(write.status).toBe(404);
  });

  it('lets the student cancel, and lets a returned convention be edited and submitted again', async () => {
    const { client, base } = await startDraft();
    await fillAll(client, base, { gratificationAmount: '4,50' });
    await post(client, `${base}/recap`, {});
    const [submitted] = await pstage.database.db.select().from(conventions);
    await returnConvention(
      pstage.database.db,
      { officeUserId: submitted.studentUserId, conventionId: submitted.id, version: submitted.version, reason: 'Précisez les activités' },
      testClock,
    );
    const status = await client.request(base);
    expect(status.text).toContain('Précisez les activités');
    expect(status.text).toContain('Modifier et soumettre à nouveau');
    expect((await post(client, `${base}/recap`, {})).status).toBe(303);
    expect((await pstage.database.db.select().from(conventions))[0].state).toBe('submitted');
    // Cancelling is final: a page of its own asks first, and nothing changes until it is confirmed.
    expect((await postTo(client, base, base + '/cancel', { reason: 'Stage trouvé ailleurs' })).location).toBe(`${base}/cancel`);
    expect((await pstage.database.db.select().from(conventions))[0].state).toBe('submitted');
    const confirm = await client.request(`${base}/cancel`);
    expect(confirm.text).toContain('le service des stages est prévenu et ne la contrôlera pas');
    expect(confirm.text).toContain('<p class="text-pre-line" id="confirm-reason">Stage trouvé ailleurs</p>');
    expect(confirm.text).toContain(`<a href="${base}">Non, garder la convention</a>`);
    const confirmed = { reason: 'Stage trouvé ailleurs', confirmed: 'yes' };
    expect((await postTo(client, `${base}/cancel`, base + '/cancel', confirmed)).location).toBe('/student?done=conventionCancelled');
    expect((await pstage.database.db.select().from(conventions))[0].state).toBe('cancelled');
  });
});
