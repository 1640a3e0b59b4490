import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** 'Société Générale' → 'societe generale': the form stored for accent- and case-insensitive search. */
export function searchableName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the user typed, taken literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A LIKE pattern matching values whose searchable form contains the searchable form of `text`. */
export function containsSearchable(text: string): string {
  return `%${escapeLike(searchableName(text))}%`;
}

const accented = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ';
const plain = 'aaaaaaceeeeiiiinooooouuuuyy';

/** Lower-case and unaccented in SQL, like `searchableName` in code (PGlite has no unaccent extension). */
export function unaccented(expression: SQL | AnyPgColumn): SQL {
  return sql`translate(lower(${expression}), ${accented}, ${plain})`;
}

/** So 'lefevre' finds 'Lefèvre': both sides lower-case and without accents. */
export function unaccentedContains(expression: SQL | AnyPgColumn, text: string): SQL {
  return sql`${unaccented(expression)} like ${containsSearchable(text)}`;
}
