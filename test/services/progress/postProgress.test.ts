import net from 'node:net';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { agsScopes } from '../../../src/lti/ags';
import { outboxRepository } from '../../../src/models/outboxRepository';
import { outbox, programmes, subjects, users } from '../../../src/models/schema';
import { createOutboxWorker } from '../../../src/services/outbox/worker';
import { type ProgressPayload } from '../../../src/services/progress/enqueueProgressUpdate';
import { decideSubjects } from '../../../src/services/programme/subjectDecisions';
import { noAgsEndpoint, progressPostBackFor } from '../../../src/services/progress/postProgress';
import { testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { proposeSubject, submitConventionAsStudent } from '../../support/studentJourney';

const pstage = useTestPstage();
const logger = pino({ level: 'silent' });

beforeEach(() => {
  pstage.devPlatform!.setOutage(null);
  pstage.devPlatform!.clearGradebook();
  pstage.devPlatform!.setLinkGraded('m1-info', true);
});

function worker() {
  return createOutboxWorker({
    db: pstage.database.db,
    handlers: { ags: progressPostBackFor(pstage.services) },
    logger,
    retryDelay: () => 60_000,
  });
}

/** The retry delay has passed. */
async function makeDue() {
  await pstage.database.db.update(outbox).set({ nextAttemptAt: sql`now()` });
}

async function userBySub(sub: string) {
  const [user] = await pstage.database.db.select().from(users).where(eq(users.sub, sub));
  return user;
}

/** The programme head (launched from the course) validates the subject through the panel's use case. */
async function validateSubject(subjectId: number) {
  const [subject] = await pstage.database.db.select().from(subjects).where(eq(subjects.id, subjectId));
  await pstage.launch('jean-dupont', 'm1-info');
  const head = await userBySub('201');
  await decideSubjects(
    pstage.database.db,
    {
      programmeId: subject.programmeId,
      actorUserId: head.id,
      subjectIds: [subjectId],
      decision: 'validate',
    },
    testClock,
  );
}

function scoresOf(userId: string) {
  return pstage.devPlatform!.gradebook().scores.filter((score) => score.userId === userId);
}

function agsRows() {
  return outboxRepository.list(pstage.database.db, { kind: 'ags' });
}

describe("the student progress posted to the activity's own gradebook column", () => {
  it("posts to the line item the launch names (the AGS claim's lineitem), creating none", async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    const column = pstage.devPlatform!.columnOf('m1-info');

    expect(await worker().runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(pstage.devPlatform!.gradebook().lineItems).toEqual([column]);
    expect(pstage.devPlatform!.scoresOn(column.id)).toEqual([expect.objectContaining({ userId: '101', scoreGiven: 1, scoreMaximum: 6 })]);
    const [programme] = await pstage.database.db.select().from(programmes).where(eq(programmes.id, subject.programmeId));
    expect(programme.lineItemUrl).toBe(column.id);
  });

  it("moves from a column Pstage created to the activity's own once a launch names it, and keeps it on a launch that names none", async () => {
    pstage.devPlatform!.setLinkGraded('m1-info', false);
    const camille = await pstage.launch('camille-martin', 'm1-info');
    await proposeSubject(pstage, camille.client);
    await worker().runOnce();
    const [created] = pstage.devPlatform!.gradebook().lineItems;
    expect(created).toMatchObject({ tag: 'pstage-convention' });

    // The teacher gives the activity a grade: the next launches name its column.
    pstage.devPlatform!.setLinkGraded('m1-info', true);
    const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
    await proposeSubject(pstage, elodie.client);
    // The programme head opens the course's deep-linking placement: no lineitem in that launch.
    await pstage.launch('jean-dupont', 'm1-info-deep-link');
    await worker().runOnce();

    const column = pstage.devPlatform!.columnOf('m1-info');
    expect(pstage.devPlatform!.scoresOn(column.id).map((score) => score.userId)).toEqual(['102']);
    expect(pstage.devPlatform!.scoresOn(created.id).map((score) => score.userId)).toEqual(['101']);
  });
});

describe('the student progress posted to the LMS gradebook (AGS) when the activity has no grade column', () => {
  beforeEach(() => pstage.devPlatform!.setLinkGraded('m1-info', false));
  afterAll(() => pstage.devPlatform!.setLinkGraded('m1-info', true));

  it('posts the proposed subject as 1/6 with a French comment, on a line item "Convention de stage" it creates, shown on /dev/gradebook', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);

    expect(await worker().runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    const { lineItems } = pstage.devPlatform!.gradebook();
    expect(lineItems).toEqual([
      expect.objectContaining({ label: 'Convention de stage', scoreMaximum: 6, tag: 'pstage-convention', contextId: 'course-m1-info' }),
    ]);
    const [programme] = await pstage.database.db.select().from(programmes).where(eq(programmes.id, subject.programmeId));
    expect(programme.lineItemUrl).toBe(lineItems[0].id);
    const [row] = await agsRows();
    const payload = row.payload as unknown as ProgressPayload;
    expect(scoresOf('101')).toEqual([
      expect.objectContaining({
        lineItemId: lineItems[0].id,
        scoreGiven: 1,
        scoreMaximum: 6,
        activityProgress: 'Started',
        gradingProgress: 'FullyGraded',
        timestamp: payload.changedAt,
        comment: expect.stringMatching(/^Sujet proposé, en attente de validation \(le \d{1,2} \S+ \d{4}\)\.$/),
      }),
    ]);
    expect(row.status).toBe('sent');

    const page = await fetch(`${pstage.url}/dev/gradebook`).then((response) => response.text());
    const camilleRow = /<tr>\s*<th scope="row">Camille Martin<\/th>[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(camilleRow).toContain('1 / 6');
    expect(camilleRow).toContain('Sujet proposé, en attente de validation');
    expect(camilleRow).toContain('Started');
    expect(camilleRow).toContain('FullyGraded');
  });

  it('writes the comment in English for a student who launched in English', async () => {
    const { client } = await pstage.launch('elodie-lefevre', 'm1-info');
    await proposeSubject(pstage, client);
    await worker().runOnce();
    expect(scoresOf('102')).toEqual([
      expect.objectContaining({ scoreGiven: 1, comment: expect.stringMatching(/^Subject proposed, awaiting validation \(on /) }),
    ]);
  });

  it('creates the line item once when two deliveries for the same programme run at the same time', async () => {
    const camille = await pstage.launch('camille-martin', 'm1-info');
    await proposeSubject(pstage, camille.client);
    const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
    await proposeSubject(pstage, elodie.client);

    const counts = await Promise.all([
      createOutboxWorker({
        db: pstage.database.db,
        handlers: { ags: progressPostBackFor(pstage.services) },
        logger,
        batchSize: 1,
      }).runOnce(),
      worker().runOnce(),
    ]);

    expect(counts.reduce((sum, count) => sum + count.sent, 0)).toBe(2);
    expect(pstage.devPlatform!.gradebook().lineItems).toHaveLength(1);
    expect([...scoresOf('101'), ...scoresOf('102')].map((score) => score.scoreGiven)).toEqual([1, 1]);
  });

  it('creates the line item once when the handler delivers two students of one programme at the very same moment', async () => {
    for (const persona of ['camille-martin', 'elodie-lefevre']) {
      const { client } = await pstage.launch(persona, 'm1-info');
      await proposeSubject(pstage, client);
    }
    const rows = await agsRows();
    const handler = progressPostBackFor(pstage.services);

    await Promise.all(rows.map((row) => handler(row.payload, { id: row.id, attempts: 0, createdAt: row.createdAt })));

    expect(pstage.devPlatform!.gradebook().lineItems).toHaveLength(1);
    expect(pstage.devPlatform!.gradebook().scores.map((score) => score.lineItemId)).toEqual(
      Array(2).fill(pstage.devPlatform!.gradebook().lineItems[0].id),
    );
  });

  it('finds the line item already in the course gradebook instead of creating another one', async () => {
    const first = await pstage.launch('camille-martin', 'm1-info');
    await proposeSubject(pstage, first.client);
    await worker().runOnce();
    await pstage.database.db.update(programmes).set({ lineItemUrl: null });
    const second = await pstage.launch('elodie-lefevre', 'm1-info');
    await proposeSubject(pstage, second.client);
    await worker().runOnce();
    expect(pstage.devPlatform!.gradebook().lineItems).toHaveLength(1);
    expect(scoresOf('102')).toHaveLength(1);
  });

  it('posts a growing score as the subject is validated and the convention submitted, each change in its own second', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    await worker().runOnce();
    await validateSubject(subject.id);
    await worker().runOnce();
    await submitConventionAsStudent(pstage, { persona: 'camille-martin', subject: false });
    await worker().runOnce();

    const scores = scoresOf('101');
    expect(scores.map((score) => [score.scoreGiven, score.activityProgress])).toEqual([
      [1, 'Started'],
      [2, 'InProgress'],
      [3, 'Submitted'],
    ]);
    expect(scores[2].comment).toMatch(/^Convention soumise au service des stages/);
    const seconds = scores.map((score) => Math.floor(Date.parse(score.timestamp) / 1000));
    expect(new Set(seconds).size).toBe(3);
    const page = await fetch(`${pstage.url}/dev/gradebook`).then((response) => response.text());
    const camilleRow = /<th scope="row">Camille Martin<\/th>([\s\S]*?)<\/tr>/.exec(page)?.[1] ?? '';
    expect(camilleRow).toContain('3 / 6');
    expect(camilleRow).toContain('1 → 2 → 3');
    expect(await outboxRepository.countByStatus(pstage.database.db)).toMatchObject({ failed: 0 });
  });

  it('delivers only the latest state when several changes are queued for the same student', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    await validateSubject(subject.id);

    expect(await worker().runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(scoresOf('101').map((score) => score.scoreGiven)).toEqual([2]);
    expect((await agsRows()).map((row) => row.status)).toEqual(['sent', 'superseded']);
  });

  it('keeps retrying while the LMS answers 500, keeping the last error, then delivers the latest state once, in order', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    await worker().runOnce();
    pstage.devPlatform!.setOutage('error500');
    await validateSubject(subject.id);

    expect(await worker().runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [failing] = await outboxRepository.listFailing(pstage.database.db);
    expect(failing).toMatchObject({ kind: 'ags', status: 'pending', attempts: 1, lastError: expect.stringMatching(/500/) });
    await makeDue();
    expect(await worker().runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });

    pstage.devPlatform!.setOutage(null);
    await makeDue();
    expect(await worker().runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(scoresOf('101').map((score) => score.scoreGiven)).toEqual([1, 2]);
    expect(await outboxRepository.listFailing(pstage.database.db)).toEqual([]);
  });

  it('retries when the LMS refuses the connection, then delivers once it is back', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await proposeSubject(pstage, client);
    const [programme] = await pstage.database.db.select().from(programmes);
    const closedPort = await unusedPort();
    await pstage.database.db
      .update(programmes)
      .set({ lineItemsUrl: `http://127.0.0.1:${closedPort}/platform/ags/course-m1-info/lineitems` });

    expect(await worker().runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [row] = await agsRows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(pstage.devPlatform!.gradebook().lineItems).toEqual([]);

    await pstage.database.db.update(programmes).set({ lineItemsUrl: programme.lineItemsUrl });
    await makeDue();
    expect(await worker().runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(scoresOf('101').map((score) => score.scoreGiven)).toEqual([1]);
  });

  it('drops a cached access token the LMS no longer accepts (401) and succeeds with a new one at the next attempt', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    await worker().runOnce();
    const [programme] = await pstage.database.db.select().from(programmes);
    const key = { platformUrl: programme.iss, clientId: programme.clientId, scopes: `${agsScopes.lineItem} ${agsScopes.score}` };
    // What a restarted LMS does to the token Pstage cached: it no longer knows it.
    await pstage.services
      .lti()
      .plugin.Replace(
        pstage.services.config.encryptionKey,
        'accesstoken',
        key,
        { token: { access_token: 'forgotten', token_type: 'Bearer', expires_in: 3600 } },
        key,
      );
    await validateSubject(subject.id);

    expect(await worker().runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await agsRows())[0].lastError).toMatch(/401/);
    await makeDue();
    expect(await worker().runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(scoresOf('101').map((score) => score.scoreGiven)).toEqual([1, 2]);
  });

  it('does not retry forever for a programme whose launch carried no AGS endpoint', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await pstage.database.db.update(programmes).set({ lineItemsUrl: null, lineItemUrl: null });
    await proposeSubject(pstage, client);

    expect(await worker().runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 1 });
    await makeDue();
    expect(await worker().runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(pstage.devPlatform!.gradebook().scores).toEqual([]);
    expect(await outboxRepository.listFailing(pstage.database.db)).toEqual([]);
    const [row] = await agsRows();
    expect(row).toMatchObject({ status: 'skipped', lastError: noAgsEndpoint, sentAt: null });
  });

  it('a post-back that failed for good leaves the failing list once a newer state of the same student is delivered', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    pstage.devPlatform!.setOutage('error500');
    const impatient = createOutboxWorker({
      db: pstage.database.db,
      handlers: { ags: progressPostBackFor(pstage.services) },
      logger,
      maxAttempts: 1,
    });
    expect(await impatient.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [stale] = await outboxRepository.listFailing(pstage.database.db);
    expect(stale).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/500/) });

    pstage.devPlatform!.setOutage(null);
    await validateSubject(subject.id);
    expect(await worker().runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(scoresOf('101').map((score) => score.scoreGiven)).toEqual([2]);
    expect(await outboxRepository.listFailing(pstage.database.db)).toEqual([]);
    expect((await agsRows()).map((row) => [row.id === stale.id, row.status])).toEqual([
      [false, 'sent'],
      [true, 'superseded'],
    ]);
  });

  it('counts a state the LMS refuses as older than the one it holds (409) as delivered, and keeps the later one', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    const [proposed] = await agsRows();
    await validateSubject(subject.id);
    await worker().runOnce();

    const camille = await userBySub('101');
    const handler = progressPostBackFor(pstage.services);
    await expect(handler(proposed.payload, { id: proposed.id, attempts: 0, createdAt: proposed.createdAt })).resolves.toBeUndefined();
    expect(scoresOf('101').map((score) => score.scoreGiven)).toEqual([2]);
    expect(camille.sub).toBe('101');
  });

  it("gives up at once, for the office to see, when the programme's platform is no longer registered", async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await proposeSubject(pstage, client);
    await pstage.database.db.update(programmes).set({ clientId: 'removed-client' });

    expect(await worker().runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [failing] = await outboxRepository.listFailing(pstage.database.db);
    expect(failing).toMatchObject({ kind: 'ags', status: 'failed', lastError: expect.stringMatching(/not registered/) });
  });
});

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
