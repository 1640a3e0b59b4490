import type { Clock } from '../../clock';
import { internshipEndRefusal, lastDayOf } from '../../domain/internshipEnd';
import { AppError } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Database } from '../../models/database';
import { hostAttestationRepository } from '../../models/evaluationRepository';
import { moveInternshipState } from './advanceInternships';

export interface AttestationRefusal {
  field: 'effectiveHours';
  /** i18n key and its parameters. */
  key: string;
  params: Record<string, string | number>;
}

export interface HostAttestationInput {
  effectiveHours: number;
  totalGratificationPaid: number;
  signedName: string;
}

/**
 * The host completes the attestation de stage (D124-9) from its space once the last day has come: the figures it
 * certifies become the convention's end figures (the same ones the office may record or correct), with the typed
 * name as the host's signature. Once only; the office corrects afterwards. A refusal of the figures is returned (a
 * field error), the others (too early, already done) are thrown.
 */
export async function completeHostAttestation(
  db: Database,
  convention: Convention,
  input: HostAttestationInput,
  clock: Clock,
): Promise<AttestationRefusal | null> {
  const lastDay = lastDayOf(convention)!;
  const refusal = internshipEndRefusal(convention, { actualEndDate: lastDay, effectiveHours: input.effectiveHours }, clock.today());
  // More hours than the period allows is the host's typing to correct: it comes back next to the field.
  if (refusal?.field === 'effectiveHours') return { field: 'effectiveHours', key: refusal.key, params: refusal.params };
  if (refusal)
    throw new AppError(
      refusal.field === 'actualEndDate' ? 409 : 422,
      refusal.key === 'office.errors.notEndedYet' ? 'evaluation.errors.attestationBeforeEnd' : refusal.key,
      { ...refusal.params, date: lastDay },
    );
  const now = clock.now();
  await db.transaction(async (tx) => {
    const created = await hostAttestationRepository.create(tx, {
      conventionId: convention.id,
      effectiveHours: String(input.effectiveHours),
      totalGratificationPaid: String(input.totalGratificationPaid),
      signedName: input.signedName,
      submittedAt: now,
    });
    if (!created) throw new AppError(409, 'evaluation.errors.attestationDone');
    await conventionRepository.update(tx, convention.id, convention.version, {
      actualEndDate: lastDay,
      effectiveHours: input.effectiveHours,
      totalGratificationPaid: input.totalGratificationPaid,
    });
    await auditRepository.record(tx, {
      actorUserId: null,
      action: 'convention.host_attestation',
      targetType: 'convention',
      targetId: convention.id,
      details: { ...input },
    });
    await moveInternshipState(tx, convention.id, now, clock.today());
  });
  return null;
}
