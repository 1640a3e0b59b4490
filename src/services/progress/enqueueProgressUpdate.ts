import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { ConventionState } from '../../domain/workflow';
import type { Executor } from '../../models/database';
import { outboxRepository } from '../../models/outboxRepository';
import { amendments, conventions, subjects } from '../../models/schema';

/**
 * What the LMS post-back handler needs, written when the change happens: the student's latest subject and
 * convention states in one programme. The handler turns it into a score at delivery time.
 */
export interface ProgressPayload {
  programmeId: number;
  studentUserId: number;
  subjectState: 'proposed' | 'validated' | 'rejected' | null;
  /** The latest convention that is not cancelled; a cancelled one only when it is the only one. */
  conventionState: ConventionState | null;
  conventionReference: string | null;
  /** That convention's latest validated or signed amendment (see lmsProgress). */
  amendment?: { number: number; state: 'validated' | 'signed' } | null;
  /** ISO timestamp of the change: AGS scores must be posted in order. */
  changedAt: string;
}

export function progressSupersedeKey(programmeId: number, studentUserId: number): string {
  return `ags:programme:${programmeId}:student:${studentUserId}`;
}

/**
 * Now, or the next whole second after this student's previous post-back: Moodle keeps a grade's time in
 * seconds and refuses a score whose timestamp is not later (409), so two changes within one second would
 * lose the second one.
 */
async function changeTime(tx: Executor, supersedeKey: string): Promise<string> {
  const [previous] = await outboxRepository.list(tx, { kind: 'ags', supersedeKey, limit: 1 });
  const previousChange = Date.parse(String((previous?.payload as Partial<ProgressPayload> | undefined)?.changedAt ?? ''));
  const now = Date.now();
  const earliest = Number.isNaN(previousChange) ? now : (Math.floor(previousChange / 1000) + 1) * 1000;
  return new Date(Math.max(now, earliest)).toISOString();
}

async function latestAmendment(tx: Executor, conventionId: number): Promise<ProgressPayload['amendment']> {
  const [row] = await tx
    .select({ number: amendments.number, state: amendments.state })
    .from(amendments)
    .where(and(eq(amendments.conventionId, conventionId), inArray(amendments.state, ['validated', 'signed'])))
    .orderBy(desc(amendments.number))
    .limit(1);
  return row ? { number: row.number, state: row.state as 'validated' | 'signed' } : null;
}

/**
 * Call inside the transaction of every change of a student's subject or convention state: the post-back
 * exists if and only if the change committed, and only the latest one per student is delivered.
 */
export async function enqueueProgressUpdate(tx: Executor, student: { studentUserId: number; programmeId: number }): Promise<void> {
  const { studentUserId, programmeId } = student;
  const [subject] = await tx
    .select({ state: subjects.state })
    .from(subjects)
    .where(and(eq(subjects.studentUserId, studentUserId), eq(subjects.programmeId, programmeId)))
    .orderBy(desc(subjects.createdAt), desc(subjects.id))
    .limit(1);
  const byStudent = and(eq(conventions.studentUserId, studentUserId), eq(conventions.programmeId, programmeId));
  const latest = (where: typeof byStudent) =>
    tx
      .select({ id: conventions.id, state: conventions.state, reference: conventions.reference })
      .from(conventions)
      .where(where)
      .orderBy(desc(conventions.createdAt), desc(conventions.id))
      .limit(1);
  const [active] = await latest(and(byStudent, ne(conventions.state, 'cancelled')));
  const convention = active ?? (await latest(byStudent))[0];
  const payload: ProgressPayload = {
    programmeId,
    studentUserId,
    subjectState: subject?.state ?? null,
    conventionState: convention?.state ?? null,
    conventionReference: convention?.reference ?? null,
    amendment: convention ? await latestAmendment(tx, convention.id) : null,
    changedAt: await changeTime(tx, progressSupersedeKey(programmeId, studentUserId)),
  };
  await outboxRepository.enqueue(tx, {
    kind: 'ags',
    payload: payload as unknown as Record<string, unknown>,
    supersedeKey: progressSupersedeKey(programmeId, studentUserId),
  });
}
