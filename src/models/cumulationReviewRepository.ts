import { inArray } from 'drizzle-orm';
import type { Executor } from './database';
import { cumulationReviews } from './schema';

export type CumulationReview = typeof cumulationReviews.$inferSelect;

/** What the office recorded about re-check flags of earlier conventions (one row per flag it dealt with). */
export const cumulationReviewRepository = {
  async listFor(db: Executor, conventionIds: readonly number[]): Promise<CumulationReview[]> {
    if (conventionIds.length === 0) return [];
    return db
      .select()
      .from(cumulationReviews)
      .where(inArray(cumulationReviews.conventionId, [...conventionIds]));
  },

  /** Records the review; false when this flag of this convention was already reviewed (by someone else meanwhile). */
  async record(db: Executor, review: Omit<CumulationReview, 'id'>): Promise<boolean> {
    const inserted = await db.insert(cumulationReviews).values(review).onConflictDoNothing().returning({ id: cumulationReviews.id });
    return inserted.length > 0;
  },
};
