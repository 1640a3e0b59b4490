import { eq } from 'drizzle-orm';
import { computePresence } from '../../../src/domain/hours';
import { conventions } from '../../../src/models/schema';
import type { BrowserlessClient, FormFields } from '../../support/browserlessClient';
import { nextYear } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { draftUpToInternship, validInternship, validLeave } from '../../support/studentJourney';

const pstage = useTestPstage();

/** A week whose Tuesday lasts 10.5 h, entered day by day. */
const irregularWeek: FormFields = {
  scheduleKind: 'irregular',
  dayHours1: '7',
  dayHours2: '10,5',
  dayHours3: '7',
  dayHours4: '7',
  dayHours5: '4',
  dayHours6: '',
  dayHours7: '0',
};

async function storedConvention(base: string) {
  const id = Number(/(\d+)$/.exec(base)![1]);
  const [convention] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, id));
  return convention;
}

/** Posts the later steps up to the recap (the review, the academic tutor, the signatory). */
async function continueToRecap(client: BrowserlessClient, base: string) {
  const steps: [string, FormFields][] = [
    [`${base}/review`, {}],
    [
      `${base}/academic-tutor`,
      { choice: 'new', civility: 'Mme', firstName: 'Anne', lastName: 'Leroy', email: 'anne.leroy@univ.example.fr' },
    ],
    [
      `${base}/signatory`,
      { choice: 'new', civility: 'Mme', firstName: 'Claire', lastName: 'Moreau', function: 'Directrice', email: 'c.moreau@example.fr' },
    ],
    [`${base}/leave`, validLeave],
  ];
  for (const [path, fields] of steps) expect((await client.submit(path, fields)).status).toBe(303);
}

describe('the internship step shows its legal findings as soon as it is posted', () => {
  it('12 h a day comes back to the step with "au-delà de 10 h par jour" next to the hours, and posting again goes on', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    const form = { ...validInternship, hoursPerDay: '12' };
    const posted = await client.submit(`${base}/internship`, form);
    expect(posted.location).toBe(`${base}/internship`);
    const page = await client.request(`${base}/internship`);
    expect(page.text).toContain('id="step-findings"');
    expect(page.text).toContain('12 h de présence le lundi (5 jours de la semaine au-delà de la limite) : au-delà de 10 h par jour');
    expect(page.text).toContain('href="#hoursPerDay"');
    expect(page.text).toMatch(/id="hoursPerDay-error"[^>]*>12 h de présence le lundi/);
    expect(page.text).toContain('48 h par semaine');
    const again = await client.submit(`${base}/internship`, form);
    expect(again.location).toBe(`${base}/review`);
  });

  it('a missing gratification beyond 308 h is shown on the step, next to the amount', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    const posted = await client.submit(`${base}/internship`, { ...validInternship, gratificationAmount: '' });
    expect(posted.location).toBe(`${base}/internship`);
    const page = await client.request(`${base}/internship`);
    expect(page.text).toContain('Gratification obligatoire au-delà de 308 h');
    expect(page.text).toMatch(/id="gratificationAmount-error"[^>]*>Gratification obligatoire au-delà de 308 h/);
  });

  it('a valid internship goes straight on to the review', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    expect((await client.submit(`${base}/internship`, validInternship)).location).toBe(`${base}/review`);
    expect((await client.request(`${base}/internship`)).text).not.toContain('id="step-findings"');
  });

  it('a monthly gratification under the minimum of its longest month is an error on the step', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    const form = { ...validInternship, gratificationUnit: 'month', gratificationAmount: '600' };
    expect((await client.submit(`${base}/internship`, form)).location).toBe(`${base}/internship`);
    const page = await client.request(`${base}/internship`);
    expect(page.text).toMatch(/La gratification mensuelle \(600,00\s€\) est inférieure au minimum légal pendant \d mois/);
    expect(page.text).toContain('Le minimum se calcule chaque mois');
  });
});

