import type { Clock } from '../../clock';
import { internshipEndRefusal } from '../../domain/internshipEnd';
import { AppError } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database } from '../../models/database';
import { fieldError } from './fieldError';
import { lockedConvention, type OfficeCommand } from './officeCommand';

export interface InternshipEndRecord {
  /** The last day of presence: the planned end date, or an earlier one when the internship ended early. */
  actualEndDate: string;
  /** The actual total of effective presence, in hours (7 h = 1 day, D124-6). */
  effectiveHours: number;
  /** The total gratification paid over the internship, in euros (0 when none). */
  totalGratificationPaid: number;
}

/**
 * At the end of the internship the office records what the attestation de stage certifies (D124-9): the actual
 * effective presence and the total gratification paid. It can be corrected later; every entry is audited.
 */
export async function recordInternshipEnd(db: Database, command: OfficeCommand & InternshipEndRecord, clock: Clock) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const refusal = internshipEndRefusal(convention, command, clock.today());
    if (refusal?.field === 'form') throw new AppError(409, refusal.key, refusal.params);
    if (refusal) throw fieldError(refusal.field, refusal.key, refusal.params);
    const { actualEndDate, effectiveHours, totalGratificationPaid } = command;
    const updated = await conventionRepository.update(tx, convention.id, command.version, {
      actualEndDate,
      effectiveHours,
      totalGratificationPaid,
    });
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: 'convention.internship_end',
      targetType: 'convention',
      targetId: convention.id,
      details: { actualEndDate, effectiveHours, totalGratificationPaid },
    });
    return updated;
  });
}
