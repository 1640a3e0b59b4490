import { academicYearOf, academicYearSlices } from '../../domain/academicYear';
import type { Finding } from '../../domain/legalRules';
import { AppError, notFound } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { conventionRepository, type Convention, type ConventionChanges } from '../../models/conventionRepository';
import type { Database, Transaction } from '../../models/database';
import { organisationRepository, type ContactFields, type Organisation, type ServiceFields } from '../../models/organisationRepository';
import { programmeRepository } from '../../models/programmeRepository';
import { subjectRepository } from '../../models/subjectRepository';
import { teacherRepository, type TeacherFields } from '../../models/teacherRepository';
import { userRepository } from '../../models/userRepository';
import type { Interruption, StudentSnapshot } from '../../models/schema';
import { presenceOf } from '../conventions/presence';
import type { StudentContext } from './context';
import { detailsOf, legalFindings } from './conventionDetails';
import { internshipStepFindings, newFindings } from './findingSteps';
import { stepNumber, type WizardStep } from './wizardSteps';

/** What a student typed on the personal step of an earlier convention, offered again on the next one. */
function personalDataOf(earlier: Convention | undefined): Partial<StudentSnapshot> {
  if (!earlier?.student.birthDate) return {};
  const { email: _email, studentNumber: _number, firstName: _first, lastName: _last, ...typed } = earlier.student;
  return typed;
}

/**
 * Starts a draft for one of the student's programmes, prefilled from the launch (name, e-mail, student number), from
 * the personal data of their latest convention that has some, and linked to the latest subject.
 */
export async function startConvention(db: Database, userId: number, programmeId: number, today: string): Promise<Convention> {
  return db.transaction(async (tx) => {
    if (!(await programmeRepository.hasMembership(tx, userId, programmeId, 'student'))) throw notFound();
    const user = (await userRepository.findById(tx, userId))!;
    const subject = (await subjectRepository.listForStudent(tx, userId)).find(
      (s) => s.programmeId === programmeId && s.state !== 'rejected',
    );
    const earlier = (await conventionRepository.listForStudent(tx, userId)).find((convention) => convention.student.birthDate);
    const student: StudentSnapshot = {
      country: 'FR',
      ...personalDataOf(earlier),
      firstName: user.givenName ?? user.name,
      lastName: user.familyName ?? '',
      email: user.email ?? '',
      studentNumber: user.studentNumber ?? '',
    };
    const convention = await conventionRepository.create(tx, {
      studentUserId: userId,
      programmeId,
      academicYear: academicYearOf(today),
      subjectId: subject?.id ?? null,
      student,
    });
    await conventionRepository.addEvent(tx, {
      conventionId: convention.id,
      actorUserId: userId,
      actorRole: 'student',
      event: 'create',
      fromState: null,
      toState: 'draft',
    });
    return convention;
  });
}

/** The student's own draft, locked for this transaction's update; anything submitted is read-only for them. */
export async function editableDraft(tx: Transaction, userId: number, conventionId: number): Promise<Convention> {
  const convention = await conventionRepository.findForStudent(tx, conventionId, userId);
  if (!convention) throw notFound();
  if (convention.state !== 'draft') throw new AppError(409, 'student.convention.readOnly');
  return convention;
}

/** Saves one step of the draft (optimistic locking on the version the student saw) and records the progress. */
export async function saveDraft(
  tx: Transaction,
  convention: Convention,
  version: number,
  step: WizardStep,
  changes: ConventionChanges,
): Promise<Convention> {
  const lastCompletedStep = Math.max(convention.lastCompletedStep, stepNumber(step));
  return conventionRepository.update(tx, convention.id, version, { ...changes, lastCompletedStep });
}

export interface DraftCommand {
  userId: number;
  conventionId: number;
  version: number;
}

/**
 * The academic years a convention may be filed under: those its dates touch once they are known (a label cannot
 * move hours out of a year), else this year and the next.
 */
