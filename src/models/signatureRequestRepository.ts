import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from './database';
import { signatureRequests } from './schema';

export type SignatureRequest = typeof signatureRequests.$inferSelect;
export type NewSignatureRequest = Pick<
  typeof signatureRequests.$inferInsert,
  'conventionId' | 'party' | 'name' | 'email' | 'tokenHash' | 'sentAt' | 'expiresAt' | 'sentBy' | 'amendmentId'
>;

export interface SignatureEvidence {
  decidedAt: Date;
  ip: string;
  userAgent: string;
  documentSha256: string;
  /** The full name typed by a signatory from their link. */
  typedName?: string;
}

export const signatureRequestRepository = {
  async create(db: Executor, request: NewSignatureRequest): Promise<SignatureRequest> {
    const [row] = await db.insert(signatureRequests).values(request).returning();
    return row;
  },

  async setTokenHash(db: Executor, id: number, tokenHash: string): Promise<SignatureRequest> {
    const [row] = await db.update(signatureRequests).set({ tokenHash }).where(eq(signatureRequests.id, id)).returning();
    return row;
  },

  async findById(db: Executor, id: number): Promise<SignatureRequest | undefined> {
    const [row] = await db.select().from(signatureRequests).where(eq(signatureRequests.id, id)).limit(1);
    return row;
  },

  async findByTokenHash(db: Executor, tokenHash: string): Promise<SignatureRequest | undefined> {
    const [row] = await db.select().from(signatureRequests).where(eq(signatureRequests.tokenHash, tokenHash)).limit(1);
    return row;
  },

  async listForConvention(db: Executor, conventionId: number): Promise<SignatureRequest[]> {
    return db
      .select()
      .from(signatureRequests)
      .where(and(eq(signatureRequests.conventionId, conventionId), isNull(signatureRequests.amendmentId)))
      .orderBy(asc(signatureRequests.sentAt), asc(signatureRequests.id));
  },

  /** An amendment's requests (the convention's own circuit never lists them). */
  async listForAmendment(db: Executor, amendmentId: number): Promise<SignatureRequest[]> {
    return db
      .select()
      .from(signatureRequests)
      .where(eq(signatureRequests.amendmentId, amendmentId))
      .orderBy(asc(signatureRequests.sentAt), asc(signatureRequests.id));
  },

  /** Every link still open on an amendment is closed: a refusal, the amendment refused or in force. */
  async revokePendingForAmendment(db: Executor, amendmentId: number, at: Date, party?: SignatureRequest['party']): Promise<void> {
    await db
      .update(signatureRequests)
      .set({ status: 'revoked', decidedAt: at })
      .where(
        and(
          eq(signatureRequests.amendmentId, amendmentId),
          eq(signatureRequests.status, 'pending'),
          party ? eq(signatureRequests.party, party) : undefined,
        ),
      );
  },

  /** Pending only: two tabs signing at once, one wins; the other finds nothing to update. */
  async decide(
    db: Executor,
    id: number,
    decision: { status: 'signed'; evidence: SignatureEvidence } | { status: 'refused'; evidence: SignatureEvidence; reason: string },
  ): Promise<boolean> {
    const rows = await db
      .update(signatureRequests)
      .set({
        status: decision.status,
        ...decision.evidence,
        refusalReason: decision.status === 'refused' ? decision.reason : null,
      })
      .where(and(eq(signatureRequests.id, id), eq(signatureRequests.status, 'pending')))
      .returning({ id: signatureRequests.id });
    return rows.length === 1;
  },

  /** Closes a pending link; false when it was no longer pending (decided, or revoked by someone else meanwhile). */
  async revoke(db: Executor, id: number, at: Date): Promise<boolean> {
    const revoked = await db
      .update(signatureRequests)
      .set({ status: 'revoked', decidedAt: at })
      .where(and(eq(signatureRequests.id, id), eq(signatureRequests.status, 'pending')))
      .returning({ id: signatureRequests.id });
    return revoked.length > 0;
  },

  /** Every link still open on the convention (or one party's) is closed: a refusal, a paper signature, the end of the circuit. */
  async revokePending(db: Executor, conventionId: number, at: Date, party?: SignatureRequest['party']): Promise<void> {
    await db
      .update(signatureRequests)
      .set({ status: 'revoked', decidedAt: at })
      .where(
        and(
          eq(signatureRequests.conventionId, conventionId),
          eq(signatureRequests.status, 'pending'),
          isNull(signatureRequests.amendmentId),
          party ? eq(signatureRequests.party, party) : undefined,
        ),
      );
  },

  /** Pending requests (the convention's and its amendments') sent before `sentBefore` and not reminded since `remindedBefore`. */
  async listToRemind(db: Executor, sentBefore: Date, remindedBefore: Date): Promise<SignatureRequest[]> {
    return db
      .select()
      .from(signatureRequests)
      .where(
        and(
          eq(signatureRequests.status, 'pending'),
          lt(signatureRequests.sentAt, sentBefore),
          or(isNull(signatureRequests.lastReminderAt), lt(signatureRequests.lastReminderAt, remindedBefore)),
        ),
      )
      .orderBy(asc(signatureRequests.id));
  },

  async markReminded(db: Executor, id: number, at: Date): Promise<void> {
    await db.update(signatureRequests).set({ lastReminderAt: at }).where(eq(signatureRequests.id, id));
  },
};
