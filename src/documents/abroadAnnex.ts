import type { ConventionWording } from './articles';
import { fill } from './articles';
import { documentTitle, field, paragraph, sectionHeading } from './blocks';
import { answerRow } from './formBlocks';
import { formatAddress, formatDate } from './format';
import type { ConventionDocumentData } from './types';

/** Where the European Health Insurance Card applies: the European Union, the European Economic Area and Switzerland. */
const europeanHealthCardCountries = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH'.split(' '),
);

export function isAbroad(host: ConventionDocumentData['host']): boolean {
  if (host.countryCode) return host.countryCode.toUpperCase() !== 'FR';
  return !/^(france|fr)$/i.test(host.country.trim());
}

/**
 * The sheet on the host country's rules that Article 7 annexes to a convention abroad, on a page of its own:
 * what Pstage knows (country, host, dates, the law that applies, the health cover that depends on the country),
 * then ruled blanks the internship office completes for this country before the convention is signed.
 */
export function writeAbroadAnnex(doc: PDFKit.PDFDocument, data: ConventionDocumentData, w: ConventionWording): void {
  const annex = w.abroadAnnex;
  const date = (value: string) => formatDate(value, data.language);
  doc.addPage();
  documentTitle(doc, annex.title);
  paragraph(doc, fill(annex.intro, { reference: data.reference }), { italic: true });
  field(doc, annex.labels.country, data.host.country);
  field(doc, annex.labels.host, [data.host.name, formatAddress(data.host.address)].join(', '));
  field(
    doc,
    annex.labels.period,
    fill(w.values.periodRange, { start: date(data.internship.startDate), end: date(data.internship.endDate) }),
  );
  sectionHeading(doc, annex.lawHeading);
  for (const text of annex.law) paragraph(doc, text);
  const code = data.host.countryCode?.toUpperCase();
  paragraph(doc, code && europeanHealthCardCountries.has(code) ? annex.europe : annex.outsideEurope, { bold: true });
  sectionHeading(doc, annex.officeHeading);
  paragraph(doc, annex.officeIntro);
  for (const item of annex.officeItems) answerRow(doc, item, undefined, 2);
  answerRow(doc, annex.officeSignature, undefined, 1);
}
