import { amendmentRows, isAmendable, type AmendmentChanges } from '../../domain/amendment';
import type { Finding } from '../../domain/legal/finding';
import type { Signatory } from '../../domain/signatories';
import { sha256 } from '../../documents/hash';
import type { AmendmentPdfData } from '../../documents/amendmentPdf';
import { amendmentRepository, type Amendment } from '../../models/amendmentRepository';
import type { Convention } from '../../models/conventionRepository';
import type { Database, Executor } from '../../models/database';
import { notFound } from '../../errors';
import { teacherRepository } from '../../models/teacherRepository';
import type { FrozenConventionSnapshot } from '../conventions/frozenSnapshot';
import { documentLanguageOf, type Institution } from '../documents/conventionDocumentData';
import type { PdfRenderer } from '../documents/pdfRenderer';
import { cachedPdf } from '../documents/pdfCache';
import { amendmentSignatories } from './decideAmendment';
import type { AmendmentValues } from './amendmentTerms';
import { amendableConvention } from './requestAmendment';

export interface AmendmentEntry {
  amendment: Amendment;
  changes: AmendmentChanges;
  rows: ReturnType<typeof amendmentRows>;
  findings: Finding[];
  signatures: { party: Signatory; signedAt: string | null }[];
}

export function entryOf(amendment: Amendment, signed: Map<string, string>, parties: Signatory[]): AmendmentEntry {
  const changes = amendment.changes as AmendmentChanges;
  return {
    amendment,
    changes,
    rows: amendmentRows(amendment.before as unknown as AmendmentValues, amendment.after as unknown as AmendmentValues, changes),
    findings: amendment.legalFindings as Finding[],
    signatures: parties.map((party) => ({ party, signedAt: signed.get(party) ?? null })),
  };
}

/** What waits for the programme head: the amendments to agree to, with their convention. */
export const amendmentsAwaitingProgramme = (db: Executor, programmeId: number) =>
  amendmentRepository.listAwaitingProgramme(db, programmeId);

/** The teachers of the convention's programme, one of whom may become its academic referent. */
export async function referentChoices(db: Executor, convention: Convention) {
  return (await teacherRepository.listForProgramme(db, convention.programmeId)).map((teacher) => ({
    id: teacher.id,
    name: `${teacher.firstName} ${teacher.lastName}`.trim(),
  }));
}

/** A convention's amendments, newest last, with what each changes, its findings and its signatures. */
export async function amendmentsOf(db: Executor, convention: Convention) {
  const parties = amendmentSignatories(convention);
  const entries: AmendmentEntry[] = [];
  for (const amendment of await amendmentRepository.listForConvention(db, convention.id)) {
    const signed = new Map((await amendmentRepository.listSignatures(db, amendment.id)).map((row) => [row.party, row.signedAt]));
    entries.push(entryOf(amendment, signed, parties));
  }
  const inProgress = entries.find((entry) => entry.amendment.state === 'requested' || entry.amendment.state === 'validated');
  return { entries, inProgress: inProgress ?? null, mayRequest: isAmendable(convention.state) && !inProgress, parties };
}

const partyNames: Record<'fr' | 'en', Record<Signatory, string>> = {
  fr: {
    student: 'Le ou la stagiaire',
    legal_representative: 'Son représentant légal',
    host_signatory: 'Le représentant de l’organisme d’accueil',
    professional_tutor: 'Le tuteur ou la tutrice de stage',
    academic_tutor: 'L’enseignant référent',
    dean: 'Pour l’établissement, le doyen ou la doyenne',
  },
  en: {
    student: 'The intern',
    legal_representative: 'Their legal representative',
    host_signatory: 'The host’s representative',
    professional_tutor: 'The host tutor',
    academic_tutor: 'The academic tutor',
    dean: 'For the institution, the dean',
  },
};

/** The amendment's PDF, rendered from what the amendment stored (never the live record); a draft until validated. */
export async function amendmentPdfFor(
  db: Database,
  actor: { role: 'student' | 'office'; userId: number },
  conventionId: number,
  number: number,
  institution: Institution,
  renderer: PdfRenderer,
) {
  const convention = await amendableConvention(db, actor, conventionId);
  const amendment = await amendmentRepository.findByNumber(db, convention.id, number);
  if (!amendment) throw notFound();
  return amendmentPdfOf(db, convention, amendment, institution, renderer);
}

/** The PDF of one amendment of the convention (access already checked). */
export async function amendmentPdfOf(
  db: Executor,
  convention: Convention,
  amendment: Amendment,
  institution: Institution,
  renderer: PdfRenderer,
) {
  const language = await documentLanguageOf(db, convention);
  const frozen = convention.frozenSnapshot as unknown as FrozenConventionSnapshot | null;
  const entry = entryOf(amendment, new Map(), amendmentSignatories(convention));
  const data: AmendmentPdfData = {
    number: amendment.number,
    reference: convention.reference ?? String(convention.id),
    institutionName: institution.name,
    studentName: `${convention.student.firstName} ${convention.student.lastName}`,
    hostName: frozen?.organisation?.name ?? '',
    programmeTitle: frozen?.programme.title ?? '',
    rows: entry.rows,
    changes: entry.changes,
    signatories: entry.signatures.map((signature) => partyNames[language][signature.party]),
    validatedOn: amendment.decidedAt && amendment.state !== 'refused' ? amendment.decidedAt.toISOString().slice(0, 10) : null,
  };
  const draft = amendment.state === 'requested' || amendment.state === 'refused';
  // Built from what the amendment stored: the same until it is validated (or, on the signature page, signed).
  const bytes = await cachedPdf(db, renderer, `amendment:${convention.id}:${amendment.number}`, 'amendment', [data, language, { draft }]);
  const base = `avenant-${amendment.number}-${convention.reference ?? convention.id}`;
  return {
    bytes,
    filename: `${base}${draft ? (language === 'en' ? '-draft' : '-brouillon') : ''}.pdf`,
    sha256: sha256(bytes),
    final: !draft,
  };
}
