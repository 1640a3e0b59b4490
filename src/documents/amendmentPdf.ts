import type { AmendmentChanges, AmendmentRow } from '../domain/amendment';
import { documentTitle, fields, paragraph, sectionHeading } from './blocks';
import { formatAmount, formatDate, formatNumber } from './format';
import { createPdfDocument, renderToBuffer } from './layout';
import type { DocumentLanguage } from './types';

export interface AmendmentPdfData {
  number: number;
  reference: string;
  institutionName: string;
  studentName: string;
  hostName: string;
  programmeTitle: string;
  rows: AmendmentRow[];
  changes: AmendmentChanges;
  /** The parties who sign it, already named in the document's language. */
  signatories: string[];
  /** The office's validation day, null while the amendment is not validated. */
  validatedOn: string | null;
}

const wording = {
  fr: {
    title: (n: number, reference: string) => `Avenant n° ${n} à la convention ${reference}`,
    subtitle: 'Convention de stage — Code de l’éducation, articles L124-1 à L124-20 et D124-1 à D124-9',
    parties: 'Parties',
    labels: { institution: 'Établissement', student: 'Stagiaire', host: 'Organisme d’accueil', programme: 'Formation' },
    changes: 'Modifications (avant → après)',
    terms: {
      startDate: 'Date de début',
      endDate: 'Date de fin',
      totalHours: 'Durée totale de présence',
      interruptions: 'Interruptions',
      gratification: 'Gratification',
      professionalTutor: 'Tuteur ou tutrice de stage dans l’organisme d’accueil',
      academicTutor: 'Enseignant référent',
      place: 'Lieu du stage',
      activities: 'Activités confiées',
      skills: 'Compétences à acquérir ou à développer',
      termination: 'Rupture anticipée',
      other: 'Autre modification',
    },
    none: '—',
    hours: (hours: string) => `${hours} h`,
    units: { hour: 'par heure', month: 'par mois' },
    from: (date: string) => `à compter du ${date}`,
    initiative: {
      student: 'à l’initiative du stagiaire',
      host: 'à l’initiative de l’organisme d’accueil',
      institution: 'à l’initiative de l’établissement',
    },
    interruptionReason: 'Motif de l’interruption',
    legalTitle: 'Mentions légales',
    legal: [
      'Le présent avenant modifie la convention de stage citée en référence sur les seuls points ci-dessus ; toutes ses autres clauses demeurent inchangées.',
      'Il est signé par les mêmes parties que la convention. La durée du stage ne peut excéder six mois (924 heures de présence) par organisme d’accueil et par année d’enseignement (L124-5) ; au-delà de deux mois (308 heures), la gratification est due dès le premier jour (L124-6, D124-8).',
      'En cas d’interruption, l’établissement valide le stage ou propose une modalité alternative, ou reporte la fin du stage par avenant (L124-15).',
    ],
    validated: (date: string) => `Validé par le service des stages le ${date}.`,
    signatures: 'Signatures',
    signatureLine: 'Date et signature :',
    draft: { watermark: 'PROJET', banner: 'PROJET — avenant non validé, sans valeur' },
    page: (n: number, count: number) => `Page ${n} / ${count}`,
  },
  en: {
    title: (n: number, reference: string) => `Amendment no. ${n} to agreement ${reference}`,
    subtitle: 'Internship agreement — French Education Code, articles L124-1 to L124-20 and D124-1 to D124-9',
    parties: 'Parties',
    labels: { institution: 'Institution', student: 'Intern', host: 'Host organisation', programme: 'Programme' },
    changes: 'Changes (before → after)',
    terms: {
      startDate: 'Start date',
      endDate: 'End date',
      totalHours: 'Total presence',
      interruptions: 'Interruptions',
      gratification: 'Gratification',
      professionalTutor: 'Host tutor',
      academicTutor: 'Academic tutor',
      place: 'Place of the internship',
      activities: 'Activities entrusted',
      skills: 'Skills to acquire or develop',
      termination: 'Early termination',
      other: 'Other change',
    },
    none: '—',
    hours: (hours: string) => `${hours} h`,
    units: { hour: 'per hour', month: 'per month' },
    from: (date: string) => `from ${date}`,
    initiative: { student: 'at the intern’s initiative', host: 'at the host’s initiative', institution: 'at the institution’s initiative' },
    interruptionReason: 'Reason for the interruption',
    legalTitle: 'Legal notes',
    legal: [
      'This amendment changes the internship agreement referred to above on the points listed only; all its other clauses remain unchanged.',
      'It is signed by the same parties as the agreement. An internship may not exceed six months (924 hours of presence) per host and academic year (L124-5); beyond two months (308 hours) the gratification is due from the first day (L124-6, D124-8).',
      'When an internship is interrupted, the institution validates it or offers an alternative, or moves its end by amendment (L124-15).',
    ],
    validated: (date: string) => `Approved by the internship office on ${date}.`,
    signatures: 'Signatures',
    signatureLine: 'Date and signature:',
    draft: { watermark: 'DRAFT', banner: 'DRAFT — amendment not approved, not valid' },
    page: (n: number, count: number) => `Page ${n} of ${count}`,
  },
};

