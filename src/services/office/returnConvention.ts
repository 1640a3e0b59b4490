import type { Clock } from '../../clock';
import type { Database } from '../../models/database';
import type { OfficeCommand } from './officeCommand';
import { reasonedDecision } from './reasonedDecision';

/** The office sends a submitted convention back to the student with a reason; it becomes a draft the student edits and submits anew. */
export function returnConvention(db: Database, command: OfficeCommand & { reason: string }, clock: Clock) {
  return reasonedDecision(db, command, { event: 'return', template: 'conventionReturned' }, clock);
}