export function academicYearChoices(convention: Pick<Convention, 'startDate' | 'endDate'>, today: string): string[] {
  if (convention.startDate && convention.endDate && convention.startDate <= convention.endDate) {
    return academicYearSlices(convention.startDate, convention.endDate).map((slice) => slice.academicYear);
  }
  const current = academicYearOf(today);
  const start = Number(current.slice(0, 4));
  return [current, `${start + 1}-${start + 2}`];
}

export async function savePersonalData(
  db: Database,
  command: DraftCommand,
  data: { academicYear: string; today: string; student: Omit<StudentSnapshot, 'email' | 'studentNumber'> },
) {
  return db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    if (convention.startDate && !academicYearChoices(convention, data.today).includes(data.academicYear)) {
      throw new AppError(422, 'student.errors.academicYearOutsideDates');
    }
    const student = { ...convention.student, ...data.student };
    return saveDraft(tx, convention, command.version, 'personal', { student, academicYear: data.academicYear });
  });
}

/**
 * Choosing another host forgets the service and contacts, which belonged to the previous one, and counts the
 * internship already entered again on the new host's public holidays.
 */
export function hostChanges(convention: Convention, organisation: Organisation): ConventionChanges {
  const presence = presenceOf(convention, organisation);
  const hours = presence ? { computedTotalHours: presence.hours } : {};
  if (convention.organisationId === organisation.id) return { organisationId: organisation.id, ...hours };
  return { organisationId: organisation.id, serviceId: null, professionalTutorId: null, signatoryId: null, ...hours };
}

export async function notifyUnvalidatedHost(tx: Transaction, context: StudentContext, organisation: Organisation, userId: number) {
  if (organisation.validated) return;
  const user = await userRepository.findById(tx, userId);
  await enqueueNotification(tx, {
    template: 'hostCreated',
    to: { email: context.officeEmail, name: 'Service des stages', locale: 'fr' },
    data: {
      organisationName: organisation.name,
      ...(organisation.siret ? { siret: organisation.siret } : {}),
      city: organisation.city,
      country: organisation.country,
      createdByName: user?.name ?? '',
      path: `/office/organisations/${organisation.id}`,
    },
    dedupeKey: `hostToValidate:${organisation.id}`,
  });
}

export async function chooseOrganisation(context: StudentContext, command: DraftCommand, organisationId: number) {
  return context.db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    const organisation = await organisationRepository.findById(tx, organisationId);
    if (!organisation) throw notFound();
    await notifyUnvalidatedHost(tx, context, organisation, command.userId);
    return saveDraft(tx, convention, command.version, 'organisation', hostChanges(convention, organisation));
  });
}

async function requireHost(convention: Convention): Promise<number> {
  if (convention.organisationId === null) throw new AppError(409, 'student.convention.hostFirst');
  return convention.organisationId;
}

export async function saveService(db: Database, command: DraftCommand, choice: { serviceId: number } | { create: ServiceFields }) {
  return db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    const organisationId = await requireHost(convention);
    const service =
      'serviceId' in choice
        ? await organisationRepository.findService(tx, organisationId, choice.serviceId)
        : await organisationRepository.createService(tx, organisationId, choice.create);
    if (!service) throw notFound();
    return saveDraft(tx, convention, command.version, 'service', { serviceId: service.id });
  });
}

/** The professional tutor ('tutor') and the host signatory are both contacts of the host. */
export async function saveContact(
  db: Database,
  command: DraftCommand,
  step: 'tutor' | 'signatory',
  choice: { contactId: number } | { create: ContactFields },
) {
  return db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    const organisationId = await requireHost(convention);
    const contact =
      'contactId' in choice
        ? await organisationRepository.findContact(tx, organisationId, choice.contactId)
        : await organisationRepository.createContact(tx, organisationId, choice.create);
    if (!contact) throw notFound();
    const changes = step === 'tutor' ? { professionalTutorId: contact.id } : { signatoryId: contact.id };
    return saveDraft(tx, convention, command.version, step, changes);
  });
}

export type AcademicTutorChoice =
  { teacherId: number } | { staffUserId: number } | { create: Omit<TeacherFields, 'userId' | 'programmeId'> };

