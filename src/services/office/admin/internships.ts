import type { Writable } from 'node:stream';
import { csvByteOrderMark, csvRow, frenchAmount, frenchDate, frenchNumber, type CsvValue } from '../../../domain/csv';
import { internshipColumns, type InternshipColumn, type Translate } from './internshipColumns';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../models/database';
import {
  exportRow,
  internshipDatabaseRepository,
  type InternshipCursor,
  type InternshipFilter,
  type InternshipRow,
} from '../../../models/internshipDatabaseRepository';

export const internshipPageSize = 50;
const exportBatchSize = 2000;

/** `after`: the last row of the page before, when the user follows "next" (keyset: as fast at page 1 000 as at 2). */
export async function internshipDatabasePage(db: Database, filter: InternshipFilter, page: number, after?: InternshipCursor) {
  const [results, academicYears, programmes] = await Promise.all([
    internshipDatabaseRepository.page(db, filter, { limit: internshipPageSize, offset: (page - 1) * internshipPageSize, after }),
    internshipDatabaseRepository.academicYears(db),
    internshipDatabaseRepository.programmes(db),
  ]);
  return { ...results, academicYears, programmes, pageSize: internshipPageSize };
}

export type { Translate } from './internshipColumns';

/** A cell of the CSV as French Excel reads it: fr-FR dates and figures, codes of digits kept as text. */
function csvValue(column: InternshipColumn, row: InternshipRow): CsvValue {
  const value = column.value(row);
  if (value === null) return null;
  switch (column.kind) {
    case 'digits':
      return { digits: String(value) };
    case 'date':
      return frenchDate(String(value));
    case 'number':
      return frenchNumber(Number(value));
    case 'amount':
      return frenchAmount(Number(value));
    default:
      return value;
  }
}

export interface InternshipExport {
  /** Writes the file to `out`, waiting for the socket to drain when it is full; returns the number of rows. */
  writeTo(out: Writable): Promise<number>;
}

/** Writes `text`, then waits for the socket to drain when it is full (or to close: a client that went away). */
export async function writeOrWait(out: Writable, text?: string): Promise<void> {
  if (out.destroyed) return;
  if (text === undefined ? !out.writableNeedDrain : out.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

export interface InternshipBatches {
  /** Hands each batch of rows to `take`, in order, until the rows end or `take` answers false; returns the rows taken. */
  forEach(take: (rows: InternshipRow[]) => Promise<boolean>): Promise<number>;
}

/**
 * The filtered conventions from one query: a cursor declared in a transaction, fetched `exportBatchSize` rows at a
 * time while the consumer writes them (memory stays bounded whatever the number of rows). The first batch is read
 * before anything is written: a filter the database refuses fails while the response can still be an error page,
 * not halfway through a download. The transaction (one pooled connection) lasts as long as the download.
 */
export async function openInternshipBatches(db: Database, filter: InternshipFilter): Promise<InternshipBatches> {
  let firstBatchRead: (rows: InternshipRow[]) => void = () => undefined;
  let go: (take: ((rows: InternshipRow[]) => Promise<boolean>) | null) => void = () => undefined;
  const firstBatch = new Promise<InternshipRow[]>((resolve) => (firstBatchRead = resolve));
  const consumer = new Promise<((rows: InternshipRow[]) => Promise<boolean>) | null>((resolve) => (go = resolve));
  const fetchBatch = async (tx: Executor) =>
    (
      (await tx.execute(sql.raw(`fetch ${exportBatchSize} from internship_export`))) as unknown as { rows: Record<string, unknown>[] }
    ).rows.map(exportRow);
  const transfer = db.transaction(async (tx) => {
    // A cursor is planned for its first rows (nested loops) unless told that every row will be read.
    await tx.execute(sql`set local cursor_tuple_fraction = 1`);
    await tx.execute(sql`declare internship_export no scroll cursor for ${internshipDatabaseRepository.exportQuery(tx, filter)}`);
    let rows = await fetchBatch(tx);
    firstBatchRead(rows);
    const take = await consumer;
    if (!take) return 0;
    let taken = 0;
    while (rows.length > 0) {
      // The database reads the next rows while these are written: its time and the formatting's overlap.
      const next = rows.length < exportBatchSize ? undefined : fetchBatch(tx);
      next?.catch(() => undefined);
      const more = await take(rows);
      if (!more) {
        // Settled before the transaction ends, whatever it gave.
        await next?.catch(() => undefined);
        break;
      }
      taken += rows.length;
      if (!next) break;
      rows = await next;
    }
    return taken;
  });
  // Handled by whoever awaits forEach; not an unhandled rejection in between.
  transfer.catch(() => undefined);
  // Whichever comes first: the first batch, or the error that prevented it.
  await Promise.race([firstBatch, transfer]);
  return {
    forEach(take) {
      go(take);
      return transfer;
    },
  };
}

/** The CSV of the filtered conventions, streamed (`openInternshipBatches`). */
export async function prepareInternshipExport(db: Database, filter: InternshipFilter, translate: Translate): Promise<InternshipExport> {
  const columns = internshipColumns(translate);
  const batches = await openInternshipBatches(db, filter);
  return {
    async writeTo(out) {
      await writeOrWait(out, csvByteOrderMark + csvRow(columns.map((column) => column.header)));
      // A client that goes away mid-download closes the socket: stop reading rows instead of waiting for a drain.
      return batches.forEach(async (rows) => {
        if (out.destroyed) return false;
        await writeOrWait(out, rows.map((row) => csvRow(columns.map((column) => csvValue(column, row)))).join(''));
        return true;
      });
    },
  };
}