describe('a schedule entered day by day', () => {
  it('is stored per weekday, counted day by day, and its 10.5 h Tuesday is found on the Tuesday input', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    const posted = await client.submit(`${base}/internship`, {
      ...validInternship,
      ...irregularWeek,
      irregularSchedule: '9 h – 17 h, le mardi 8 h – 19 h',
    });
    expect(posted.location).toBe(`${base}/internship`);
    const convention = await storedConvention(base);
    const weeklySchedule = [7, 10.5, 7, 7, 4, 0, 0];
    expect(convention.weeklySchedule).toEqual(weeklySchedule);
    const expected = computePresence({
      startDate: validInternship.startDate as string,
      endDate: validInternship.endDate as string,
      weeklySchedule,
    });
    expect(convention.computedTotalHours).toBe(expected.hours);
    const page = await client.request(`${base}/internship`);
    expect(page.text).toContain('10,5 h de présence le mardi : au-delà de 10 h par jour');
    expect(page.text).toContain('href="#dayHours2"');
    expect(page.text).toMatch(/id="dayHours2"[^>]*value="10.5"/);
    expect(page.text).toMatch(/name="scheduleKind"[^>]*value="irregular" checked/);

    await client.submit(`${base}/internship`, { ...validInternship, ...irregularWeek });
    await continueToRecap(client, base);
    const recap = await client.request(`${base}/recap`);
    expect(recap.text).toContain(`href="${base}/internship?from=recap#dayHours2"`);
    expect(recap.text).toContain('lundi 7 h, mardi 10,5 h, mercredi 7 h, jeudi 7 h, vendredi 4 h (35,5 h par semaine)');
  });

  it("the recap links a regular schedule's daily finding to the hours per day", async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    const form = { ...validInternship, workingDays: ['1', '2', '3', '4'], hoursPerDay: '11' };
    await client.submit(`${base}/internship`, form);
    await client.submit(`${base}/internship`, form);
    await continueToRecap(client, base);
    const recap = await client.request(`${base}/recap`);
    expect(recap.text).toContain(`href="${base}/internship?from=recap#hoursPerDay"`);
    expect(recap.text).toContain('lundi, mardi, mercredi, jeudi : 11 h par jour (44 h par semaine)');
  });

  it('refuses a day-by-day schedule without any hours', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    const empty = { ...irregularWeek, dayHours1: '', dayHours2: '', dayHours3: '', dayHours4: '', dayHours5: '' };
    expect((await client.submit(`${base}/internship`, { ...validInternship, ...empty })).location).toBe(`${base}/internship`);
    const page = await client.request(`${base}/internship`);
    expect(page.text).toContain('Indiquez les heures d&#39;au moins un jour.');
    expect((await storedConvention(base)).weeklySchedule).toBeNull();
  });
});

describe('presence on public holidays, Sundays and at night', () => {
  it('a schedule with Sunday hours must answer yes to Sunday presence', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    const sundays = { ...validInternship, workingDays: ['3', '4', '5', '6', '7'] };
    expect((await client.submit(`${base}/internship`, sundays)).location).toBe(`${base}/internship`);
    expect((await client.request(`${base}/internship`)).text).toContain('href="#sundayPresence"');
    const answered = { ...sundays, sundayPresence: 'yes', sundayDescription: 'Accueil du public le dimanche', sundayHours: '0' };
    expect((await client.submit(`${base}/internship`, answered)).location).toBe(`${base}/review`);
    expect((await storedConvention(base)).weeklySchedule).toEqual([0, 0, 7, 7, 7, 7, 7]);
  });

  it('adds the declared hours to the computed total', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    const form = {
      ...validInternship,
      holidayPresence: 'yes',
      holidayDescription: 'Permanence du lundi de Pâques',
      holidayHours: '7',
      sundayPresence: 'yes',
      sundayDescription: 'Deux salons',
      sundayHours: '10,5',
    };
    await client.submit(`${base}/internship`, form);
    const convention = await storedConvention(base);
    const scheduled = computePresence({
      startDate: validInternship.startDate as string,
      endDate: validInternship.endDate as string,
      weeklySchedule: [7, 7, 7, 7, 7, 0, 0],
    });
    expect(convention).toMatchObject({ holidayHours: 7, sundayHours: 10.5, computedTotalHours: scheduled.hours + 17.5 });
  });

  it('asks for the hours when the presence is declared', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    await client.submit(`${base}/internship`, { ...validInternship, nightPresence: 'yes', nightDescription: 'Inventaire' });
    const page = await client.request(`${base}/internship`);
    expect(page.text).toContain('href="#nightHours"');
    expect(page.text).toMatch(/id="nightHours-error"/);
  });
});

describe('a minor at the start date', () => {
  const birthDate = `${nextYear - 17}-01-15`;

  it('is asked for the derogation, and Sunday presence without it is an error on the step', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false, birthDate });
    const before = await client.request(`${base}/internship`);
    expect(before.text).toContain('id="minorDerogation"');
    const form = { ...validInternship, sundayPresence: 'yes', sundayDescription: 'Marché du dimanche', sundayHours: '8' };
    expect((await client.submit(`${base}/internship`, form)).location).toBe(`${base}/internship`);
    const page = await client.request(`${base}/internship`);
    expect(page.text).toContain('Un stagiaire mineur ne peut pas être présent le dimanche sans dérogation');
    expect(page.text).toContain('href="#minorDerogation"');
    const derogation = { ...form, minorDerogation: 'Fleuristes : accord de branche du 13 juin 2024' };
    expect((await client.submit(`${base}/internship`, derogation)).location).toBe(`${base}/review`);
  });

  it('is not asked for a derogation when of age', async () => {
    const { client, base } = await draftUpToInternship(pstage, { subject: false });
    expect((await client.request(`${base}/internship`)).text).not.toContain('id="minorDerogation"');
  });
});