export async function saveAcademicTutor(db: Database, command: DraftCommand, choice: AcademicTutorChoice) {
  return db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    const programmeId = convention.programmeId;
    let teacherId: number | undefined;
    const subject = convention.subjectId ? await subjectRepository.findById(tx, convention.subjectId) : undefined;
    if (subject?.academicTutorId) {
      // The programme head's assignment wins (the step shows it read-only): whatever was posted, that referent is kept.
      teacherId = subject.academicTutorId;
    } else if ('teacherId' in choice) {
      teacherId = (await teacherRepository.findForProgramme(tx, programmeId, choice.teacherId)) ? choice.teacherId : undefined;
    } else if ('staffUserId' in choice) {
      if (await programmeRepository.hasMembership(tx, choice.staffUserId, programmeId, 'staff')) {
        const existing = await teacherRepository.findByUser(tx, programmeId, choice.staffUserId);
        const user = (await userRepository.findById(tx, choice.staffUserId))!;
        teacherId =
          existing?.id ??
          (
            await teacherRepository.create(tx, {
              userId: user.id,
              programmeId,
              firstName: user.givenName ?? user.name,
              lastName: user.familyName ?? '',
              email: user.email ?? '',
            })
          ).id;
      }
    } else {
      teacherId = (await teacherRepository.create(tx, { ...choice.create, programmeId, userId: null })).id;
    }
    if (!teacherId) throw notFound();
    return saveDraft(tx, convention, command.version, 'academic-tutor', { academicTutorId: teacherId });
  });
}

export interface InternshipData {
  internshipType: string;
  activities: string;
  skills: string;
  startDate: string;
  endDate: string;
  interruptions: Interruption[];
  /** Hours on each weekday, Monday first. */
  weeklySchedule: number[];
  irregularSchedule: string | null;
  nightPresence: boolean;
  nightDescription: string | null;
  nightHours: number | null;
  sundayPresence: boolean;
  sundayDescription: string | null;
  sundayHours: number | null;
  holidayPresence: boolean;
  holidayDescription: string | null;
  holidayHours: number | null;
  minorDerogation: string | null;
  declaredTotalHours: number | null;
  declaredTotalReason: string | null;
  gratificationAmount: number | null;
  gratificationUnit: 'hour' | 'month';
  paymentTerms: string | null;
  benefitMeals: string | null;
  benefitLodging: string | null;
  benefitTravel: string | null;
  place: string | null;
  confidentiality: string | null;
}

/**
 * Saves the internship and computes its total hours (the weekly schedule over the calendar, minus the host's public
 * holidays and the interruptions, plus the declared night, Sunday and holiday hours). The academic year follows the
 * dates: one they do not touch becomes the start's. Returns the legal findings of this step that the save brought,
 * so that the student sees them on the step at once.
 */
export async function saveInternship(
  db: Database,
  command: DraftCommand,
  data: InternshipData,
  today: string,
): Promise<{ convention: Convention; newFindings: Finding[] }> {
  return db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    const programme = await programmeRepository.findById(tx, convention.programmeId);
    if (programme && !programme.internshipTypes.includes(data.internshipType)) throw new AppError(422, 'student.errors.choose');
    const before = await legalFindings(tx, await detailsOf(tx, convention), today);
    const host = convention.organisationId ? await organisationRepository.findById(tx, convention.organisationId) : undefined;
    const presence = presenceOf(data, host)!;
    const yearsTouched = academicYearSlices(data.startDate, data.endDate).map((slice) => slice.academicYear);
    const academicYear = yearsTouched.includes(convention.academicYear) ? convention.academicYear : academicYearOf(data.startDate);
    const changes = { ...data, academicYear, computedTotalHours: presence.hours };
    const saved = await saveDraft(tx, convention, command.version, 'internship', changes);
    const after = (await legalFindings(tx, await detailsOf(tx, saved), today)) ?? [];
    return { convention: saved, newFindings: newFindings(before && internshipStepFindings(before), internshipStepFindings(after)) };
  });
}

/** The review screens have nothing to save: passing them records the progress. */
export async function confirmReview(db: Database, command: DraftCommand) {
  return db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    return saveDraft(tx, convention, command.version, 'review', {});
  });
}
