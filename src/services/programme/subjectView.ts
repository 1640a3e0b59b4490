import { notFound } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Database } from '../../models/database';
import { subjectRepository, type Subject } from '../../models/subjectRepository';
import { teacherRepository, type Teacher } from '../../models/teacherRepository';
import { userRepository, type User } from '../../models/userRepository';

export interface SubjectHistoryEntry {
  action: string;
  at: Date;
  actorName: string;
  comment: string | null;
}

export interface ProgrammeSubjectView {
  subject: Subject;
  student: User | undefined;
  tutor: Teacher | undefined;
  history: SubjectHistoryEntry[];
}

/** A subject of the programme with its history (proposals, revisions, decisions and their comments). */
export async function loadProgrammeSubject(db: Database, programmeId: number, subjectId: number): Promise<ProgrammeSubjectView> {
  const subject = await subjectRepository.findById(db, subjectId);
  if (!subject || subject.programmeId !== programmeId) throw notFound();
  const entries = (await auditRepository.listForTarget(db, 'subject', subject.id)).reverse();
  const actors = new Map<number, string>();
  for (const id of new Set(entries.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])))) {
    actors.set(id, (await userRepository.findById(db, id))?.name ?? '');
  }
  return {
    subject,
    student: await userRepository.findById(db, subject.studentUserId),
    tutor: subject.academicTutorId ? await teacherRepository.findById(db, subject.academicTutorId) : undefined,
    history: entries.map((entry) => ({
      action: entry.action,
      at: entry.at,
      actorName: entry.actorUserId ? (actors.get(entry.actorUserId) ?? '') : '',
      comment: typeof entry.details.comment === 'string' ? entry.details.comment : null,
    })),
  };
}
