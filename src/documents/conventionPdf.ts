import { conventionWording, fill } from './articles';
import type { Article, ConventionWording } from './articles';
import { documentTitle, ensureSpace, field, fields, paragraph, sectionHeading, subHeading } from './blocks';
import { formatAddress, formatAmount, formatDate, formatNumber, fullName, keepTogether } from './format';
import { isAbroad, writeAbroadAnnex } from './abroadAnnex';
import { createPdfDocument, renderToBuffer } from './layout';
import { signatureGrid, signatureRowHeight } from './signatureBlocks';
import type { ConventionDocumentData, ConventionRenderOptions, InternshipBlock, OccasionalPresence } from './types';

/** D124-6: above two months (308 hours) of effective presence a gratification is due. */
const GRATIFICATION_THRESHOLD_HOURS = 308;

type Doc = PDFKit.PDFDocument;

export function renderConventionPdf(data: ConventionDocumentData, options: ConventionRenderOptions): Promise<Buffer> {
  const wording = conventionWording(data.language);
  const doc = createPdfDocument({
    title: `${wording.documentTitle} ${data.reference}`,
    language: data.language,
    subject: data.internship.subjectTitle,
  });
  return renderToBuffer(doc, () => writeConvention(doc, data, wording), {
    title: `${wording.documentTitle} — ${data.university.institutionName}`,
    reference: data.reference,
    footerNote: fill(wording.footerNote, { version: wording.version }),
    pageLabel: (n, total) => fill(wording.pageLabel, { n, total }),
    draft: options.draft ? { watermark: wording.draftWatermark, banner: wording.draftBanner } : undefined,
  });
}

function writeConvention(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  documentTitle(doc, w.documentTitle, fill(w.subtitle, { academicYear: data.academicYear }));
  if (data.validation) {
    const date = data.validation.date ? ` — ${formatDate(data.validation.date, data.language)}` : '';
    paragraph(doc, fill(w.validationLine, { status: w.validationStatus[data.validation.status], date }), { italic: true });
  }
  writeParties(doc, data, w);
  writeObjective(doc, data, w);
  writeTerms(doc, data, w);
  writeSupervision(doc, data, w);
  writeGratification(doc, data, w);
  writeBenefits(doc, data, w);
  writeArticle(doc, w.articles.socialProtection);
  const abroad = isAbroad(data.host);
  if (abroad) paragraph(doc, w.articles.socialProtection.abroad);
  writeArticle(doc, w.articles.civilLiability);
  writeArticle(doc, w.articles.discipline);
  paragraph(doc, data.hostInternalRules ?? w.articles.discipline.noRulesProvided);
  writeLeave(doc, data, w);
  writeArticle(doc, w.articles.suspension);
  writeArticle(doc, w.articles.interruptedValidation);
  writeArticle(doc, w.articles.confidentiality);
  if (data.internship.confidentiality) field(doc, w.labels.confidentiality, data.internship.confidentiality);
  writeArticle(doc, w.articles.intellectualProperty);
  writeArticle(doc, w.articles.end);
  writeArticle(doc, w.articles.law);
  writeSignatures(doc, data, w);
  if (abroad) writeAbroadAnnex(doc, data, w);
}

function writeArticle(doc: Doc, article: Article): void {
  sectionHeading(doc, article.title);
  for (const text of article.paragraphs) paragraph(doc, text);
}

