import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Database } from '../../../models/database';
import type { InternshipFilter, InternshipRow } from '../../../models/internshipDatabaseRepository';
import { openInternshipBatches, writeOrWait, type InternshipExport, type Translate } from './internships';

type CellValue = string | number | Date | null;

/** A calendar day as Excel's date (midnight UTC: exceljs writes dates in UTC, so the day never shifts). */
const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
const amount = (value: string | number | null) => (value === null || value === '' ? null : Number(value));

const text = '@';
const date = 'dd/mm/yyyy';

/**
 * The columns of the CSV (same keys, same headers), with typed cells: dates and amounts Excel can sort and sum;
 * SIRET and student numbers as text, so that Excel keeps their 14 digits and leading zeros.
 */
const columns: [key: string, width: number, format: string | undefined, value: (row: InternshipRow, t: Translate) => CellValue][] = [
  ['reference', 14, text, (row) => row.reference],
  ['academicYear', 12, text, (row) => row.academicYear],
  ['programme', 30, undefined, (row) => row.programmeTitle],
  ['state', 24, undefined, (row, t) => t(`officeAdmin.states.${row.state}`)],
  ['lastName', 20, undefined, (row) => row.studentLastName],
  ['firstName', 20, undefined, (row) => row.studentFirstName],
  ['studentNumber', 14, text, (row) => row.studentNumber],
  ['organisation', 30, undefined, (row) => row.organisationName],
  ['siret', 16, text, (row) => row.siret],
  ['city', 18, undefined, (row) => row.city],
  ['country', 8, text, (row) => row.country],
  ['startDate', 12, date, (row) => day(row.startDate)],
  ['endDate', 12, date, (row) => day(row.endDate)],
  ['totalHours', 10, '0.##', (row) => amount(row.totalHours)],
  ['gratification', 12, '#,##0.00', (row) => amount(row.gratificationAmount)],
  [
    'gratificationUnit',
    10,
    undefined,
    (row, t) => (row.gratificationAmount ? t(`officeAdmin.internships.unit.${row.gratificationUnit}`) : null),
  ],
  ['professionalTutor', 24, undefined, (row) => row.professionalTutor],
  ['academicTutor', 24, undefined, (row) => row.academicTutor],
];

/**
 * The internship database as an Excel workbook, from the same streamed rows as the CSV: exceljs's streaming
 * writer commits each row to the zip as it comes, and each batch waits for the socket to drain, so memory stays
 * bounded whatever the number of rows.
 */
export async function prepareInternshipWorkbook(db: Database, filter: InternshipFilter, translate: Translate): Promise<InternshipExport> {
  const labels = new Map<string, string>();
  const t: Translate = (key) => labels.get(key) ?? labels.set(key, translate(key)).get(key)!;
  const batches = await openInternshipBatches(db, filter);
  return {
    async writeTo(out: Writable) {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet(t('officeAdmin.xlsx.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map(([key, width, numFmt]) => ({
        key,
        width,
        header: t(`officeAdmin.csv.${key}`),
        ...(numFmt ? { style: { numFmt } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
      const written = await batches.forEach(async (rows) => {
        if (out.destroyed) return false;
        for (const row of rows) sheet.addRow(columns.map(([, , , value]) => value(row, t))).commit();
        await writeOrWait(out);
        return true;
      });
      sheet.commit();
      await workbook.commit();
      return written;
    },
  };
}
