import { decideSubject } from '../../domain/subjectWorkflow';
import { AppError, notFound } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Clock } from '../../clock';
import type { Database } from '../../models/database';
import { programmeRepository } from '../../models/programmeRepository';
import { subjectRepository, type Subject, type SubjectFields } from '../../models/subjectRepository';
import { notifySubjectProposed } from '../notifications/subjectProposed';
import { enqueueProgressUpdate } from '../progress/enqueueProgressUpdate';

/** A student proposes a subject to one of their programmes; it waits for the programme head's decision. */
export async function proposeSubject(
  db: Database,
  studentUserId: number,
  programmeId: number,
  fields: SubjectFields,
  clock: Clock,
): Promise<Subject> {
  return db.transaction(async (tx) => {
    if (!(await programmeRepository.hasMembership(tx, studentUserId, programmeId, 'student'))) throw notFound();
    const subject = await subjectRepository.create(tx, studentUserId, programmeId, fields);
    await auditRepository.record(tx, {
      actorUserId: studentUserId,
      action: 'subject.propose',
      targetType: 'subject',
      targetId: subject.id,
    });
    await enqueueProgressUpdate(tx, { studentUserId, programmeId });
    await notifySubjectProposed(tx, subject, clock.now());
    return subject;
  });
}

/** Edits a proposed subject, or revises a rejected one and proposes it again. A validated subject stays as it is. */
export async function reviseSubject(
  db: Database,
  studentUserId: number,
  subjectId: number,
  fields: SubjectFields,
  clock: Clock,
): Promise<Subject['state']> {
  return db.transaction(async (tx) => {
    const subject = await subjectRepository.findForStudent(tx, subjectId, studentUserId);
    if (!subject) throw notFound();
    const event = subject.state === 'rejected' ? ({ type: 'propose' } as const) : ({ type: 'revise' } as const);
    const decision = decideSubject(subject.state, event, 'student');
    if (!decision.ok) throw new AppError(409, decision.error, decision.params);
    await subjectRepository.update(tx, subject.id, { ...fields, state: decision.to });
    await auditRepository.record(tx, {
      actorUserId: studentUserId,
      action: `subject.${event.type}`,
      targetType: 'subject',
      targetId: subject.id,
    });
    if (decision.to !== subject.state) await enqueueProgressUpdate(tx, { studentUserId, programmeId: subject.programmeId });
    if (event.type === 'propose') await notifySubjectProposed(tx, { ...subject, ...fields }, clock.now());
    return decision.to;
  });
}
