import { and, eq, notInArray } from 'drizzle-orm';
import { outbox } from '../../src/models/schema';
import { nextYear } from '../support/clock';
import { startProductionLike, type ProductionLike } from '../support/productionLike';
import { until, type SpawnedPstage } from '../support/spawnedPstage';
import { submitConventionAsStudent } from '../support/studentJourney';

/** Two Pstage processes on one PostgreSQL database (the suite's PostgreSQL pass): needs DATABASE_URL. */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.info(
    'test/robustness/twoInstances.test.ts: skipped, it needs a PostgreSQL server (two Pstage processes share it; runs when DATABASE_URL is set)',
  );
const onPostgres = databaseUrl ? describe : describe.skip;

/** The clock of both at first: five days before the internships start (nextYear-03-02), so reminders are due the next day. */
const firstDay = `${nextYear}-02-25`;
const nextDay = `${nextYear}-02-26`;
const students = ['m1-student-1', 'm1-student-2', 'm1-student-3', 'm1-student-4'];

let lab: ProductionLike | undefined;
let instances: SpawnedPstage[] = [];
beforeAll(async () => {
  if (!databaseUrl) return;
  lab = await startProductionLike('twoinstances', { freshDatabase: true });
  // Both start at once on a database without a table: one applies the migrations, the other waits for it.
  instances = await lab.start({ PSTAGE_TODAY: firstDay }, 2);
  await lab.registerLms();
}, 120_000);
afterAll(async () => lab?.close());

/** Nothing left to deliver: every mail and post-back sent, superseded or skipped. */
async function outboxSettled(): Promise<boolean> {
  const waiting = await lab!
    .database()
    .db.select({ id: outbox.id })
    .from(outbox)
    .where(notInArray(outbox.status, ['sent', 'superseded', 'skipped']));
  return waiting.length === 0;
}

/** How many copies of each message the SMTP server received, by Message-ID. */
function copiesByMessageId(): Map<string, number> {
  const copies = new Map<string, number>();
  for (const { mail } of lab!.smtp.messages) copies.set(mail.messageId!, (copies.get(mail.messageId!) ?? 0) + 1);
  return copies;
}

/** The Message-ID each sent mail row was given. */
async function sentMailIds(): Promise<string[]> {
  const rows = await lab!
    .database()
    .db.select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.kind, 'mail'), eq(outbox.status, 'sent')));
  return rows.map((row) => `<pstage-outbox-${row.id}@univ.example.fr>`);
}

const logged = (instances: SpawnedPstage[], message: string) =>
  instances.flatMap((instance) => instance.messages()).filter((msg) => msg === message).length;

onPostgres('two Pstage instances on one database behind a round-robin proxy', () => {
  it('serve the same users, every request landing on either: each mail and each post-back leaves once', async () => {
    const target = { database: lab!.database(), launch: lab!.lms.launch };
    await Promise.all(students.map((persona) => submitConventionAsStudent(target, { persona })));
    const { page: office } = await lab!.lms.launch('office', 'office');
    expect(office.text).toContain('<h1>Service des stages</h1>');
    for (const instance of instances) expect(lab!.proxy.served.get(instance.port)).toBeGreaterThan(20);

    await until('every mail and post-back delivered', outboxSettled, 30_000);
    const copies = copiesByMessageId();
    expect(copies.size).toBeGreaterThanOrEqual(students.length);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
    expect([...copies.keys()].sort()).toEqual((await sentMailIds()).sort());
    const posted = lab!.lms.scorePosts.map((post) => `${post.userId} ${post.timestamp}`);
    expect(posted.length).toBeGreaterThanOrEqual(students.length);
    expect(new Set(posted).size).toBe(posted.length);
    expect(lab!.lms.scorePosts.every((post) => post.status === 200)).toBe(true);
  }, 120_000);

  it('restarted together into the next day (after the conventions above), queue the digest and the reminders once and send each once', async () => {
    const conventionsSubmitted = students.length;
    const mailsBefore = lab!.smtp.messages.length;
    expect(mailsBefore).toBeGreaterThan(0);
    // SIGTERM to both: each finishes what it was doing and exits cleanly.
    expect(await Promise.all(instances.map((instance) => instance.stop()))).toEqual([0, 0]);
    // Both come back at once: their schedulers' first passes run together.
    instances = await lab!.start({ PSTAGE_TODAY: nextDay }, 2);
    const scheduledMails = async () => {
      const rows = await lab!.database().db.select().from(outbox).where(eq(outbox.kind, 'mail'));
      return {
        digests: rows.filter((row) => row.payload.template === 'dailyDigest').length,
        reminders: rows.filter((row) => row.payload.template === 'startReminder').length,
      };
    };
    await until(
      'the digest and the reminders queued and delivered',
      async () => (await scheduledMails()).digests > 0 && (await scheduledMails()).reminders > 0 && (await outboxSettled()),
      30_000,
    );
    // One reminder to each student and one to the office for each convention.
    expect(await scheduledMails()).toEqual({ digests: 1, reminders: 2 * conventionsSubmitted });
    const received = lab!.smtp.messages.slice(mailsBefore).map(({ mail }) => mail.headers.get('x-pstage-notification'));
    expect(received.filter((template) => template === 'dailyDigest')).toHaveLength(1);
    expect(received.filter((template) => template === 'startReminder')).toHaveLength(2 * conventionsSubmitted);
    expect([...copiesByMessageId().values()].every((count) => count === 1)).toBe(true);
    expect(logged(instances, 'scheduled notifications queued')).toBe(1);
    expect(await Promise.all(instances.map((instance) => instance.stop()))).toEqual([0, 0]);
  }, 120_000);
});
