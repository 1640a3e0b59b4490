import pino from 'pino';
import { eq, sql } from 'drizzle-orm';
import { officeQueueRepository } from '../../../src/models/officeQueueRepository';
import { conventions } from '../../../src/models/schema';
import { createNotificationScheduler } from '../../../src/services/notifications/scheduler';
import { useTestPstage } from '../../support/pstage';
import { nextYear, submitConventionAsStudent } from '../../support/studentJourney';
import { acceptCertificateAsOffice, completeAsOffice, recordSignaturesAsOffice, validateAsOffice } from '../office/officeJourney';
import { queuedMails } from './outboxMails';

const pstage = useTestPstage();
const officeEmail = 'stages@univ.example.fr';
const logger = pino({ level: 'silent' });
const schedulerAt = (now: string) =>
  createNotificationScheduler({ db: pstage.database.db, officeEmail, logger, clock: () => new Date(now) });
const startDate = `${nextYear}-03-02`;

describe('the office’s daily digest', () => {
  it('lists the conventions submitted the day before, once, whichever process or restart runs it', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await pstage.database.db
      .update(conventions)
      .set({ submittedAt: new Date('2026-11-25T15:00:00Z') })
      .where(eq(conventions.id, convention.id));

    expect((await schedulerAt('2026-11-25T20:00:00Z').runOnce()).digest).toBe(false);
    expect(await queuedMails(pstage, 'dailyDigest')).toHaveLength(0);

    expect((await schedulerAt('2026-11-26T06:00:00Z').runOnce()).digest).toBe(true);
    // Another process, or the same one after a restart, later that day.
    expect((await schedulerAt('2026-11-26T06:15:00Z').runOnce()).digest).toBe(false);
    await Promise.all([schedulerAt('2026-11-26T09:00:00Z').runOnce(), schedulerAt('2026-11-26T09:00:00Z').runOnce()]);

    const digests = await queuedMails(pstage, 'dailyDigest');
    expect(digests).toHaveLength(1);
    expect(digests[0].payload.to).toEqual({ email: officeEmail, name: 'Service des stages', locale: 'fr' });
    expect(digests[0].payload.data).toEqual({
      date: '2026-11-25',
      conventions: [
        {
          reference: convention.reference,
          studentName: 'Camille Martin',
          programmeTitle: 'M1 Informatique',
          organisationName: 'Société Générale Informatique',
          startDate,
          path: `/office/conventions/${convention.id}`,
        },
      ],
      path: '/office',
    });
  });

  it('lists the internships that start soonest first, as the mail says', async () => {
    const { convention: later } = await submitConventionAsStudent(pstage);
    const { convention: sooner } = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    await pstage.database.db
      .update(conventions)
      .set({ submittedAt: new Date('2026-11-25T09:00:00Z') })
      .where(eq(conventions.id, later.id));
    await pstage.database.db
      .update(conventions)
      .set({ submittedAt: new Date('2026-11-25T15:00:00Z'), startDate: `${nextYear}-02-01` })
      .where(eq(conventions.id, sooner.id));
    expect((await schedulerAt('2026-11-26T06:00:00Z').runOnce()).digest).toBe(true);
    const [digest] = await queuedMails(pstage, 'dailyDigest');
    const listed = (digest.payload.data as { conventions: { path: string }[] }).conventions.map((item) => item.path);
    expect(listed).toEqual([`/office/conventions/${sooner.id}`, `/office/conventions/${later.id}`]);
  });

  it('counts days in France: a convention submitted at 23:30 in Paris belongs to that day', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await pstage.database.db
      .update(conventions)
      .set({ submittedAt: new Date('2026-11-24T22:30:00Z') })
      .where(eq(conventions.id, convention.id));
    expect((await schedulerAt('2026-11-26T08:00:00Z').runOnce()).digest).toBe(false);
    expect((await schedulerAt('2026-11-25T08:00:00Z').runOnce()).digest).toBe(true);
  });

  it('sends nothing for a day without new conventions, nor for one that was cancelled since', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    await pstage.database.db
      .update(conventions)
      .set({ submittedAt: new Date('2026-11-25T10:00:00Z') })
      .where(eq(conventions.id, convention.id));
    await client.submit(`/student/conventions/${convention.id}`, { confirmed: 'yes' }, `/student/conventions/${convention.id}/cancel`);
    expect((await schedulerAt('2026-11-26T08:00:00Z').runOnce()).digest).toBe(false);
    expect(await queuedMails(pstage, 'dailyDigest')).toHaveLength(0);
  });
});

