import type { Clock } from '../../clock';
import { decideSubject } from '../../domain/subjectWorkflow';
import { AppError, notFound } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database, Executor } from '../../models/database';
import { subjectRepository, type Subject } from '../../models/subjectRepository';
import { teacherRepository } from '../../models/teacherRepository';
import { userRepository } from '../../models/userRepository';
import { enqueueProgressUpdate } from '../progress/enqueueProgressUpdate';

export type SubjectDecision = { decision: 'validate'; comment?: string } | { decision: 'reject'; comment: string };

export interface DecisionOutcome {
  decided: number[];
  /** Subjects no longer waiting for a decision (already decided, or revised meanwhile): left as they are. */
  skipped: number[];
}

async function applyDecision(tx: Executor, subject: Subject, decision: SubjectDecision, actorUserId: number, at: Date): Promise<boolean> {
  const event = decision.decision === 'reject' ? { type: 'reject' as const, comment: decision.comment } : { type: 'validate' as const };
  const outcome = decideSubject(subject.state, event, 'programme');
  if (!outcome.ok) return false;
  const comment = decision.comment?.trim() || null;
  await subjectRepository.recordDecision(tx, subject.id, {
    state: outcome.to,
    decisionComment: comment,
    decidedBy: actorUserId,
    decidedAt: at,
  });
  await auditRepository.record(tx, {
    actorUserId,
    action: `subject.${event.type}`,
    targetType: 'subject',
    targetId: subject.id,
    details: comment ? { comment } : {},
  });
  await enqueueProgressUpdate(tx, { studentUserId: subject.studentUserId, programmeId: subject.programmeId });
  const student = await userRepository.findById(tx, subject.studentUserId);
  const tutor = subject.academicTutorId ? await teacherRepository.findById(tx, subject.academicTutorId) : undefined;
  const decided = outcome.to === 'validated' ? 'validated' : 'rejected';
  // What the student is told to do next depends on where their convention on this subject stands.
  const convention = (await conventionRepository.listForStudent(tx, subject.studentUserId)).find(
    (candidate) => candidate.subjectId === subject.id && candidate.state !== 'cancelled',
  );
  const conventionState = !convention ? 'none' : convention.state === 'draft' ? 'draft' : 'submitted';
  await enqueueNotification(tx, {
    template: 'subjectDecided',
    to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
    data: {
      subjectTitle: subject.title,
      decision: decided,
      ...(comment ? { comment } : {}),
      ...(tutor ? { academicTutorName: `${tutor.firstName} ${tutor.lastName}` } : {}),
      conventionState,
      ...(convention?.reference ? { reference: convention.reference } : {}),
      path: `/student/subject/${subject.id}`,
    },
    dedupeKey: `subjectDecided:${subject.id}:${decided}:${at.getTime()}`,
  });
  return true;
}

/**
 * The programme head validates or rejects subjects of their programme, all in one transaction: state,
 * decision, audit, LMS progress and the student's mail. A subject of another programme fails the whole
 * request (nothing written); one that is no longer waiting is skipped (or, alone, is a conflict).
 */
export async function decideSubjects(
  db: Database,
  request: { programmeId: number; actorUserId: number; subjectIds: number[] } & SubjectDecision,
  clock: Clock,
): Promise<DecisionOutcome> {
  return db.transaction(async (tx) => {
    const at = clock.now();
    const outcome: DecisionOutcome = { decided: [], skipped: [] };
    for (const id of [...new Set(request.subjectIds)]) {
      const subject = await subjectRepository.findById(tx, id);
      if (!subject || subject.programmeId !== request.programmeId) throw notFound();
      if (await applyDecision(tx, subject, request, request.actorUserId, at)) outcome.decided.push(id);
      else outcome.skipped.push(id);
    }
    if (request.subjectIds.length === 1 && outcome.skipped.length === 1) throw new AppError(409, 'workflow.error.invalidTransition');
    return outcome;
  });
}
