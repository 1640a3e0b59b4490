import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Executor } from './database';
import { escapeLike } from './textSearch';
import { auditLog, users } from './schema';

export interface AuditFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
  /** A name or e-mail of the actor, or their user id. */
  actor?: string;
  /** The actor text when it can be a user id (within the column's range). */
  actorId?: number;
}

function conditions(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.action) where.push(ilike(auditLog.action, `${escapeLike(filter.action)}%`));
  if (filter.targetType) where.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId));
  if (filter.actor) {
    const pattern = `%${escapeLike(filter.actor)}%`;
    const byName = [ilike(users.name, pattern), ilike(users.email, pattern)];
    where.push(or(...(filter.actorId !== undefined ? [...byName, eq(auditLog.actorUserId, filter.actorId)] : byName))!);
  }
  return where;
}

/** The global audit log for the office: newest first, filtered, one page at a time. */
export const auditSearchRepository = {
  async page(db: Executor, filter: AuditFilter, page: { limit: number; offset: number }) {
    const where = and(...conditions(filter));
    const [{ total }] = await db.select({ total: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(where);
    const rows = await db
      .select({ entry: auditLog, actorName: users.name, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset);
    return { rows, total: Number(total) };
  },

  async targetTypes(db: Executor): Promise<string[]> {
    const rows = await db.selectDistinct({ targetType: auditLog.targetType }).from(auditLog).orderBy(auditLog.targetType);
    return rows.map((row) => row.targetType);
  },
};
