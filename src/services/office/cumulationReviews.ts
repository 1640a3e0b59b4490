import type { Clock } from '../../clock';
import { cumulationFlagKey, type CumulationFlag } from '../../domain/hostCumulation';
import { AppError } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import { cumulationReviewRepository, type CumulationReview } from '../../models/cumulationReviewRepository';
import type { Database, Executor } from '../../models/database';
import { cumulationFlagsOf } from '../conventions/hostCumulation';
import { lockedConvention, type OfficeCommand } from './officeCommand';

/** A re-check flag of an earlier convention, with the key the office reviews it under and its review if any. */
export type ReviewedCumulationFlag = CumulationFlag & { key: string; review: CumulationReview | null };

/**
 * The re-check flags of these conventions (computed on read from every convention at the same host), each with the
 * office's review when it dealt with that very flag. Two queries whatever the number of conventions.
 */
export async function reviewedCumulationFlags(
  db: Executor,
  conventions: readonly { id: number; studentUserId: number }[],
): Promise<Map<number, ReviewedCumulationFlag[]>> {
  const flags = await cumulationFlagsOf(db, conventions);
  const reviews = await cumulationReviewRepository.listFor(db, [...flags.keys()]);
  const byKey = new Map(reviews.map((review) => [`${review.conventionId}/${review.flagKey}`, review]));
  return new Map(
    [...flags].map(([id, found]) => [
      id,
      found.map((flag) => {
        const key = cumulationFlagKey(flag);
        return { ...flag, key, review: byKey.get(`${id}/${key}`) ?? null };
      }),
    ]),
  );
}

/**
 * The office records what it did about a re-check flag (an amendment asked for, the host told the gratification is
 * due from the first day…). The flag must still be shown as it was on the page: one that a cancellation or a merge
 * made disappear, or that another convention changed, is refused so the office looks again. Audited.
 */
export async function reviewCumulationFlag(db: Database, command: OfficeCommand & { flagKey: string; note: string }, clock: Clock) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const current = (await reviewedCumulationFlags(tx, [convention])).get(convention.id) ?? [];
    const flag = current.find((candidate) => candidate.key === command.flagKey);
    if (!flag) throw new AppError(409, 'office.cumulationReview.gone');
    if (flag.review) throw new AppError(409, 'office.cumulationReview.already');
    const recorded = await cumulationReviewRepository.record(tx, {
      conventionId: convention.id,
      flagKey: flag.key,
      note: command.note,
      reviewedByUserId: command.officeUserId,
      reviewedAt: clock.now(),
    });
    if (!recorded) throw new AppError(409, 'office.cumulationReview.already');
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: 'convention.cumulation_reviewed',
      targetType: 'convention',
      targetId: convention.id,
      details: { flag: flag.code, params: flag.params, note: command.note },
    });
  });
}
