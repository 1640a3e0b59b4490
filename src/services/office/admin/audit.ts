import { auditSearchRepository } from '../../../models/auditSearchRepository';
import type { Executor } from '../../../models/database';

export type AuditFilter = Parameters<typeof auditSearchRepository.page>[1];

/** One page of the global audit log, newest first, with the kinds of target it names (for the filter). */
export async function auditLogPage(db: Executor, filter: AuditFilter, page: number, pageSize: number) {
  const [results, targetTypes] = await Promise.all([
    auditSearchRepository.page(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    auditSearchRepository.targetTypes(db),
  ]);
  return { ...results, targetTypes };
}
