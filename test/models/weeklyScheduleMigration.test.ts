import { rm } from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../src/models/database';
import { openEmptyPglite } from '../support/database';
import { migrationsFolderBefore } from '../support/migrationsBefore';

/** Found by its name, whatever number the migration gets. */
const SCHEDULE_MIGRATION = /_weekly_schedule$/;

describe('the weekly schedule migration', () => {
  it('turns the working days and hours per day of existing drafts and conventions into hours for each weekday', async () => {
    const client = await openEmptyPglite();
    const db = drizzle(client);
    const before = await migrationsFolderBefore(SCHEDULE_MIGRATION);
    try {
      await migrate(db, { migrationsFolder: before });
      await client.exec(`
        INSERT INTO users (iss, sub) VALUES ('https://lms.example', 'student-1');
        INSERT INTO programmes (iss, client_id, deployment_id, context_id, title) VALUES ('https://lms.example', 'c', 'd', 'ctx', 'Master');
        INSERT INTO conventions (student_user_id, programme_id, academic_year, student, working_days, hours_per_day)
          VALUES (1, 1, '2026-2027', '{}', '[1, 2, 3, 4, 5]', 7),
                 (1, 1, '2026-2027', '{}', '[2, 4, 6]', 7.5),
                 (1, 1, '2026-2027', '{}', '[1, 2, 3, 4, 5]', NULL);
      `);
      await migrate(db, { migrationsFolder });
      const { rows } = await client.query<{ id: number; weekly_schedule: number[] | null }>(
        'SELECT id, weekly_schedule FROM conventions ORDER BY id',
      );
      expect(rows).toEqual([
        { id: 1, weekly_schedule: [7, 7, 7, 7, 7, 0, 0] },
        { id: 2, weekly_schedule: [0, 7.5, 0, 7.5, 0, 7.5, 0] },
        { id: 3, weekly_schedule: null },
      ]);
      const { rows: columns } = await client.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'conventions' AND column_name IN ('working_days', 'hours_per_day')",
      );
      expect(columns).toEqual([]);
    } finally {
      await client.close();
      await rm(before, { recursive: true, force: true });
    }
    // A cluster made from nothing (initdb) and every migration applied in two passes: seconds alone, a minute under load.
  }, 180_000);
});
