import { asc, eq } from 'drizzle-orm';
import { AppError } from '../errors';
import type { Executor } from './database';
import { signatures } from './schema';

export type Signature = typeof signatures.$inferSelect;
export type SignatureParty = Signature['party'];
export type NewSignature = Pick<
  typeof signatures.$inferInsert,
  'conventionId' | 'party' | 'signedAt' | 'method' | 'recordedBy' | 'documentId'
>;

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code === '23505' || (error as { code?: string })?.code === '23505';
}

export const signatureRepository = {
  async listForConvention(db: Executor, conventionId: number): Promise<Signature[]> {
    return db
      .select()
      .from(signatures)
      .where(eq(signatures.conventionId, conventionId))
      .orderBy(asc(signatures.signedAt), asc(signatures.id));
  },

  /** One signature per party: a second one is refused, never overwritten. */
  async create(db: Executor, signature: NewSignature): Promise<Signature> {
    try {
      const [row] = await db.insert(signatures).values(signature).returning();
      return row;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError(409, 'workflow.error.alreadySigned', { party: signature.party });
      throw error;
    }
  },
};
