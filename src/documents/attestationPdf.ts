import { fill } from './articles';
import { contentWidth, documentTitle, ensureSpace, fields, paragraph, sectionHeading } from './blocks';
import { attestationText } from './attestationText';
import type { AttestationText } from './attestationText';
import { effectiveDuration } from './duration';
import { fonts } from './fonts';
import { answerRow } from './formBlocks';
import { formatAddress, formatAmount, formatDate, formatNumber, fullName, keepTogether } from './format';
import { createPdfDocument, pageMargins, renderToBuffer } from './layout';
import type { AttestationData, DocumentLanguage } from './types';

export function describeDuration(totalHours: number, t: AttestationText, language: DocumentLanguage): string {
  const duration = effectiveDuration(totalHours);
  const number = (value: number) => formatNumber(value, language);
  const days = [fill(t.duration.days, { days: duration.days })];
  if (duration.extraHours > 0) days.push(fill(t.duration.extraHours, { hours: number(duration.extraHours) }));
  const months = [fill(t.duration.months, { months: duration.months })];
  if (duration.extraDays > 0) months.push(fill(t.duration.extraDays, { days: duration.extraDays }));
  return [fill(t.duration.hours, { hours: number(duration.hours) }), days.join(' '), months.join(' ')].join(', ');
}

/** Attestation de stage (D124-9), following the model annexed to the arrêté of 29 December 2014. */
export function renderAttestation(data: AttestationData, language: DocumentLanguage): Promise<Buffer> {
  const t = attestationText(language);
  const doc = createPdfDocument({ title: `${t.title} — ${fullName(data.student, language)}`, language });
  const date = (value: string) => formatDate(value, language);
  const { host, student } = data;

  const build = () => {
    documentTitle(doc, t.title, t.subtitle);

    sectionHeading(doc, t.sections.host);
    fields(doc, [
      [t.labels.name, host.name],
      [t.labels.siret, host.siret],
      [t.labels.address, formatAddress({ ...host.address, country: host.address.country ?? host.country })],
      [t.labels.phone, host.phone && keepTogether(host.phone)],
      [t.labels.email, host.email],
      [t.labels.representative, [fullName(host.representative, language), host.representative.function].join(', ')],
    ]);
    paragraph(doc, t.certifies, { italic: true });

    sectionHeading(doc, t.sections.intern);
    fields(doc, [
      [t.labels.fullName, fullName(student, language)],
      [t.labels.birthDate, date(student.birthDate)],
      [t.labels.address, student.address && formatAddress(student.address)],
      [t.labels.studentNumber, student.studentNumber],
    ]);

    sectionHeading(doc, t.sections.programme);
    fields(doc, [
      [t.labels.programme, data.programme.title],
      [t.labels.institution, data.university.institutionName],
    ]);
    paragraph(doc, t.completed, { bold: true });

    // What the host certifies (duration, gratification) and its signature stay on one page.
    ensureSpace(doc, certifiedHeight(doc, t));
    sectionHeading(doc, t.sections.duration);
    fields(doc, [
      [t.labels.period, fill(t.periodRange, { start: date(data.startDate), end: date(data.endDate) })],
      [t.labels.totalDuration, describeDuration(data.totalHours, t, language)],
    ]);
    paragraph(doc, t.durationRule, { italic: true });

    sectionHeading(doc, t.sections.gratification);
    const paid = data.totalGratificationPaid;
    paragraph(
      doc,
      paid === null || paid === undefined ? t.gratificationBlank : fill(t.gratificationPaid, { amount: formatAmount(paid, language) }),
      { bold: true, align: 'left' },
    );

    sectionHeading(doc, t.sections.signature);
    answerRow(doc, t.labels.place, data.place);
    answerRow(doc, t.labels.date, data.issueDate && date(data.issueDate));
    answerRow(doc, t.labels.signatoryName, [fullName(host.representative, language), host.representative.function].join(', '));
    if (data.signedBy)
      paragraph(
        doc,
        fill(t.signedBy[data.signedBy.method], { ...data.signedBy, date: date(data.signedBy.date), email: data.signedBy.email ?? '' }),
        {
          bold: true,
          align: 'left',
        },
      );
    else signatureAndStamp(doc, t);
    // As in the arrêté's model, the pension notice comes after the signature: it informs, it is not certified.
    paragraph(doc, t.pensionNotice, { italic: true });
  };

  return renderToBuffer(doc, build, {
    title: t.title,
    reference: data.reference,
    footerNote: t.footerNote,
    pageLabel: (n, total) => fill(t.pageLabel, { n, total }),
  });
}

const signatureBoxHeight = 80;

/** Room for the duration and gratification sections and the signature under them, measured in the body font. */
function certifiedHeight(doc: PDFKit.PDFDocument, t: AttestationText): number {
  const width = contentWidth(doc);
  const text = (value: string, font: string) => doc.font(font).fontSize(9.5).heightOfString(value, { width }) + 4;
  const headings = 3 * 34;
  const rows = 2 * 16 + 3 * 25;
  const height = headings + rows + text(t.durationRule, fonts.italic) + text(t.gratificationBlank, fonts.bold) + signatureBoxHeight + 12;
  doc.font(fonts.regular);
  return height;
}

function signatureAndStamp(doc: PDFKit.PDFDocument, t: AttestationText): void {
  const gap = 14;
  const width = (contentWidth(doc) - gap) / 2;
  const height = signatureBoxHeight;
  ensureSpace(doc, height + 4);
  const top = doc.y + 4;
  [t.labels.signature, t.stamp].forEach((label, column) => {
    const x = pageMargins.left + column * (width + gap);
    doc.rect(x, top, width, height).lineWidth(0.6).strokeColor('#888888').stroke();
    doc
      .font(fonts.bold)
      .fontSize(8.5)
      .text(label, x + 8, top + 7, { width: width - 16 });
  });
  doc.font(fonts.regular).fontSize(9.5);
  doc.x = pageMargins.left;
  doc.y = top + height + 8;
}
