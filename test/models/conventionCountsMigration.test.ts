import { rm } from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../src/models/database';
import { openEmptyPglite } from '../support/database';
import { migrationsFolderBefore } from '../support/migrationsBefore';

/** Found by its name, whatever number the migration gets. */
const COUNTS_MIGRATION = /_convention_counts$/;

describe('the convention counts migration', () => {
  it('counts the conventions already there, then follows the new ones', async () => {
    const client = await openEmptyPglite();
    const db = drizzle(client);
    const before = await migrationsFolderBefore(COUNTS_MIGRATION);
    try {
      await migrate(db, { migrationsFolder: before });
      await client.exec(`
        INSERT INTO users (iss, sub) VALUES ('https://lms.example', 'student-1');
        INSERT INTO programmes (iss, client_id, deployment_id, context_id, title) VALUES ('https://lms.example', 'c', 'd', 'ctx', 'Master');
        INSERT INTO conventions (student_user_id, programme_id, academic_year, state, student)
          VALUES (1, 1, '2025-2026', 'complete', '{}'), (1, 1, '2026-2027', 'submitted', '{}'), (1, 1, '2026-2027', 'submitted', '{}');
      `);
      await migrate(db, { migrationsFolder });
      await client.exec(`UPDATE conventions SET state = 'validated' WHERE id = 2`);
      const { rows } = await client.query<{ state: string; academic_year: string; n: number }>(
        'SELECT state, academic_year, sum(n)::int AS n FROM convention_counts GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2',
      );
      expect(rows).toEqual([
        { state: 'complete', academic_year: '2025-2026', n: 1 },
        { state: 'submitted', academic_year: '2026-2027', n: 1 },
        { state: 'validated', academic_year: '2026-2027', n: 1 },
      ]);
    } finally {
      await client.close();
      await rm(before, { recursive: true, force: true });
    }
    // A cluster made from nothing (initdb) and every migration applied in two passes: seconds alone, a minute under load.
  }, 180_000);
});
