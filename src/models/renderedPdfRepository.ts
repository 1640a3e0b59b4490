import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from './database';
import { renderedPdfs } from './schema';

/** The last rendering of each PDF built from live data, with the hash of what it was built from. */
export const renderedPdfRepository = {
  async find(db: Executor, key: string, contentHash: string): Promise<Buffer | undefined> {
    const [row] = await db
      .select({ bytes: renderedPdfs.bytes })
      .from(renderedPdfs)
      .where(and(eq(renderedPdfs.key, key), eq(renderedPdfs.contentHash, contentHash)));
    return row?.bytes;
  },

  /** Keeps this rendering in place of the document's previous one. */
  async store(db: Executor, key: string, contentHash: string, bytes: Buffer): Promise<void> {
    await db
      .insert(renderedPdfs)
      .values({ key, contentHash, bytes })
      .onConflictDoUpdate({ target: renderedPdfs.key, set: { contentHash, bytes, renderedAt: new Date() } });
  },

  async removeRenderedBefore(db: Executor, before: Date): Promise<number> {
    const removed = await db.delete(renderedPdfs).where(lt(renderedPdfs.renderedAt, before)).returning({ key: renderedPdfs.key });
    return removed.length;
  },
};
