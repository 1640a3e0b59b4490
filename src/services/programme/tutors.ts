import { academicYearOf } from '../../domain/academicYear';
import { AppError, notFound } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database, Executor } from '../../models/database';
import { programmePanelRepository } from '../../models/programmePanelRepository';
import { programmeRepository } from '../../models/programmeRepository';
import { subjectRepository } from '../../models/subjectRepository';
import { teacherRepository, type Teacher, type TeacherFields } from '../../models/teacherRepository';
import type { User } from '../../models/userRepository';

export interface TutorChoice {
  /** `teacher:12` for a teacher Pstage knows, `user:7` for a course instructor who is not one yet. */
  value: string;
  name: string;
  email: string | null;
  interns: number;
  overCap: boolean;
  fromRoster: boolean;
}

export interface TutorChoices {
  choices: TutorChoice[];
  cap: number;
  academicYear: string;
}

const fullName = (teacher: Pick<Teacher, 'firstName' | 'lastName'>) => `${teacher.firstName} ${teacher.lastName}`.trim();

/**
 * The teachers of the programme with their interns in their busiest academic year from this one on (the cap is per
 * year; on 31 August a head already assigns next year's tutors), then the course's instructors who are not teachers yet.
 */
export async function loadTutorChoices(db: Database, programmeId: number, cap: number, today: string): Promise<TutorChoices> {
  const academicYear = academicYearOf(today);
  const teachers = await teacherRepository.listForProgramme(db, programmeId);
  const counts = new Map<number, number>();
  for (const row of await programmePanelRepository.internCountsByYear(db, programmeId, academicYear)) {
    counts.set(row.teacherId, Math.max(counts.get(row.teacherId) ?? 0, row.count));
  }
  const instructors = await programmeRepository.listMembers(db, programmeId, 'staff');
  const teacherUsers = new Set(teachers.flatMap((teacher) => (teacher.userId ? [teacher.userId] : [])));
  const choices: TutorChoice[] = [
    ...teachers.map((teacher) => {
      const interns = counts.get(teacher.id) ?? 0;
      return {
        value: `teacher:${teacher.id}`,
        name: fullName(teacher),
        email: teacher.email,
        interns,
        overCap: interns > cap,
        fromRoster: teacher.userId !== null,
      };
    }),
    ...instructors
      .filter((user) => !teacherUsers.has(user.id))
      .map((user) => ({ value: `user:${user.id}`, name: user.name, email: user.email, interns: 0, overCap: false, fromRoster: true })),
  ];
  return { choices, cap, academicYear };
}

/** A teacher created by hand; one already known with the same e-mail in the programme is reused. */
export async function createTeacher(
  db: Database,
  programmeId: number,
  actorUserId: number,
  fields: Pick<TeacherFields, 'civility' | 'firstName' | 'lastName' | 'email'>,
): Promise<Teacher> {
  return db.transaction(async (tx) => {
    const email = fields.email.toLowerCase();
    const existing = (await teacherRepository.listForProgramme(tx, programmeId)).find((teacher) => teacher.email.toLowerCase() === email);
    if (existing) return existing;
    const teacher = await teacherRepository.create(tx, { ...fields, email, programmeId, userId: null });
    await auditRepository.record(tx, {
      actorUserId,
      action: 'teacher.create',
      targetType: 'teacher',
      targetId: teacher.id,
      details: { programmeId },
    });
    return teacher;
  });
}

/** The teacher a choice names, in this programme only; a course instructor becomes a teacher on first assignment. */
async function resolveTutor(tx: Executor, programmeId: number, choice: string): Promise<Teacher> {
  const match = /^(teacher|user):(\d{1,10})$/.exec(choice);
  if (!match) throw notFound();
  const id = Number(match[2]);
  if (match[1] === 'teacher') {
    const teacher = await teacherRepository.findForProgramme(tx, programmeId, id);
    if (!teacher) throw notFound();
    return teacher;
  }
  const instructor = (await programmeRepository.listMembers(tx, programmeId, 'staff')).find((user: User) => user.id === id);
  if (!instructor) throw notFound();
  const known = await teacherRepository.findByUser(tx, programmeId, instructor.id);
  if (known) return known;
  if (!instructor.email) throw new AppError(422, 'programme.errors.instructorWithoutEmail');
  return teacherRepository.create(tx, {
    userId: instructor.id,
    programmeId,
    civility: null,
    firstName: instructor.givenName ?? instructor.name,
    lastName: instructor.familyName ?? '',
    email: instructor.email,
  });
}

/**
 * One academic tutor for several students of the programme, in one transaction: on the latest subject of
 * each, and on their conventions still in draft or submitted (version bumped, an `assign_tutor` event).
 * A student of another programme fails the whole request.
 */
export async function assignTutor(
  db: Database,
  request: { programmeId: number; actorUserId: number; tutor: string; studentIds: number[] },
): Promise<{ teacher: Teacher; assigned: number; skipped: number }> {
  const { programmeId, actorUserId } = request;
  return db.transaction(async (tx) => {
    const studentIds = [...new Set(request.studentIds)];
    for (const studentId of studentIds) {
      if (!(await programmePanelRepository.isStudentOf(tx, programmeId, studentId))) throw notFound();
    }
    const teacher = await resolveTutor(tx, programmeId, request.tutor);
    const subjects = await programmePanelRepository.subjects(tx, programmeId);
    let assigned = 0;
    for (const studentId of studentIds) {
      const subject = subjects.filter((s) => s.studentUserId === studentId).at(-1);
      const open = await programmePanelRepository.openConventionsOf(tx, programmeId, studentId);
      // Nowhere to record a tutor for a student with neither subject nor open convention.
      if (!subject && open.length === 0) continue;
      assigned += 1;
      if (subject && subject.academicTutorId !== teacher.id) await subjectRepository.setAcademicTutor(tx, subject.id, teacher.id);
      for (const convention of open) {
        if (convention.academicTutorId === teacher.id) continue;
        await conventionRepository.update(tx, convention.id, convention.version, { academicTutorId: teacher.id });
        await conventionRepository.addEvent(tx, {
          conventionId: convention.id,
          actorUserId,
          actorRole: 'programme',
          event: 'assign_tutor',
          fromState: convention.state,
          toState: convention.state,
          reason: fullName(teacher),
        });
      }
      await auditRepository.record(tx, {
        actorUserId,
        action: 'programme.assignTutor',
        targetType: 'user',
        targetId: studentId,
        details: { programmeId, teacherId: teacher.id },
      });
    }
    return { teacher, assigned, skipped: studentIds.length - assigned };
  });
}

/** Student ids → the subjects of theirs that wait for a decision; a student of another programme is not found. */
export async function proposedSubjectsOf(db: Database, programmeId: number, studentIds: number[]): Promise<number[]> {
  const subjects = await programmePanelRepository.subjects(db, programmeId);
  const ids: number[] = [];
  for (const studentId of new Set(studentIds)) {
    if (!(await programmePanelRepository.isStudentOf(db, programmeId, studentId))) throw notFound();
    const subject = subjects.filter((s) => s.studentUserId === studentId).at(-1);
    if (subject?.state === 'proposed') ids.push(subject.id);
  }
  return ids;
}
