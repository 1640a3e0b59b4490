import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from './database';
import { auditLog } from './schema';

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  targetType: string;
  targetId: string | number;
  details?: Record<string, unknown>;
}

export const auditRepository = {
  async record(db: Executor, entry: AuditEntry): Promise<void> {
    await db.insert(auditLog).values({ ...entry, targetId: String(entry.targetId), details: entry.details ?? {} });
  },
  async listForTarget(db: Executor, targetType: string, targetId: string | number) {
    return db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, String(targetId))))
      .orderBy(desc(auditLog.at));
  },
  async listRecent(db: Executor, limit = 200) {
    return db.select().from(auditLog).orderBy(desc(auditLog.at)).limit(limit);
  },
};
