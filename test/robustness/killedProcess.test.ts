import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { lockClass } from '../../src/models/advisoryLocks';
import { conventionEvents, conventions, outbox, signatures, users } from '../../src/models/schema';
import { conventionReadyToValidate, launchOffice, validateAsOffice } from '../services/office/officeJourney';
import { today } from '../support/clock';
import { startProductionLike, type ProductionLike } from '../support/productionLike';
import { until, type SpawnedPstage } from '../support/spawnedPstage';
import { fillConventionAsStudent, proposeSubject, submitConventionAsStudent } from '../support/studentJourney';

/** Spawned Pstage processes killed with SIGKILL on PostgreSQL (the suite's PostgreSQL pass): needs DATABASE_URL. */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.info(
    'test/robustness/killedProcess.test.ts: skipped, it needs a PostgreSQL server (Pstage processes share it and are killed; runs when DATABASE_URL is set)',
  );
const onPostgres = databaseUrl ? describe : describe.skip;

/** Every moment these tests stop Pstage at; a point waits only while the test holds its lock. */
const holdPoints = 'convention.submit,convention.validate,convention.record_signature,outbox.mail.delivered,outbox.ags.delivered';

let lab: ProductionLike;
let admin: Client;
beforeAll(async () => {
  if (!databaseUrl) return;
  lab = await startProductionLike('killed');
  await lab.registerLms();
  admin = new Client({ connectionString: lab.databaseUrl });
  await admin.connect();
}, 60_000);
afterAll(async () => {
  await admin?.end();
  await lab?.close();
});
beforeEach(async () => lab?.reset());

const start = async () => (await lab.start({ PSTAGE_HOLD_AT: holdPoints }))[0];
const db = () => lab.database().db;
const target = () => ({ database: lab.database(), launch: lab.lms.launch });

/**
 * Holds a hold point's lock: Pstage, reaching it, waits (inside its transaction) until the test kills it.
 * `killThere` waits for Pstage to be there, kills it, releases the lock and waits for its database session
 * to end (PostgreSQL rolls its transaction back then).
 */
async function holdAt(point: string) {
  await admin.query('select pg_advisory_lock($1, hashtext($2))', [lockClass.holdPoint, point]);
  return {
    async killThere(instance: SpawnedPstage) {
      await until(
        `Pstage waiting at ${point}`,
        async () => {
          const waiting = await admin.query(
            `select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = $1 and objid = hashtext($2)::oid and not granted`,
            [lockClass.holdPoint, point],
          );
          return waiting.rows[0].n > 0;
        },
        20_000,
      );
      await instance.kill();
      await admin.query('select pg_advisory_unlock($1, hashtext($2))', [lockClass.holdPoint, point]);
      await until(
        'the killed process’s sessions to end',
        async () => {
          const sessions = await admin.query(`select count(*)::int as n from pg_stat_activity where application_name = $1`, [
            instance.name,
          ]);
          return sessions.rows[0].n === 0;
        },
        20_000,
      );
    },
  };
}

async function tally() {
  const [events] = await db().select({ n: count() }).from(conventionEvents);
  const [messages] = await db().select({ n: count() }).from(outbox);
  const [signed] = await db().select({ n: count() }).from(signatures);
  return { events: events.n, outbox: messages.n, signatures: signed.n };
}

/** The killed worker had leased its whole batch for ten minutes: time moves on, the leases run out. */
async function leasesRunOut() {
  await db()
    .update(outbox)
    .set({ lockedUntil: sql`now()` })
    .where(isNotNull(outbox.lockedUntil));
}

const conventionOf = async (id: number) => (await db().select().from(conventions).where(eq(conventions.id, id)))[0];

