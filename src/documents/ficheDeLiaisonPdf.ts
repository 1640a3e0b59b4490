import { fill } from './articles';
import { documentTitle, paragraph, sectionHeading } from './blocks';
import { ficheDeLiaisonText } from './ficheDeLiaisonText';
import { answerRow, choiceRow } from './formBlocks';
import { formatAmount, formatDate, formatNumber, keepTogether } from './format';
import { createPdfDocument, renderToBuffer } from './layout';
import type { DocumentLanguage, FicheDeLiaisonPrefill, HeadcountBand } from './types';

const headcountBands: HeadcountBand[] = ['0', '1-9', '10-19', '20-49', '50-249', '250-4999', '5000+'];

/** The form a student hands to the host: every question of the convention wizard, prefilled where known. */
export function renderFicheDeLiaison(prefill: Partial<FicheDeLiaisonPrefill>, language: DocumentLanguage): Promise<Buffer> {
  const t = ficheDeLiaisonText(language);
  const doc = createPdfDocument({ title: t.title, language });
  const date = (value?: string) => (value ? formatDate(value, language) : undefined);
  const number = (value: number | undefined, suffix: string) =>
    value === undefined ? undefined : `${formatNumber(value, language)} ${suffix}`;
  const { labels, sections, choices } = t;
  const p = prefill;

  const build = () => {
    documentTitle(doc, t.title);
    paragraph(doc, t.intro, { italic: true, align: 'left' });

    sectionHeading(doc, sections.student);
    answerRow(doc, labels.studentName, p.studentName);
    answerRow(doc, labels.programme, p.programmeTitle);
    answerRow(doc, labels.academicYear, p.academicYear);
    answerRow(doc, labels.academicTutor, p.academicTutorName);

    sectionHeading(doc, sections.host);
    answerRow(doc, labels.hostName, p.hostName);
    answerRow(doc, labels.siret, p.siret);
    answerRow(doc, labels.naf, p.naf);
    answerRow(doc, labels.legalStatus, p.legalStatus);
    choiceRow(
      doc,
      labels.headcount,
      headcountBands.map((band) => ({ value: band, label: band })),
      p.headcountBand,
    );
    choiceRow(
      doc,
      labels.sector,
      [
        { value: 'public', label: choices.sector.public },
        { value: 'private', label: choices.sector.private },
      ],
      p.sector,
    );
    answerRow(doc, labels.address, p.hostAddress, 2);
    answerRow(doc, labels.country, p.country);
    answerRow(doc, labels.phone, p.hostPhone && keepTogether(p.hostPhone));
    answerRow(doc, labels.email, p.hostEmail);
    answerRow(doc, labels.website, p.website);

    sectionHeading(doc, sections.service);
    answerRow(doc, labels.serviceName, p.serviceName);
    answerRow(doc, labels.serviceAddress, p.serviceAddress, 2);

    sectionHeading(doc, sections.tutor);
    choiceRow(doc, labels.civility, choices.civilities, p.tutorCivility);
    answerRow(doc, labels.name, p.tutorName);
    answerRow(doc, labels.function, p.tutorFunction);
    answerRow(doc, labels.email, p.tutorEmail);
    answerRow(doc, labels.phone, p.tutorPhone && keepTogether(p.tutorPhone));

    sectionHeading(doc, sections.signatory);
    choiceRow(doc, labels.civility, choices.civilities, p.signatoryCivility);
    answerRow(doc, labels.name, p.signatoryName);
    answerRow(doc, labels.function, p.signatoryFunction);
    answerRow(doc, labels.email, p.signatoryEmail);

    sectionHeading(doc, sections.internship);
    answerRow(doc, labels.subjectTitle, p.subjectTitle, 2);
    answerRow(doc, labels.startDate, date(p.startDate));
    answerRow(doc, labels.endDate, date(p.endDate));
    answerRow(doc, labels.interruptions, p.interruptions, 2);
    answerRow(doc, labels.weeklySchedule, p.weeklySchedule, 2);
    answerRow(doc, labels.hoursPerDay, number(p.hoursPerDay, t.hoursSuffix));
    answerRow(doc, labels.weeklyHours, number(p.weeklyHours, t.hoursSuffix));
    answerRow(doc, labels.night, p.nightPresence, 2);
    answerRow(doc, labels.sunday, p.sundayPresence, 2);
    answerRow(doc, labels.publicHoliday, p.publicHolidayPresence, 2);
    answerRow(doc, labels.activities, p.activities, 6);
    answerRow(doc, labels.skills, p.skills, 4);

    sectionHeading(doc, sections.gratification);
    answerRow(doc, labels.amount, p.gratificationAmount === undefined ? undefined : formatAmount(p.gratificationAmount, language));
    choiceRow(
      doc,
      labels.unit,
      [
        { value: 'hour', label: choices.units.hour },
        { value: 'month', label: choices.units.month },
      ],
      p.gratificationUnit,
    );
    answerRow(doc, labels.paymentTerms, p.paymentTerms, 2);
    answerRow(doc, labels.benefits, p.benefits, 3);

    sectionHeading(doc, sections.leave);
    answerRow(doc, labels.leaveDays, undefined);
    answerRow(doc, labels.absenceTerms, undefined, 3);
    answerRow(doc, labels.internalRules, undefined, 2);

    sectionHeading(doc, sections.completedBy);
    answerRow(doc, labels.completedByName, undefined);
    answerRow(doc, labels.date, undefined);
    answerRow(doc, labels.signature, undefined, 3);
  };

  return renderToBuffer(doc, build, {
    title: t.title,
    reference: p.studentName,
    footerNote: t.footerNote,
    pageLabel: (n, total) => fill(t.pageLabel, { n, total }),
  });
}
