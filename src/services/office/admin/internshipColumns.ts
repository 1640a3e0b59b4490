import { signatureParties } from '../../../domain/signatories';
import type { InternshipRow } from '../../../models/internshipDatabaseRepository';

export type Translate = (key: string, options?: Record<string, string>) => string;

/**
 * What a cell holds, which says how each file writes it: `text` as typed; `digits` a code of digits that must stay
 * text (SIRET, postcode, student number: Excel would drop the leading zeros or write 5,52E+13); `date` a calendar
 * day; `number` and `amount` figures to sort and sum.
 */
export type ColumnKind = 'text' | 'digits' | 'date' | 'number' | 'amount';

export interface InternshipColumn {
  /** The header, in the file's language. */
  header: string;
  kind: ColumnKind;
  /** In characters, for the workbook. */
  width: number;
  /** A date as 'YYYY-MM-DD', a figure as a number, anything else as text; null: empty. */
  value: (row: InternshipRow) => string | number | null;
}

const signatories = [...signatureParties, 'dean'] as const;

/**
 * The one list of the internship database's columns, for the CSV and the workbook alike: the student, the host
 * (address, SIRET), its service, the tutors, the internship (type, dates, hours, gratification), each signature's
 * day and method, and the amendments signed. Labels are translated once, not on every row.
 */
export function internshipColumns(t: Translate): InternshipColumn[] {
  const label = (key: string) => t(`officeAdmin.csv.${key}`);
  /** A coded value's label (a state, a method…) under `prefix`, the code itself when there is none: one lookup a code. */
  const labels = (prefix: string) => {
    const memo = new Map<string, string>();
    return (code: string) => {
      let text = memo.get(code);
      if (text === undefined) {
        const key = `${prefix}.${code}`;
        text = t(key);
        memo.set(code, (text = text === key ? code : text));
      }
      return text;
    };
  };
  const stateLabel = labels('officeAdmin.states');
  const typeLabel = labels('student.internshipType');
  const unitLabel = labels('officeAdmin.internships.unit');
  const methodLabel = labels('officeAdmin.csv.methods');
  const column = (key: string, kind: ColumnKind, width: number, value: InternshipColumn['value']): InternshipColumn => ({
    header: label(key),
    kind,
    width,
    value,
  });
  return [
    column('reference', 'text', 14, (row) => row.reference),
    column('academicYear', 'text', 12, (row) => row.academicYear),
    column('programme', 'text', 30, (row) => row.programmeTitle),
    column('state', 'text', 24, (row) => stateLabel(row.state)),
    column('lastName', 'text', 20, (row) => row.studentLastName),
    column('firstName', 'text', 20, (row) => row.studentFirstName),
    column('studentNumber', 'digits', 14, (row) => row.studentNumber),
    column('organisation', 'text', 30, (row) => row.organisationName),
    column('siret', 'digits', 16, (row) => row.siret),
    column('street', 'text', 30, (row) => row.street),
    column('postalCode', 'digits', 10, (row) => row.postalCode),
    column('city', 'text', 18, (row) => row.city),
    column('country', 'text', 8, (row) => row.country),
    column('service', 'text', 24, (row) => row.serviceName),
    column('professionalTutor', 'text', 24, (row) => row.professionalTutor),
    column('academicTutor', 'text', 24, (row) => row.academicTutor),
    column('internshipType', 'text', 18, (row) => (row.internshipType ? typeLabel(row.internshipType) : null)),
    column('startDate', 'date', 12, (row) => row.startDate),
    column('endDate', 'date', 12, (row) => row.endDate),
    column('totalHours', 'number', 10, (row) => (row.totalHours === null ? null : Number(row.totalHours))),
    column('gratification', 'amount', 12, (row) => (row.gratificationAmount === null ? null : Number(row.gratificationAmount))),
    column('gratificationUnit', 'text', 10, (row) => (row.gratificationAmount ? unitLabel(String(row.gratificationUnit)) : null)),
    ...signatories.flatMap((party) => {
      const partyName = t(`office.parties.${party}`);
      const signature = (row: InternshipRow) => row.signatures?.[party];
      return [
        {
          header: t('officeAdmin.csv.signatureDate', { party: partyName }),
          kind: 'date',
          width: 12,
          value: (row) => signature(row)?.signedAt ?? null,
        },
        {
          header: t('officeAdmin.csv.signatureMethod', { party: partyName }),
          kind: 'text',
          width: 14,
          value: (row) => {
            const method = signature(row)?.method;
            return method ? methodLabel(method) : null;
          },
        },
      ] satisfies InternshipColumn[];
    }),
    column('signedAmendments', 'number', 10, (row) => Number(row.signedAmendments ?? 0)),
  ];
}
