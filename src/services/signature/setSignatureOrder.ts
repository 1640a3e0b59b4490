import type { SignatureParty } from '../../domain/signatories';
import { isLinkOpen, orderedParties, signatoriesInTurn, type SignatureSequence } from '../../domain/signatureCircuit';
import { AppError } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Convention } from '../../models/conventionRepository';
import type { Database, Executor } from '../../models/database';
import { signatureOrderRepository } from '../../models/signatureOrderRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { fieldError } from '../office/fieldError';
import { lockedConvention, type OfficeCommand } from '../office/officeCommand';
import { signatureFacts } from '../office/signatureFacts';
import { requestSignatures, type CircuitContext } from './requestSignatures';

export type SignatureOrderChoice = { mode: 'parallel' } | { mode: 'sequential'; sequence: SignatureParty[] };

/**
 * The office sets the order of the signatories, before the circuit or during it: in parallel (the default) or one
 * after the other; the dean signs last either way. During the circuit, an open link whose turn it no longer is gets
 * revoked and whoever's turn it now is gets theirs. Audited. One transaction.
 */
export async function setSignatureOrder(db: Database, command: OfficeCommand & SignatureOrderChoice, context: CircuitContext) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    if (convention.state !== 'validated') throw new AppError(409, 'signature.order.errors.notAwaited');
    const facts = await signatureFacts(tx, convention);
    let sequence: SignatureSequence = null;
    if (command.mode === 'sequential') {
      const named = new Set(command.sequence);
      if (named.size !== command.sequence.length || facts.parties.some((party) => !named.has(party)) || named.size !== facts.parties.length)
        throw fieldError('sequence', 'signature.order.errors.eachOnce');
      sequence = command.sequence;
    }
    const before = await signatureOrderRepository.find(tx, convention.id);
    const now = context.clock.now();
    await signatureOrderRepository.save(tx, convention.id, sequence, command.officeUserId, now);
    const requests = await signatureRequestRepository.listForConvention(tx, convention.id);
    const started = requests.length > 0;
    const signed = facts.signatures.map((signature) => signature.party);
    const inTurn = signatoriesInTurn({
      parties: facts.parties,
      signed,
      deanSignsElectronically: Boolean(context.config.signature.deanEmail),
      sequence,
    });
    const revoked = requests
      .filter((request) => isLinkOpen(request, now) && !inTurn.includes(request.party))
      .map((request) => request.party);
    for (const party of revoked) await signatureRequestRepository.revokePending(tx, convention.id, now, party);
    const sent = started ? await requestSignatures(tx, convention, context, command.officeUserId) : [];
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: 'signature.order_changed',
      targetType: 'convention',
      targetId: convention.id,
      details: {
        from: before ? orderedParties(facts.parties, before) : 'parallel',
        to: sequence ? orderedParties(facts.parties, sequence) : 'parallel',
        revoked,
        sent,
      },
    });
    return convention;
  });
}

/** What the office's order form shows: the current mode and the convention's parties in the current order. */
export async function signatureOrderView(db: Executor, convention: Convention) {
  const sequence = await signatureOrderRepository.find(db, convention.id);
  const { parties } = await signatureFacts(db, convention);
  return { mode: sequence ? ('sequential' as const) : ('parallel' as const), parties: orderedParties(parties, sequence) };
}
