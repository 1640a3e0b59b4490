import { and, eq } from 'drizzle-orm';
import type { Executor } from './database';
import type { StoredDocument } from './documentRepository';
import { conventions, documents } from './schema';

/** The PDFs Pstage generates and keeps for a convention, and the certificate viewed by id (office or owner). */
export const generatedDocumentRepository = {
  /**
   * Holds the convention row until the transaction ends, so two first downloads of its final PDF
   * run one after the other and the second finds the document the first stored.
   */
  async lockConvention(tx: Executor, conventionId: number): Promise<void> {
    await tx.select({ id: conventions.id }).from(conventions).where(eq(conventions.id, conventionId)).for('update');
  },

  async findForConvention(
    db: Executor,
    conventionId: number,
    kind: 'convention_pdf' | 'attestation_pdf' | 'signed_convention_pdf',
  ): Promise<StoredDocument | undefined> {
    const [row] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.conventionId, conventionId), eq(documents.kind, kind)))
      .orderBy(documents.id)
      .limit(1);
    return row;
  },

  /** A sealed convention by the verification code printed on its signature page, or by its SHA-256. */
  async findSigned(db: Executor, by: { verificationCode: string } | { sha256: string }): Promise<StoredDocument | undefined> {
    const [row] = await db
      .select()
      .from(documents)
      .where(
        and(
          eq(documents.kind, 'signed_convention_pdf'),
          'verificationCode' in by ? eq(documents.verificationCode, by.verificationCode) : eq(documents.sha256, by.sha256),
        ),
      )
      .limit(1);
    return row;
  },

  async findCertificate(db: Executor, id: number): Promise<StoredDocument | undefined> {
    const [row] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.id, id), eq(documents.kind, 'civil_liability')));
    return row;
  },
};
