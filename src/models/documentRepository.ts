import { and, count, desc, eq, not } from 'drizzle-orm';
import type { Executor } from './database';
import { documents, users } from './schema';

export type StoredDocument = typeof documents.$inferSelect;
export type DocumentSummary = Omit<StoredDocument, 'bytes'>;
export type NewDocument = Omit<typeof documents.$inferInsert, 'id' | 'createdAt'>;

const summaryColumns = {
  id: documents.id,
  ownerUserId: documents.ownerUserId,
  conventionId: documents.conventionId,
  kind: documents.kind,
  filename: documents.filename,
  contentType: documents.contentType,
  size: documents.size,
  path: documents.path,
  sha256: documents.sha256,
  status: documents.status,
  statusReason: documents.statusReason,
  academicYear: documents.academicYear,
  verificationCode: documents.verificationCode,
  createdAt: documents.createdAt,
};

export const documentRepository = {
  async create(db: Executor, document: NewDocument): Promise<DocumentSummary> {
    const [row] = await db.insert(documents).values(document).returning(summaryColumns);
    return row;
  },

  /** The student's certificates, newest first, without their bytes. */
  async listCertificates(db: Executor, ownerUserId: number): Promise<DocumentSummary[]> {
    return db
      .select(summaryColumns)
      .from(documents)
      .where(and(eq(documents.ownerUserId, ownerUserId), eq(documents.kind, 'civil_liability')))
      .orderBy(desc(documents.createdAt), desc(documents.id));
  },

  /** Holds the student's row until the transaction ends: two uploads of theirs at once count one after the other. */
  async lockCertificateOwner(tx: Executor, ownerUserId: number): Promise<void> {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerUserId)).for('update');
  },

  /** The student's stored certificates, leaving out those an upload for `conventionId` would replace. */
  async countCertificatesKeptBeside(db: Executor, ownerUserId: number, conventionId: number): Promise<number> {
    const [row] = await db
      .select({ stored: count() })
      .from(documents)
      .where(
        and(
          eq(documents.ownerUserId, ownerUserId),
          eq(documents.kind, 'civil_liability'),
          not(and(eq(documents.conventionId, conventionId), eq(documents.status, 'submitted'))!),
        ),
      );
    return row.stored;
  },

  /** Removes the student's certificates for a convention that the office has not decided on yet; returns their ids. */
  async removeUndecidedCertificates(tx: Executor, ownerUserId: number, conventionId: number): Promise<number[]> {
    const removed = await tx
      .delete(documents)
      .where(
        and(
          eq(documents.ownerUserId, ownerUserId),
          eq(documents.conventionId, conventionId),
          eq(documents.kind, 'civil_liability'),
          eq(documents.status, 'submitted'),
        ),
      )
      .returning({ id: documents.id });
    return removed.map((row) => row.id);
  },

  async listForConvention(db: Executor, conventionId: number): Promise<DocumentSummary[]> {
    return db.select(summaryColumns).from(documents).where(eq(documents.conventionId, conventionId)).orderBy(desc(documents.createdAt));
  },

  async findOwned(db: Executor, id: number, ownerUserId: number): Promise<StoredDocument | undefined> {
    const [row] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.id, id), eq(documents.ownerUserId, ownerUserId)));
    return row;
  },

  /** The newest civil-liability certificate the student uploaded for a convention, without its bytes. */
  async findCertificateForConvention(db: Executor, conventionId: number): Promise<DocumentSummary | undefined> {
    const [row] = await db
      .select(summaryColumns)
      .from(documents)
      .where(and(eq(documents.conventionId, conventionId), eq(documents.kind, 'civil_liability')))
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(1);
    return row;
  },

  /** The office's decision on a certificate; a rejection carries the reason the student sees. */
  async setStatus(db: Executor, id: number, status: 'accepted' | 'rejected', statusReason: string | null): Promise<void> {
    await db.update(documents).set({ status, statusReason }).where(eq(documents.id, id));
  },

  async findForConvention(db: Executor, id: number, conventionId: number): Promise<StoredDocument | undefined> {
    const [row] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.id, id), eq(documents.conventionId, conventionId)));
    return row;
  },
};
