import { Client } from 'pg';
import pino from 'pino';
import { lockClass } from '../../../src/models/advisoryLocks';
import { createNotificationScheduler } from '../../../src/services/notifications/scheduler';
import { testClock } from '../../support/clock';
import { testDatabaseUrl } from '../../support/database';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { queuedMails } from './outboxMails';

/** Another instance's pass is another session holding the scheduler's lock: PGlite has only one session. */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.info(
    'test/services/notifications/schedulerLock.test.ts: skipped, it needs a PostgreSQL server (a second session holds the lock; runs when DATABASE_URL is set)',
  );
const onPostgres = databaseUrl ? describe : describe.skip;

const pstage = useTestPstage();

onPostgres('the notification scheduler of two instances on one database', () => {
  it('skips its pass while another instance runs one, and runs it once that one is over', async () => {
    await submitConventionAsStudent(pstage);
    const tomorrow = new Date(testClock.now().getTime() + 24 * 3_600_000);
    const scheduler = createNotificationScheduler({
      db: pstage.database.db,
      officeEmail: 'stages@univ.example.fr',
      logger: pino({ level: 'silent' }),
      clock: () => tomorrow,
    });
    const otherInstance = new Client({ connectionString: await testDatabaseUrl() });
    await otherInstance.connect();
    try {
      await otherInstance.query('select pg_advisory_lock($1, 1)', [lockClass.scheduler]);
      expect(await scheduler.runOnce()).toEqual({ digest: false, reminders: 0, expiredSessions: 0, busy: true });
      expect(await queuedMails(pstage, 'dailyDigest')).toHaveLength(0);

      await otherInstance.query('select pg_advisory_unlock($1, 1)', [lockClass.scheduler]);
      expect(await scheduler.runOnce()).toMatchObject({ digest: true });
      expect(await queuedMails(pstage, 'dailyDigest')).toHaveLength(1);
    } finally {
      await otherInstance.end();
    }
  });
});
