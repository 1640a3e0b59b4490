import { AppError, notFound } from '../../errors';
import { amendmentRepository, type Amendment } from '../../models/amendmentRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database } from '../../models/database';
import { queueAmendmentMails } from './amendmentMails';
import { recordAmendmentStep, type AmendmentContext } from './requestAmendment';

export interface ProgrammeAgreementCommand {
  programmeId: number;
  userId: number;
  conventionId: number;
  number: number;
  decision: 'agreed' | 'refused';
  /** Required to refuse: the student and the office read it. */
  comment: string | null;
}

/**
 * The programme head agrees to a change of subject or academic referent (the office then decides), or refuses it
 * with a comment (the amendment ends, refused, the convention unchanged). Another programme's convention is not found.
 */
export async function decideAsProgramme(db: Database, command: ProgrammeAgreementCommand, context: AmendmentContext): Promise<Amendment> {
  return db.transaction(async (tx) => {
    const convention = await conventionRepository.findById(tx, command.conventionId);
    if (!convention || convention.programmeId !== command.programmeId) throw notFound();
    const amendment = await amendmentRepository.lockByNumber(tx, convention.id, command.number);
    if (!amendment) throw notFound();
    if (amendment.state !== 'requested' || amendment.programmeAgreement !== 'pending')
      throw new AppError(409, 'amendment.errors.notAwaitingProgramme');
    const now = context.clock.now();
    const refused = command.decision === 'refused';
    const updated = await amendmentRepository.update(tx, amendment.id, {
      programmeAgreement: command.decision,
      programmeComment: command.comment,
      programmeDecidedByUserId: command.userId,
      programmeDecidedAt: now,
      ...(refused ? { state: 'refused' as const, refusalReason: command.comment, decidedAt: now } : {}),
    });
    const actor = { role: 'programme' as const, userId: command.userId };
    await recordAmendmentStep(tx, convention, updated, actor, refused ? 'programme_refused' : 'programme_agreed', now, command.comment);
    await queueAmendmentMails(tx, convention, updated, refused ? 'programmeRefused' : 'agreed', context.officeEmail);
    return updated;
  });
}
