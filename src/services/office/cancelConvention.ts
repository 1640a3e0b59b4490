import type { Clock } from '../../clock';
import type { Database } from '../../models/database';
import type { OfficeCommand } from './officeCommand';
import { reasonedDecision } from './reasonedDecision';

/** The office cancels a convention at any state before complete, with a reason the student reads. */
export function cancelConvention(db: Database, command: OfficeCommand & { reason: string }, clock: Clock) {
  return reasonedDecision(db, command, { event: 'cancel', template: 'conventionCancelled' }, clock);
}