function writeParties(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  const { labels } = w;
  const { university, host, student, programme, service } = data;
  sectionHeading(doc, w.parties.heading);
  paragraph(doc, w.parties.intro);
  subHeading(doc, w.parties.university);
  fields(doc, [
    [labels.institution, university.institutionName],
    [labels.address, formatAddress(university.address)],
    [labels.representedBy, `${fullName(university.dean, data.language)}, ${labels.deanFunction}`],
    [labels.phone, university.phone && keepTogether(university.phone)],
    [labels.email, university.email],
  ]);
  subHeading(doc, w.parties.host);
  const representative = host.representative;
  fields(doc, [
    [labels.name, host.name],
    [labels.siret, host.siret],
    [labels.naf, host.naf],
    [labels.legalStatus, host.legalStatus],
    [labels.address, formatAddress(host.address)],
    [labels.country, host.country],
    [labels.phone, host.phone && keepTogether(host.phone)],
    [labels.email, host.email],
    [
      labels.representedBy,
      [fullName(representative, data.language), representative.function, representative.email].filter(Boolean).join(', '),
    ],
    [labels.service, service.name],
    [labels.serviceAddress, service.address ? formatAddress(service.address) : undefined],
  ]);
  subHeading(doc, w.parties.student);
  const insurance = [
    student.healthInsurance.fund,
    student.healthInsurance.affiliation && `${labels.affiliation} ${student.healthInsurance.affiliation}`,
  ];
  fields(doc, [
    [labels.name, fullName(student, data.language)],
    [labels.birthDate, formatDate(student.birthDate, data.language)],
    [labels.address, formatAddress(student.address)],
    [labels.phone, student.phone && keepTogether(student.phone)],
    [labels.email, student.email],
    [labels.studentNumber, student.studentNumber],
    [labels.healthInsurance, insurance.filter(Boolean).join(' — ')],
  ]);
  const guardian = data.legalRepresentative;
  if (guardian) {
    subHeading(doc, w.parties.legalRepresentative);
    fields(doc, [
      [labels.name, fullName(guardian, data.language)],
      [labels.address, formatAddress(guardian.address)],
      [labels.phone, guardian.phone && keepTogether(guardian.phone)],
      [labels.email, guardian.email],
    ]);
  }
  subHeading(doc, w.parties.programme);
  fields(doc, [
    [labels.programmeTitle, programme.title],
    [labels.teachingHours, fill(w.values.teachingHours, { hours: formatNumber(programme.yearlyTeachingHours, data.language) })],
    [labels.academicYear, data.academicYear],
  ]);
}

function writeObjective(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  writeArticle(doc, w.articles.purpose);
  writeArticle(doc, w.articles.objective);
  fields(doc, [
    [w.labels.internshipType, data.internship.type],
    [w.labels.subject, data.internship.subjectTitle],
    [w.labels.activities, data.internship.activities],
    [w.labels.skills, data.internship.skills],
  ]);
}

function presence(value: OccasionalPresence, w: ConventionWording): string {
  if (!value.present) return w.values.no;
  return value.description ? `${w.values.yes} — ${value.description}` : w.values.yes;
}

/** A regular week reads as its days and one number of hours; a varying one gives each day its hours. */
function scheduleFields(internship: InternshipBlock, w: ConventionWording, hours: (value: number) => string): [string, string][] {
  const days = internship.schedule;
  if (days.length > 0 && days.every((day) => day.hours === days[0].hours)) {
    return [
      [w.labels.workingDays, days.map((day) => day.day).join(', ')],
      [w.labels.hoursPerDay, fill(w.values.hoursPerDay, { hours: hours(days[0].hours) })],
    ];
  }
  return [[w.labels.hoursPerDay, days.map((day) => fill(w.values.dayHours, { day: day.day, hours: hours(day.hours) })).join(', ')]];
}

function writeTerms(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  const { internship, language } = data;
  const date = (value: string) => formatDate(value, language);
  const hours = (value: number) => formatNumber(value, language);
  writeArticle(doc, w.articles.terms);
  const interruptions = (internship.interruptions ?? []).map((period) =>
    [fill(w.values.interruption, { from: date(period.from), to: date(period.to) }), period.reason].filter(Boolean).join(' — '),
  );
  fields(doc, [
    [w.labels.period, fill(w.values.periodRange, { start: date(internship.startDate), end: date(internship.endDate) })],
    [w.labels.interruptions, interruptions.length > 0 ? interruptions.join('\n') : w.values.none],
    ...scheduleFields(internship, w, hours),
    [w.labels.irregularSchedule, internship.irregularSchedule],
    [w.labels.weeklyHours, fill(w.values.weeklyHours, { hours: hours(internship.weeklyHours) })],
    [w.labels.totalDuration, fill(w.values.totalDuration, { hours: hours(internship.totalHours), days: hours(internship.totalDays) })],
    [w.labels.night, presence(internship.night, w)],
    [w.labels.sunday, presence(internship.sunday, w)],
    [w.labels.publicHoliday, presence(internship.publicHoliday, w)],
    [w.labels.place, internship.place],
  ]);
}

