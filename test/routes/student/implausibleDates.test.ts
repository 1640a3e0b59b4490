import { conventions, subjects } from '../../../src/models/schema';
import { BrowserlessClient } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';
import { fillStepsBeforeInternship, nextYear, validInternship, validPersonal } from '../../support/studentJourney';

const pstage = useTestPstage();

/** A draft whose first four steps are done, so that the internship step's page can show its errors. */
async function draftAtInternship() {
  const { client, page } = await pstage.launch('camille-martin', 'm1-info');
  const started = await client.request('/student/conventions', { form: { _csrf: BrowserlessClient.csrfToken(page.text) } });
  const base = started.location!.replace(/\/personal$/, '');
  await fillStepsBeforeInternship(client, base);
  return { client, base };
}

async function theDraft() {
  const [draft] = await pstage.database.db.select().from(conventions);
  return draft;
}

/** The first error of a field as the page shows it next to the field. */
const fieldError = (html: string, field: string) => new RegExp(`id="${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1]?.trim();

describe('dates outside what an internship can be', () => {
  it('answer at once with the field’s error instead of counting every day from year 100 to 9999, nothing saved', async () => {
    const { client, base } = await draftAtInternship();
    const before = await theDraft();
    // The schema refuses the years before anything counts days (computePresence also refuses more than two years: test/domain).
    const posted = await client.submit(`${base}/internship`, { ...validInternship, startDate: '0100-01-01', endDate: '9999-12-31' });
    expect(posted).toMatchObject({ status: 303, location: `${base}/internship` });
    const page = (await client.request(`${base}/internship`)).text;
    expect(fieldError(page, 'startDate')).toBe('Saisissez une date comprise entre 2000 et 2100.');
    expect(fieldError(page, 'endDate')).toBe('Saisissez une date comprise entre 2000 et 2100.');
    expect(page).toContain('value="0100-01-01"');
    expect(await theDraft()).toEqual(before);
    expect((await fetch(new URL('/health', pstage.url))).status).toBe(200);
  });

  it('refuse an internship of more than two years, an interruption outside it, and accept exactly two years', async () => {
    const { client, base } = await draftAtInternship();
    const before = await theDraft();
    const tooLong = await client.submit(`${base}/internship`, {
      ...validInternship,
      startDate: `${nextYear}-03-02`,
      endDate: `${nextYear + 2}-03-03`,
    });
    expect(tooLong.location).toBe(`${base}/internship`);
    let page = (await client.request(`${base}/internship`)).text;
    expect(fieldError(page, 'endDate')).toBe(
      'Un stage dure au plus deux ans : la date de fin doit être au plus deux ans après la date de début.',
    );
    const outside = await client.submit(`${base}/internship`, {
      ...validInternship,
      interruption1Start: `${nextYear}-07-01`,
      interruption1End: `${nextYear}-07-03`,
    });
    expect(outside.location).toBe(`${base}/internship`);
    page = (await client.request(`${base}/internship`)).text;
    expect(fieldError(page, 'interruption1Start')).toBe(
      'L&#39;interruption doit être comprise entre les dates de début et de fin du stage.',
    );
    expect(await theDraft()).toEqual(before);

    const twoYears = await client.submit(`${base}/internship`, {
      ...validInternship,
      startDate: `${nextYear}-03-02`,
      endDate: `${nextYear + 2}-03-02`,
    });
    // Saved: the form accepts it; the step then shows its legal finding (above 924 h with one host a year).
    expect(twoYears.location).toBe(`${base}/internship`);
    page = (await client.request(`${base}/internship`)).text;
    expect(page).toContain('id="step-findings"');
    expect(page).not.toContain('error-summary');
    expect(page).toContain('6 mois');
    expect(await theDraft()).toMatchObject({
      startDate: `${nextYear}-03-02`,
      endDate: `${nextYear + 2}-03-02`,
      computedTotalHours: expect.any(Number),
    });
  });

  it('refuse a date of birth that gives no plausible age, in French and in English', async () => {
    const { client, page } = await pstage.launch('camille-martin', 'm1-info');
    const started = await client.request('/student/conventions', { form: { _csrf: BrowserlessClient.csrfToken(page.text) } });
    const base = started.location!.replace(/\/personal$/, '');
    for (const birthDate of ['1850-01-01', '1900-01-01', `${nextYear}-01-01`]) {
      expect((await client.submit(`${base}/personal`, { ...validPersonal, birthDate })).location).toBe(`${base}/personal`);
      const html = (await client.request(`${base}/personal`)).text;
      expect([birthDate, fieldError(html, 'birthDate')]).toEqual([
        birthDate,
        'Vérifiez la date de naissance : elle doit correspondre à un âge compris entre 14 et 100 ans.',
      ]);
    }
    expect((await theDraft()).student).not.toHaveProperty('birthDate');
    const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
    const elodieStart = await elodie.client.request('/student/conventions', {
      form: { _csrf: BrowserlessClient.csrfToken(elodie.page.text) },
    });
    const elodieBase = elodieStart.location!.replace(/\/personal$/, '');
    await elodie.client.submit(`${elodieBase}/personal`, {
      ...validPersonal,
      birthDate: '1850-01-01',
      academicYear: `${nextYear - 1}-${nextYear + 5}`,
    });
    const html = (await elodie.client.request(`${elodieBase}/personal`)).text;
    expect(fieldError(html, 'birthDate')).toBe('Check the date of birth: it must give an age between 14 and 100.');
    expect(fieldError(html, 'academicYear')).toBe('Make a choice.');
  });

  it('refuse a subject’s approximate dates outside 2000–2100 or more than two years apart', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const form = await client.request('/student/subject/new');
    const programmeId = /name="programmeId" value="(\d+)"/.exec(form.text)![1];
    for (const [approximateStart, approximateEnd] of [
      ['0100-01-01', '9999-12-31'],
      [`${nextYear}-01-01`, `${nextYear + 3}-01-01`],
    ]) {
      const posted = await client.submit(
        '/student/subject/new',
        { programmeId, title: 'Sujet', description: 'Description', approximateStart, approximateEnd },
        '/student/subject',
      );
      expect(posted).toMatchObject({ status: 303, location: '/student/subject/new' });
    }
    expect(await pstage.database.db.select().from(subjects)).toEqual([]);
  });
});
