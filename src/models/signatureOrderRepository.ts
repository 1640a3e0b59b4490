import { eq } from 'drizzle-orm';
import type { SignatureParty } from '../domain/signatories';
import type { SignatureSequence } from '../domain/signatureCircuit';
import type { Executor } from './database';
import { signatureOrders } from './schema';

/** The order the office set for a convention's signatories; none stored: in parallel. */
export const signatureOrderRepository = {
  async find(db: Executor, conventionId: number): Promise<SignatureSequence> {
    const [row] = await db.select().from(signatureOrders).where(eq(signatureOrders.conventionId, conventionId)).limit(1);
    return row ? (row.sequence as SignatureParty[]) : null;
  },

  async save(db: Executor, conventionId: number, sequence: SignatureSequence, updatedBy: number, at: Date): Promise<void> {
    if (!sequence) {
      await db.delete(signatureOrders).where(eq(signatureOrders.conventionId, conventionId));
      return;
    }
    await db
      .insert(signatureOrders)
      .values({ conventionId, sequence: [...sequence], updatedBy, updatedAt: at })
      .onConflictDoUpdate({ target: signatureOrders.conventionId, set: { sequence: [...sequence], updatedBy, updatedAt: at } });
  },
};