/** "Avenant n° N à la convention CONV-…", as the amendment's PDF is titled: wherever an amendment is named as a document. */
export const amendmentTitle = (number: number, reference: string, language: DocumentLanguage) => wording[language].title(number, reference);

/** "Avenant n° N à la convention CONV-…": only what changes, before → after, and the legal mentions; a draft until validated. */
export function renderAmendmentPdf(data: AmendmentPdfData, language: DocumentLanguage, options: { draft: boolean }): Promise<Buffer> {
  const t = wording[language];
  /** Between a label and its value: English puts no space before the colon. */
  const separator = language === 'en' ? ': ' : ' : ';
  const title = t.title(data.number, data.reference);
  const doc = createPdfDocument({ title, language });
  const value = (row: AmendmentRow, side: 'before' | 'after'): string => {
    const raw = row[side];
    if (raw === null || raw === '') return t.none;
    if (row.term === 'startDate' || row.term === 'endDate') return formatDate(String(raw), language);
    if (row.term === 'totalHours') return t.hours(formatNumber(Number(raw), language));
    if (row.term === 'interruptions')
      return String(raw)
        .split(', ')
        .map((range) =>
          range
            .split('/')
            .map((date) => formatDate(date, language))
            .join(' – '),
        )
        .join(', ');
    if (row.term === 'gratification') {
      const [amount, unit] = String(raw).split('/') as [string, 'hour' | 'month'];
      const text = `${formatAmount(Number(amount), language)} ${t.units[unit]}`;
      return side === 'after' && data.changes.gratification
        ? `${text}, ${t.from(formatDate(data.changes.gratification.from, language))}`
        : text;
    }
    if (row.term === 'termination' && data.changes.termination) {
      const termination = data.changes.termination;
      return `${formatDate(termination.date, language)}, ${t.initiative[termination.initiative]}${separator}${String(raw)}`;
    }
    return String(raw);
  };
  const build = () => {
    documentTitle(doc, title, t.subtitle);
    sectionHeading(doc, t.parties);
    fields(doc, [
      [t.labels.institution, data.institutionName],
      [t.labels.student, data.studentName],
      [t.labels.host, data.hostName],
      [t.labels.programme, data.programmeTitle],
    ]);
    sectionHeading(doc, t.changes);
    for (const row of data.rows) {
      const before = row.term === 'termination' || row.term === 'other' ? '' : `${value(row, 'before')} → `;
      paragraph(doc, `${t.terms[row.term]}${separator}${before}${value(row, 'after')}`);
    }
    if (data.changes.interruption) paragraph(doc, `${t.interruptionReason}${separator}${data.changes.interruption.reason}`);
    sectionHeading(doc, t.legalTitle);
    for (const text of t.legal) paragraph(doc, text);
    if (data.validatedOn) paragraph(doc, t.validated(formatDate(data.validatedOn, language)));
    sectionHeading(doc, t.signatures);
    for (const signatory of data.signatories) paragraph(doc, `${signatory} — ${t.signatureLine}`);
  };
  return renderToBuffer(doc, build, {
    title,
    reference: data.reference,
    pageLabel: t.page,
    ...(options.draft ? { draft: t.draft } : {}),
  });
}
