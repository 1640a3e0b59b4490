import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Executor } from '../../models/database';
import { programmeRepository } from '../../models/programmeRepository';
import type { Subject } from '../../models/subjectRepository';
import { userRepository } from '../../models/userRepository';

/**
 * Tells the programme's staff (its heads and teachers, as the LMS listed them) that a subject waits for
 * their decision; in the transaction that proposed it. `proposedAt` names this proposal (a re-proposal is a new one).
 */
export async function notifySubjectProposed(tx: Executor, subject: Subject, proposedAt: Date): Promise<void> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const programme = await programmeRepository.findById(tx, subject.programmeId);
  const student = await userRepository.findById(tx, subject.studentUserId);
  const staff = await programmeRepository.listMembers(tx, subject.programmeId, 'staff');
  for (const member of staff) {
    await enqueueNotification(tx, {
      template: 'subjectProposed',
      to: { email: member.email, name: member.name, locale: member.locale },
      data: {
        studentName: student?.name ?? '',
        subjectTitle: subject.title,
        programmeTitle: programme?.title ?? '',
        path: `/programme/${subject.programmeId}/subjects/${subject.id}`,
      },
      dedupeKey: `subjectProposed:${subject.id}:${proposedAt.getTime()}`,
    });
  }
}
