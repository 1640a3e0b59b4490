import { academicYearOf } from '../../domain/academicYear';
import { formatDate } from '../../documents/format';
import { auditRepository } from '../../models/auditRepository';
import type { FicheDeLiaisonPrefill } from '../../documents/types';
import { conventionReferencesRepository } from '../../models/conventionReferencesRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Database } from '../../models/database';
import type { Contact } from '../../models/organisationRepository';
import { programmeRepository } from '../../models/programmeRepository';
import { subjectRepository } from '../../models/subjectRepository';
import { teacherRepository } from '../../models/teacherRepository';
import { userRepository } from '../../models/userRepository';
import { countryName } from '../documents/conventionDocumentData';
import { cachedPdf } from '../documents/pdfCache';
import type { PdfRenderer } from '../documents/pdfRenderer';

type Prefill = Partial<FicheDeLiaisonPrefill>;

/** Only what is known: an unknown value leaves the row's lines to fill. */
const known = (values: { [K in keyof FicheDeLiaisonPrefill]?: FicheDeLiaisonPrefill[K] | null | '' }): Prefill =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '')) as Prefill;

const address = (place: { street?: string | null; postalCode?: string | null; city?: string | null }) =>
  [place.street, [place.postalCode, place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

const personName = (person: { firstName: string; lastName: string } | undefined) =>
  person ? `${person.firstName} ${person.lastName}`.trim() : undefined;

const contactPrefill = (contact: Contact | undefined, prefix: 'tutor' | 'signatory'): Prefill =>
  contact
    ? known({
        [`${prefix}Civility`]: contact.civility,
        [`${prefix}Name`]: personName(contact),
        [`${prefix}Function`]: contact.function,
        [`${prefix}Email`]: contact.email,
        ...(prefix === 'tutor' ? { tutorPhone: contact.phone } : {}),
      })
    : {};

/** What the student's convention in progress already says: the host, its service and people, the internship. */
async function conventionPrefill(db: Database, convention: Convention, language: 'fr' | 'en'): Promise<Prefill> {
  const { organisation, service, professionalTutor, signatory, academicTutor } = await conventionReferencesRepository.find(db, convention);
  const weeklyHours = convention.weeklySchedule?.reduce((sum, hours) => sum + hours, 0);
  return {
    ...(organisation
      ? known({
          hostName: organisation.name,
          siret: organisation.siret,
          naf: organisation.naf,
          legalStatus: organisation.legalStatus,
          headcountBand: organisation.headcountBand,
          sector: organisation.sector,
          hostAddress: address(organisation),
          country: countryName(organisation.country, language),
          hostPhone: organisation.phone,
          hostEmail: organisation.email,
          website: organisation.website,
        })
      : {}),
    ...(service ? known({ serviceName: service.name, serviceAddress: service.sameAddress ? undefined : address(service) }) : {}),
    ...contactPrefill(professionalTutor, 'tutor'),
    ...contactPrefill(signatory, 'signatory'),
    ...known({
      academicTutorName: personName(academicTutor),
      startDate: convention.startDate,
      endDate: convention.endDate,
      interruptions: convention.interruptions
        .map((gap) => `${formatDate(gap.start, language)} – ${formatDate(gap.end, language)}`)
        .join(', '),
      weeklyHours: weeklyHours || undefined,
      activities: convention.activities,
      skills: convention.skills,
      gratificationAmount: convention.gratificationAmount === null ? undefined : Number(convention.gratificationAmount),
      gratificationUnit: convention.gratificationAmount === null ? undefined : convention.gratificationUnit,
      paymentTerms: convention.paymentTerms,
    }),
  };
}

/**
 * The fiche de liaison with what Pstage already knows, as the form says: the student, the programme, the subject
 * (its title, activities, dates and host as proposed), and what the convention in progress already holds (the
 * host chosen, its service, tutor and signatory, the dates and the internship as typed), which wins over the subject.
 */
export async function ficheDeLiaisonFor(
  db: Database,
  userId: number,
  programmeId: number | null,
  language: 'fr' | 'en',
  today: string,
  renderer: PdfRenderer,
): Promise<Buffer> {
  const user = (await userRepository.findById(db, userId))!;
  const programmes = await programmeRepository.listForUser(db, userId, 'student');
  const programme = programmes.find((candidate) => candidate.id === programmeId) ?? programmes[0];
  const subjects = (await subjectRepository.listForStudent(db, userId)).filter((candidate) => candidate.programmeId === programme?.id);
  // The validated subject, else the one waiting for a decision (most recent first); a rejected one is not the plan.
  const subject =
    subjects.find((candidate) => candidate.state === 'validated') ?? subjects.find((candidate) => candidate.state === 'proposed');
  const convention = (await conventionRepository.listForStudent(db, userId)).find(
    (candidate) => candidate.programmeId === programme?.id && candidate.state !== 'cancelled',
  );
  const subjectTutor = subject?.academicTutorId ? await teacherRepository.findById(db, subject.academicTutorId) : undefined;
  const prefill: Prefill = {
    ...known({
      studentName: user.name,
      programmeTitle: programme?.title,
      academicYear: academicYearOf(today),
      subjectTitle: subject?.title,
      hostName: subject?.hostName,
      startDate: subject?.approximateStart,
      endDate: subject?.approximateEnd,
      activities: subject?.description,
    }),
    ...(convention ? await conventionPrefill(db, convention, language) : {}),
    // The programme head's assignment on the subject wins over the student's choice, as at validation.
    ...known({ academicTutorName: personName(subjectTutor) }),
  };
  const pdf = await cachedPdf(db, renderer, `fiche-de-liaison:${userId}:${programme?.id ?? 'none'}:${language}`, 'ficheDeLiaison', [
    prefill,
    language,
  ]);
  if (!(await hasDownloadedFiche(db, userId))) {
    await auditRepository.record(db, { actorUserId: userId, action: FICHE_DOWNLOADED, targetType: 'user', targetId: userId });
  }
  return pdf;
}

const FICHE_DOWNLOADED = 'student.downloadFicheDeLiaison';

/** The student's checklist says the fiche is done once they downloaded it (the first download is in the audit log). */
export async function hasDownloadedFiche(db: Database, userId: number): Promise<boolean> {
  return (await auditRepository.listForTarget(db, 'user', userId)).some((entry) => entry.action === FICHE_DOWNLOADED);
}