onPostgres('Pstage killed with SIGKILL at the worst moment', () => {
  it('in the middle of a submit: after restart the convention is the acknowledged draft, with no history or mail of the submit; the same session submits it once', async () => {
    let instance = await start();
    const { client, base, conventionId } = await fillConventionAsStudent(target());
    const draft = await conventionOf(conventionId);
    const before = await tally();

    const held = await holdAt('convention.submit');
    const submitting = client.submit(`${base}/recap`, {}).catch((error: unknown) => error);
    await held.killThere(instance);
    expect(await submitting).not.toMatchObject({ status: 303 });

    const after = await conventionOf(conventionId);
    expect(after).toEqual(draft);
    expect(after).toMatchObject({ state: 'draft', lastCompletedStep: draft.lastCompletedStep, startDate: draft.startDate });
    expect(await tally()).toEqual(before);

    instance = await start();
    // The session lives in the database: the student carries on where the acknowledged steps left them.
    expect((await client.submit(`${base}/recap`, {})).status).toBe(303);
    expect(await conventionOf(conventionId)).toMatchObject({ state: 'submitted', version: draft.version + 1 });
    const submits = await db()
      .select()
      .from(conventionEvents)
      .where(and(eq(conventionEvents.conventionId, conventionId), eq(conventionEvents.event, 'submit')));
    expect(submits).toHaveLength(1);
    const submittedMails = () =>
      lab.smtp.messages.filter(({ mail }) => mail.headers.get('x-pstage-notification') === 'conventionSubmitted');
    await until('the office’s mail', () => submittedMails().length > 0, 20_000);
    expect(submittedMails()).toHaveLength(1);
    await instance.stop();
  }, 120_000);

  it('in the middle of a validation: the convention stays submitted, without snapshot, history, mail or post-back of it; validated once after restart', async () => {
    let instance = await start();
    const { convention } = await conventionReadyToValidate(target());
    const { client } = await launchOffice(target());
    const page = `/office/conventions/${convention.id}`;
    const submitted = await conventionOf(convention.id);
    const before = await tally();

    const held = await holdAt('convention.validate');
    const validating = client.submit(page, { overrideReason: '' }, `${page}/validate`).catch((error: unknown) => error);
    await held.killThere(instance);
    await validating;

    expect(await conventionOf(convention.id)).toEqual(submitted);
    expect(submitted).toMatchObject({ state: 'submitted', frozenSnapshot: null });
    expect(await tally()).toEqual(before);

    instance = await start();
    expect((await client.submit(page, { overrideReason: '' }, `${page}/validate`)).location).toBe(`${page}?done=validate`);
    const validated = await conventionOf(convention.id);
    expect(validated).toMatchObject({ state: 'validated', version: submitted.version + 1 });
    expect(validated.frozenSnapshot).not.toBeNull();
    const validations = await db()
      .select()
      .from(conventionEvents)
      .where(and(eq(conventionEvents.conventionId, convention.id), eq(conventionEvents.event, 'validate')));
    expect(validations).toHaveLength(1);
    await instance.stop();
  }, 120_000);

  it('in the middle of recording a signature: no signature row, no history row; recorded once after restart', async () => {
    let instance = await start();
    const { convention } = await submitConventionAsStudent(target());
    await validateAsOffice(target(), convention.id);
    const { client } = await launchOffice(target());
    const page = `/office/conventions/${convention.id}`;
    const validated = await conventionOf(convention.id);
    const before = await tally();

    const held = await holdAt('convention.record_signature');
    const signing = client
      .submit(page, { party: 'student', signedAt: today, method: 'paper' }, `${page}/signatures`)
      .catch((e: unknown) => e);
    await held.killThere(instance);
    await signing;

    expect(await conventionOf(convention.id)).toEqual(validated);
    expect(await tally()).toEqual(before);

    instance = await start();
    expect((await client.submit(page, { party: 'student', signedAt: today, method: 'paper' }, `${page}/signatures`)).location).toBe(
      `${page}?done=signature`,
    );
    expect(await db().select().from(signatures).where(eq(signatures.conventionId, convention.id))).toHaveLength(1);
    await instance.stop();
  }, 120_000);

  it('between handing a mail to SMTP and marking it sent: that mail is sent again after restart with the same Message-ID, the others once', async () => {
    const instance = await start();
    const held = await holdAt('outbox.mail.delivered');
    const { client } = await lab.lms.launch('camille-martin', 'm1-info');
    await proposeSubject({ database: lab.database() }, client);
    await until('a mail at the SMTP server', () => lab.smtp.messages.length === 1, 20_000);
    await held.killThere(instance);

    const messageIdOf = (id: number) => `<pstage-outbox-${id}@univ.example.fr>`;
    const [received] = lab.smtp.messages;
    const mails = await db().select().from(outbox).where(eq(outbox.kind, 'mail'));
    const handed = mails.find((row) => messageIdOf(row.id) === received.mail.messageId)!;
    expect(handed).toMatchObject({ status: 'pending', attempts: 0 });
    expect(handed.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    await leasesRunOut();

    const restarted = await start();
    await until(
      'every mail marked sent',
      async () => (await db().select().from(outbox).where(eq(outbox.kind, 'mail'))).every((row) => row.status === 'sent'),
      20_000,
    );
    const copies = new Map<string, number>();
    for (const { mail } of lab.smtp.messages) copies.set(mail.messageId!, (copies.get(mail.messageId!) ?? 0) + 1);
    expect(Object.fromEntries(copies)).toEqual(Object.fromEntries(mails.map((row) => [messageIdOf(row.id), row.id === handed.id ? 2 : 1])));
    await restarted.stop();
  }, 120_000);

  it('between posting a score to the LMS and marking it sent: posted again after restart with the same timestamp, which the LMS keeps once', async () => {
    const instance = await start();
    const held = await holdAt('outbox.ags.delivered');
    const { client } = await lab.lms.launch('camille-martin', 'm1-info');
    await proposeSubject({ database: lab.database() }, client);
    await until('the score at the LMS', () => lab.lms.scorePosts.length === 1, 20_000);
    await held.killThere(instance);
    const [row] = await db().select().from(outbox).where(eq(outbox.kind, 'ags'));
    expect(row.status).toBe('pending');
    await leasesRunOut();

    const restarted = await start();
    await until(
      'the post-back marked sent',
      async () => (await db().select().from(outbox).where(eq(outbox.id, row.id)))[0].status === 'sent',
      20_000,
    );
    const [student] = await db().select().from(users).where(eq(users.sub, '101'));
    const [first, second] = lab.lms.scorePosts;
    expect(lab.lms.scorePosts).toEqual([
      { userId: student.sub, timestamp: first.timestamp, status: 200 },
      // The same score again: refused as not newer (Moodle compares the timestamps), and Pstage takes that as done.
      { userId: student.sub, timestamp: first.timestamp, status: 409 },
    ]);
    expect(second.timestamp).toBe(first.timestamp);
    expect(lab.lms.platform.gradebook().scores).toHaveLength(1);
    await restarted.stop();
  }, 120_000);
});
