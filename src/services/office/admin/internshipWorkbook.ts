import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Database } from '../../../models/database';
import type { InternshipFilter, InternshipRow } from '../../../models/internshipDatabaseRepository';
import { internshipColumns, type ColumnKind, type InternshipColumn, type Translate } from './internshipColumns';
import { openInternshipBatches, writeOrWait, type InternshipExport } from './internships';

type CellValue = string | number | Date | null;

/** A calendar day as Excel's date (midnight UTC: exceljs writes dates in UTC, so the day never shifts). */
const day = (value: string) => new Date(`${value}T00:00:00Z`);

/** How Excel shows each kind of column: codes of digits as text (all 14 digits of a SIRET), dates, figures. */
const formats: Record<ColumnKind, string | undefined> = {
  text: undefined,
  digits: '@',
  date: 'dd/mm/yyyy',
  number: '0.##',
  amount: '#,##0.00',
};

function cell(column: InternshipColumn, row: InternshipRow): CellValue {
  const value = column.value(row);
  if (value === null) return null;
  if (column.kind === 'date') return day(String(value));
  if (column.kind === 'number' || column.kind === 'amount') return Number(value);
  return String(value);
}

/**
 * The internship database as an Excel workbook, from the same streamed rows as the CSV: exceljs's streaming
 * writer commits each row to the zip as it comes, and each batch waits for the socket to drain, so memory stays
 * bounded whatever the number of rows.
 */
export async function prepareInternshipWorkbook(db: Database, filter: InternshipFilter, translate: Translate): Promise<InternshipExport> {
  const columns = internshipColumns(translate);
  const batches = await openInternshipBatches(db, filter);
  return {
    async writeTo(out: Writable) {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet(translate('officeAdmin.xlsx.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((column) => {
        const numFmt = formats[column.kind];
        return { header: column.header, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
      });
      sheet.getRow(1).font = { bold: true };
      const written = await batches.forEach(async (rows) => {
        if (out.destroyed) return false;
        for (const row of rows) sheet.addRow(columns.map((column) => cell(column, row))).commit();
        await writeOrWait(out);
        return true;
      });
      sheet.commit();
      await workbook.commit();
      return written;
    },
  };
}
