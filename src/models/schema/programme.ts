import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { programmes } from './core';

/** When the course roster (NRPS) was last fetched for a programme, and why the last attempt failed if it did. */
export const rosterSyncs = pgTable('roster_syncs', {
  programmeId: integer('programme_id')
    .primaryKey()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  syncedAt: timestamp('synced_at', { withTimezone: true }),
  attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
});
