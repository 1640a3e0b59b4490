import { sql } from 'drizzle-orm';
import { BrowserlessClient } from '../../../support/browserlessClient';
import type { TestPstage } from '../../../support/pstage';
import { organisationRepository, type OrganisationFields } from '../../../../src/models/organisationRepository';
import { conventions } from '../../../../src/models/schema';

/** The office persona launches from the site's "Service des stages" link. */
export async function launchOffice(pstage: TestPstage) {
  const { client, page } = await pstage.launch('office', 'office');
  if (page.status !== 200) throw new Error(`office launch: ${page.status}`);
  // The platforms page always has a form (the development platform is registered): its token serves every post.
  const platforms = await client.request('/office/platforms');
  return { client, csrf: BrowserlessClient.csrfToken(platforms.text) };
}

/** Posts a form with a page's CSRF token, as the office's buttons do. */
export async function post(client: BrowserlessClient, csrf: string, path: string, fields: Record<string, string> = {}) {
  return client.request(path, { form: { _csrf: csrf, ...fields } });
}

export function host(fields: Partial<OrganisationFields> = {}): OrganisationFields {
  return {
    name: 'Atelier Numérique',
    siret: '73282932000074',
    headcountBand: '50-249',
    sector: 'private',
    street: '1 rue Haute',
    postalCode: '69001',
    city: 'Lyon',
    country: 'FR',
    ...fields,
  };
}

export async function createHost(pstage: TestPstage, fields: Partial<OrganisationFields> = {}) {
  return organisationRepository.create(pstage.database.db, host(fields));
}

/** Every row of every table whose foreign key points at organisations(id) = `id`, found from the catalogue. */
export async function rowsReferencingOrganisation(pstage: TestPstage, id: number): Promise<number> {
  const result = (await pstage.database.db.execute(sql`
    select kcu.table_name, kcu.column_name
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name
    where ccu.table_name = 'organisations'`)) as unknown as { rows: { table_name: string; column_name: string }[] };
  if (result.rows.length < 3) throw new Error(`expected at least services, contacts and conventions, found ${JSON.stringify(result.rows)}`);
  let total = 0;
  for (const { table_name, column_name } of result.rows) {
    const counted = (await pstage.database.db.execute(
      sql.raw(`select count(*)::int as n from "${table_name}" where "${column_name}" = ${Number(id)}`),
    )) as unknown as { rows: { n: number }[] };
    total += Number(counted.rows[0].n);
  }
  return total;
}

/** A copy of `base` with other values: bulk data for the database, statistics and export tests. */
export async function insertConvention(
  pstage: TestPstage,
  base: typeof conventions.$inferSelect,
  changes: Partial<typeof conventions.$inferInsert> = {},
) {
  const { id: _id, reference: _reference, ...copy } = base;
  const [row] = await pstage.database.db
    .insert(conventions)
    .values({ ...copy, ...changes })
    .returning();
  return row;
}

/** The raw bytes of a response (fetch's text() would drop the byte-order mark). */
export async function download(client: BrowserlessClient, path: string) {
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(new URL(path, client.baseUrl), { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
