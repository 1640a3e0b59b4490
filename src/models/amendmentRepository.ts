import { and, asc, eq, max } from 'drizzle-orm';
import { AppError } from '../errors';
import type { Executor } from './database';
import { amendmentSignatures, amendments, conventions } from './schema';

export type Amendment = typeof amendments.$inferSelect;
export type NewAmendment = Omit<typeof amendments.$inferInsert, 'id' | 'number' | 'createdAt'>;
export type AmendmentSignature = typeof amendmentSignatures.$inferSelect;

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code === '23505' || (error as { code?: string })?.code === '23505';
}

export const amendmentRepository = {
  /** Numbered per convention: the next number. At most one in progress (a unique index): a second one is a conflict. */
  async create(db: Executor, values: NewAmendment): Promise<Amendment> {
    const [last] = await db
      .select({ number: max(amendments.number) })
      .from(amendments)
      .where(eq(amendments.conventionId, values.conventionId));
    try {
      const [row] = await db
        .insert(amendments)
        .values({ ...values, number: (last?.number ?? 0) + 1 })
        .returning();
      return row;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError(409, 'amendment.errors.inProgress');
      throw error;
    }
  },

  /** The amendments of a programme's conventions that wait for the programme head's agreement, oldest first. */
  async listAwaitingProgramme(db: Executor, programmeId: number) {
    return db
      .select({
        conventionId: amendments.conventionId,
        number: amendments.number,
        reference: conventions.reference,
        createdAt: amendments.createdAt,
      })
      .from(amendments)
      .innerJoin(conventions, eq(conventions.id, amendments.conventionId))
      .where(and(eq(conventions.programmeId, programmeId), eq(amendments.state, 'requested'), eq(amendments.programmeAgreement, 'pending')))
      .orderBy(asc(amendments.createdAt), asc(amendments.id));
  },

  async listForConvention(db: Executor, conventionId: number): Promise<Amendment[]> {
    return db.select().from(amendments).where(eq(amendments.conventionId, conventionId)).orderBy(asc(amendments.number));
  },

  /** The amendment, its row held until the transaction ends (two office actions on it run one after the other). */
  async lockByNumber(db: Executor, conventionId: number, number: number): Promise<Amendment | undefined> {
    const [row] = await db
      .select()
      .from(amendments)
      .where(and(eq(amendments.conventionId, conventionId), eq(amendments.number, number)))
      .for('update');
    return row;
  },

  async findById(db: Executor, id: number): Promise<Amendment | undefined> {
    const [row] = await db.select().from(amendments).where(eq(amendments.id, id));
    return row;
  },

  async findByNumber(db: Executor, conventionId: number, number: number): Promise<Amendment | undefined> {
    const [row] = await db
      .select()
      .from(amendments)
      .where(and(eq(amendments.conventionId, conventionId), eq(amendments.number, number)));
    return row;
  },

  async update(db: Executor, id: number, changes: Partial<NewAmendment>): Promise<Amendment> {
    const [row] = await db.update(amendments).set(changes).where(eq(amendments.id, id)).returning();
    return row;
  },

  async listSignatures(db: Executor, amendmentId: number): Promise<AmendmentSignature[]> {
    return db
      .select()
      .from(amendmentSignatures)
      .where(eq(amendmentSignatures.amendmentId, amendmentId))
      .orderBy(asc(amendmentSignatures.signedAt), asc(amendmentSignatures.id));
  },

  /** One signature per party: a second one is refused, never overwritten. */
  async addSignature(
    db: Executor,
    signature: Omit<typeof amendmentSignatures.$inferInsert, 'id' | 'createdAt'>,
  ): Promise<AmendmentSignature> {
    try {
      const [row] = await db.insert(amendmentSignatures).values(signature).returning();
      return row;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError(409, 'workflow.error.alreadySigned', { party: signature.party });
      throw error;
    }
  },
};
