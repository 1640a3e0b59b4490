import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder } from '../../src/models/database';

/**
 * A copy of the migrations folder as it was before the migration whose tag matches (found by its name, whatever
 * number it gets): a migration test writes the rows of that time in their shape, then applies the rest.
 */
export async function migrationsFolderBefore(tag: RegExp): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'pstage-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const limit = journal.entries.find((entry) => tag.test(entry.tag))!.idx;
  journal.entries = journal.entries.filter((entry) => entry.idx < limit);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}
