import type { Executor } from '../../models/database';
import { conventionRepository } from '../../models/conventionRepository';
import { signatureRepository } from '../../models/signatureRepository';

/**
 * The convention's history; each recorded signature names its party. Events written before the party was kept
 * (null) are named by pairing: each was written in the transaction that adds the party's signature row, so the
 * n-th signature event is the n-th signature. Read by the student's, the office's and the programme's histories.
 */
export async function conventionHistory(db: Executor, conventionId: number) {
  const events = await conventionRepository.listEvents(db, conventionId);
  const signatureEvents = events.filter((event) => event.event === 'record_signature');
  if (signatureEvents.every((event) => event.party !== null)) return events;
  const signed = (await signatureRepository.listForConvention(db, conventionId))
    .filter((signature) => signature.party !== 'dean')
    .sort((a, b) => a.id - b.id);
  const named = signatureEvents.length === signed.length;
  return events.map((event) => ({
    ...event,
    party: event.party ?? (named && event.event === 'record_signature' ? signed[signatureEvents.indexOf(event)].party : null),
  }));
}
