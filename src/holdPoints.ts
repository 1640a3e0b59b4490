import { advisoryLocks, lockClass } from './models/advisoryLocks';
import type { Executor } from './models/database';

/**
 * Moments a fault test can stop Pstage at, to kill the process exactly there: the end of a convention's
 * transition, inside its transaction (`convention.submit`, `convention.validate`, `convention.record_signature`…),
 * and an outbox message handed to SMTP or the LMS but not yet marked sent (`outbox.mail.delivered`,
 * `outbox.ags.delivered`). Named in PSTAGE_HOLD_AT, which production refuses; nothing happens otherwise.
 */
let enabled: ReadonlySet<string> = new Set();

export function enableHoldPoints(points: readonly string[]): void {
  enabled = new Set(points);
}

/**
 * Waits, inside the caller's transaction when given one, for the advisory lock (lockClass.holdPoint,
 * hashtext(point)), which the test holds until it has killed the process.
 */
export async function holdAt(db: Executor, point: string): Promise<void> {
  if (enabled.has(point)) await advisoryLocks.waitForNamed(db, lockClass.holdPoint, point);
}
