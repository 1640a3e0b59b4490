import { rm } from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../src/models/database';
import { openEmptyPglite } from '../support/database';
import { migrationsFolderBefore } from '../support/migrationsBefore';

/** Found by its name, whatever number the migration gets. */
const UNIQUE_SIRET_MIGRATION = /_host_register_and_unique_siret$/;

describe('the unique SIRET migration', () => {
  it("merges today's records of one SIRET into the validated (else the oldest) one, moving what pointed at the others, audited", async () => {
    const client = await openEmptyPglite();
    const db = drizzle(client);
    const before = await migrationsFolderBefore(UNIQUE_SIRET_MIGRATION);
    try {
      await migrate(db, { migrationsFolder: before });
      await client.exec(`
        INSERT INTO users (iss, sub) VALUES ('https://lms.example', 'student-1');
        INSERT INTO programmes (iss, client_id, deployment_id, context_id, title) VALUES ('https://lms.example', 'c', 'd', 'ctx', 'Master');
        INSERT INTO organisations (name, search_name, siret, street, postal_code, city, validated) VALUES
          ('Atelier', 'atelier', '73282932000074', '1 rue', '69001', 'LYON', false),
          ('ATELIER NUMERIQUE', 'atelier numerique', '73282932000074', '1 rue', '69001', 'LYON', true),
          ('Atelier N.', 'atelier n.', '73282932000074', '1 rue', '69001', 'LYON', false),
          ('Dupain', 'dupain', '55210055400013', '1 rue', '33000', 'BORDEAUX', false),
          ('Labor', 'labor', NULL, 'Strasse 1', '10115', 'BERLIN', false),
          ('Labor bis', 'labor bis', '', 'Strasse 1', '10115', 'BERLIN', false);
        INSERT INTO services (organisation_id, name) VALUES (1, 'Informatique'), (3, 'Direction');
        INSERT INTO contacts (organisation_id, civility, first_name, last_name) VALUES (3, 'Mme', 'Anne', 'Leroy');
        INSERT INTO conventions (student_user_id, programme_id, academic_year, student, organisation_id)
          VALUES (1, 1, '2026-2027', '{}', 1), (1, 1, '2026-2027', '{}', 3), (1, 1, '2026-2027', '{}', 4);
      `);
      await migrate(db, { migrationsFolder });
      const hosts = await client.query<{ id: number; siret: string | null; source: string }>(
        'SELECT id, siret, source FROM organisations ORDER BY id',
      );
      expect(hosts.rows).toEqual([
        { id: 2, siret: '73282932000074', source: 'manual' },
        { id: 4, siret: '55210055400013', source: 'manual' },
        { id: 5, siret: null, source: 'manual' },
        { id: 6, siret: null, source: 'manual' },
      ]);
      expect((await client.query('SELECT organisation_id FROM services ORDER BY id')).rows).toEqual([
        { organisation_id: 2 },
        { organisation_id: 2 },
      ]);
      expect((await client.query('SELECT organisation_id FROM contacts')).rows).toEqual([{ organisation_id: 2 }]);
      expect((await client.query('SELECT organisation_id FROM conventions ORDER BY id')).rows).toEqual([
        { organisation_id: 2 },
        { organisation_id: 2 },
        { organisation_id: 4 },
      ]);
      const audit = await client.query<{ target_id: string; details: { removedId: number } }>(
        "SELECT target_id, details FROM audit_log WHERE action = 'organisation.merge' ORDER BY (details->>'removedId')::int",
      );
      expect(audit.rows.map((row) => [row.target_id, row.details.removedId])).toEqual([
        ['2', 1],
        ['2', 3],
      ]);
      await expect(
        client.exec(
          `INSERT INTO organisations (name, search_name, siret, street, postal_code, city) VALUES ('X', 'x', '73282932000074', 'r', '69001', 'LYON')`,
        ),
      ).rejects.toThrow(/unique|duplicate/i);
    } finally {
      await client.close();
      await rm(before, { recursive: true, force: true });
    }
    // A cluster made from nothing (initdb) and every migration applied in two passes: seconds alone, a minute under load.
  }, 180_000);
});
