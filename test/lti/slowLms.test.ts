import { eq } from 'drizzle-orm';
import pino from 'pino';
import { outboxRepository } from '../../src/models/outboxRepository';
import { programmes, rosterSyncs } from '../../src/models/schema';
import { createOutboxWorker } from '../../src/services/outbox/worker';
import { progressPostBackFor } from '../../src/services/progress/postProgress';
import { BrowserlessClient } from '../support/browserlessClient';
import { startTestPstage, type TestPstage } from '../support/pstage';
import { proposeSubject } from '../support/studentJourney';

/** The LMS gets one second per call here (5 s by default): each wait below is bounded by it. */
const lmsTimeoutMs = 1_000;
/** What a loaded machine adds around a bounded wait. */
const slack = 3_000;

let pstage: TestPstage;
beforeAll(async () => {
  pstage = await startTestPstage({ LMS_TIMEOUT_SECONDS: String(lmsTimeoutMs / 1000) });
}, 90_000);
afterAll(async () => pstage?.stop());
beforeEach(async () => {
  await pstage.reset();
  pstage.devPlatform!.clearGradebook();
});
afterEach(() => pstage.devPlatform!.setOutage(null));

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

describe('an LMS that stops answering', () => {
  it('the programme panel answers within the bound, saying the roster could not be updated, and keeps the stored one', async () => {
    const { client, page } = await pstage.launch('jean-dupont', 'm1-info');
    expect(page.text).toContain('Thomas Roux');
    const [programme] = await pstage.database.db.select().from(programmes);
    pstage.devPlatform!.setOutage('hang');

    const refresh = await timed(() =>
      client.request(`/programme/${programme.id}/roster/refresh`, { form: { _csrf: BrowserlessClient.csrfToken(page.text) } }),
    );
    expect(refresh.value.status).toBe(303);
    expect(refresh.ms).toBeLessThan(lmsTimeoutMs + slack);
    const after = await client.follow(refresh.value.location!);
    expect(after.text).toContain('e-campus n&#39;a pas répondu : la liste affichée est celle de la dernière mise à jour réussie.');
    expect(after.text).toContain('id="roster-unavailable"');
    expect(after.text).toContain('Thomas Roux');
    const [sync] = await pstage.database.db.select().from(rosterSyncs).where(eq(rosterSyncs.programmeId, programme.id));
    expect(sync.lastError).toMatch(/did not answer within 1 s|timeout|Timeout/i);
  });

  it("a programme head's first launch lands on the panel within the bound even though the roster cannot be had", async () => {
    pstage.devPlatform!.setOutage('hang');
    const launched = await timed(() => pstage.launch('jean-dupont', 'm1-info'));
    expect(launched.value.page.status).toBe(200);
    expect(launched.value.page.text).toContain('id="roster-unavailable"');
    // The launch itself, then one bounded wait for the roster.
    expect(launched.ms).toBeLessThan(lmsTimeoutMs + 2 * slack);
  });

  it('a post-back to the gradebook fails within the bound and is retried later, rather than holding the outbox worker', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await proposeSubject(pstage, client);
    pstage.devPlatform!.setOutage('hang');
    const worker = createOutboxWorker({
      db: pstage.database.db,
      handlers: { ags: progressPostBackFor(pstage.services) },
      logger: pino({ level: 'silent' }),
      retryDelay: () => 60_000,
    });

    const run = await timed(() => worker.runOnce());
    expect(run.value).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // The access token, the line item and the score are each one call: at most a few bounded waits.
    expect(run.ms).toBeLessThan(3 * lmsTimeoutMs + slack);
    const [row] = await outboxRepository.list(pstage.database.db, { kind: 'ags' });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/timeout|no answer in time|timed out/i);

    pstage.devPlatform!.setOutage(null);
    await outboxRepository.retryNow(pstage.database.db, row.id);
    expect(await worker.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(pstage.devPlatform!.gradebook().scores).toHaveLength(1);
  });
});