function writeSupervision(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  const { professionalTutor: tutor, academicTutor } = data;
  writeArticle(doc, w.articles.supervision);
  fields(doc, [
    [
      w.labels.professionalTutor,
      [fullName(tutor, data.language), tutor.function, tutor.email, tutor.phone && keepTogether(tutor.phone)].filter(Boolean).join(', '),
    ],
    [w.labels.academicTutor, [fullName(academicTutor, data.language), academicTutor.email].join(', ')],
    [w.labels.supervision, data.supervision ?? w.articles.supervision.defaultText],
  ]);
}

function writeGratification(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  const { gratification, internship, language } = data;
  const article = w.articles.gratification;
  writeArticle(doc, article);
  const hours = formatNumber(internship.totalHours, language);
  if (gratification.amount !== null) {
    const unit = gratification.unit === 'hour' ? w.values.perHour : w.values.perMonth;
    paragraph(doc, fill(article.due, { amount: formatAmount(gratification.amount, language), unit }), { bold: true });
  } else if (internship.totalHours <= GRATIFICATION_THRESHOLD_HOURS) {
    paragraph(doc, fill(article.noneDue, { hours }), { bold: true });
  } else {
    paragraph(doc, fill(article.notPaidAboveThreshold, { hours }), { bold: true });
  }
  fields(doc, [[w.labels.paymentTerms, gratification.paymentTerms]]);
}

function writeBenefits(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  const { benefits } = data;
  writeArticle(doc, w.articles.benefits);
  fields(doc, [
    [w.labels.meals, benefits.meals ?? w.values.notProvided],
    [w.labels.lodging, benefits.lodging ?? w.values.notProvided],
    [w.labels.travel, benefits.travel ?? w.values.notProvided],
    [w.labels.otherBenefits, benefits.other],
  ]);
}

/** Article 10: the leave days and absence terms the host grants (L124-13 makes them due beyond two months). */
function writeLeave(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  const article = w.articles.leave;
  writeArticle(doc, article);
  const long = data.internship.totalHours > GRATIFICATION_THRESHOLD_HOURS;
  paragraph(doc, long ? article.longInternship : article.shortInternship);
  const days = data.leave.daysGranted;
  fields(doc, [
    [
      w.labels.leaveDays,
      days === null
        ? w.values.leaveDaysUnstated
        : days === 0
          ? w.values.noLeaveDays
          : fill(w.values.leaveDays, { days: formatNumber(days, data.language) }),
    ],
    [w.labels.leaveTerms, data.leave.absenceTerms ?? article.defaultAbsenceTerms],
  ]);
}

function writeSignatures(doc: Doc, data: ConventionDocumentData, w: ConventionWording): void {
  const s = w.signatures;
  const guardian = data.legalRepresentative;
  const blocks = [
    { role: s.student, name: fullName(data.student, data.language) },
    ...(guardian ? [{ role: s.legalRepresentative, name: fullName(guardian, data.language) }] : []),
    {
      role: s.hostRepresentative,
      name: fullName(data.host.representative, data.language),
      detail: data.host.representative.function,
      stamp: true,
    },
    { role: s.professionalTutor, name: fullName(data.professionalTutor, data.language), detail: data.professionalTutor.function },
    { role: s.academicTutor, name: fullName(data.academicTutor, data.language) },
    { role: s.dean, name: fullName(data.university.dean, data.language), detail: data.university.institutionName },
  ];
  // Keep the heading and the "three originals" statement with the first row of signatures.
  ensureSpace(doc, 90 + signatureRowHeight(doc, blocks));
  sectionHeading(doc, s.heading);
  paragraph(doc, s.originals, { bold: true, align: 'left' });
  doc.moveDown(0.4);
  signatureGrid(doc, blocks, { placeAndDate: s.placeAndDate, signature: s.signature, stamp: s.stamp });
}