describe('reminders before the start of an internship whose convention is not complete', () => {
  it('reminds the student and the office a week before, once, with what is missing; again the day before', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    await recordSignaturesAsOffice(pstage, convention.id, ['student']);

    expect((await schedulerAt(`${nextYear}-02-20T08:00:00Z`).runOnce()).reminders).toBe(0);
    expect((await schedulerAt(`${nextYear}-02-24T08:00:00Z`).runOnce()).reminders).toBe(2);
    expect((await schedulerAt(`${nextYear}-02-25T08:00:00Z`).runOnce()).reminders).toBe(0);
    expect((await schedulerAt(`${nextYear}-02-27T16:00:00Z`).runOnce()).reminders).toBe(0);

    const reminders = await queuedMails(pstage, 'startReminder');
    expect(reminders.map((mail) => [mail.payload.to.email, mail.payload.data.path])).toEqual([
      ['camille.martin@etu.example.fr', `/student/conventions/${convention.id}`],
      [officeEmail, `/office/conventions/${convention.id}`],
    ]);
    expect(reminders[0].payload.data).toMatchObject({
      reference: convention.reference,
      startDate,
      missing: ['hostSignatorySignature', 'professionalTutorSignature', 'academicTutorSignature', 'deanSignature', 'certificate'],
    });

    expect((await schedulerAt(`${nextYear}-03-01T08:00:00Z`).runOnce()).reminders).toBe(2);
    expect((await schedulerAt(`${nextYear}-03-01T12:00:00Z`).runOnce()).reminders).toBe(0);
    expect(await queuedMails(pstage, 'startReminder')).toHaveLength(4);
  });

  it('does not remind about a complete convention, nor count an accepted certificate as missing', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await acceptCertificateAsOffice(pstage, convention.id);
    await schedulerAt(`${nextYear}-02-24T08:00:00Z`).runOnce();
    expect((await queuedMails(pstage, 'startReminder'))[0].payload.data.missing).not.toContain('certificate');

    await validateAsOffice(pstage, convention.id);
    await completeAsOffice(pstage, convention.id);
    expect((await schedulerAt(`${nextYear}-03-01T08:00:00Z`).runOnce()).reminders).toBe(0);
  });

  it('once started, it runs at once and then periodically, queuing each reminder once', async () => {
    await submitConventionAsStudent(pstage);
    // Each pass reads the clock once: counting the readings counts the passes.
    let passes = 0;
    const clock = () => {
      passes += 1;
      return new Date(`${nextYear}-02-26T08:00:00Z`);
    };
    const scheduler = createNotificationScheduler({ db: pstage.database.db, officeEmail, logger, intervalMs: 50, clock });
    scheduler.start();
    expect(passes).toBe(1);
    const deadline = Date.now() + 10_000;
    while (passes < 3) {
      if (Date.now() > deadline) throw new Error(`only ${passes} passes in 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await scheduler.stop();
    // The same two reminders however many passes ran (dedupe keys).
    expect(await queuedMails(pstage, 'startReminder')).toHaveLength(2);
  });
});

describe('the counts of conventions', () => {
  it('are folded by each pass into a row per state, year and programme, the dashboard’s counters unchanged, and the statistics’ changes into a row per year', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    await validateAsOffice(pstage, convention.id);
    const { db } = pstage.database;
    const rowsOf = async (table: 'convention_counts' | 'statistics_changes') =>
      Number(
        ((await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)) as unknown as { rows: { n: number }[] }).rows[0]
          .n,
      );
    const keptRows = () => rowsOf('convention_counts');
    const counters = await officeQueueRepository.countByState(db);
    expect(counters).toMatchObject({ submitted: 1, validated: 1 });
    // Each convention's creation and each of its changes of state appended a difference.
    expect(await keptRows()).toBeGreaterThan(2);
    // Likewise the changes of the year's statistics: a submission and a validation each appended one.
    expect(await rowsOf('statistics_changes')).toBeGreaterThan(1);

    await schedulerAt(`${nextYear}-02-26T08:00:00Z`).runOnce();

    expect(await keptRows()).toBe(2);
    // One row for the year (and on PostgreSQL one for every year, '*': the tables were truncated before the test).
    const years = (
      (await db.execute(sql`select count(distinct academic_year)::int as n from statistics_changes`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0].n;
    expect(await rowsOf('statistics_changes')).toBe(Number(years));
    expect(Number(years)).toBeLessThanOrEqual(2);
    expect(await officeQueueRepository.countByState(db)).toEqual(counters);
  });
});
