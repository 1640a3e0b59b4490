import { index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One OIDC login started by Pstage: the launch that answers it must carry the same nonce, come from the
 * same issuer and client, and can be used once (ltijs's own state cookie holds only the issuer).
 */
export const ltiLogins = pgTable(
  'lti_logins',
  {
    state: text('state').primaryKey(),
    nonce: text('nonce').notNull(),
    iss: text('iss').notNull(),
    clientId: text('client_id').notNull(),
    /** The same login as a URL of Pstage's, to start it again in a window of its own if the state cookie does not come back. */
    relaunchUrl: text('relaunch_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lti_logins_expires').on(t.expiresAt)],
);

/** The deployments a platform registration may launch from, recorded at registration, by command or at the first launch. */
export const ltiDeployments = pgTable(
  'lti_deployments',
  {
    iss: text('iss').notNull(),
    clientId: text('client_id').notNull(),
    deploymentId: text('deployment_id').notNull(),
    source: text('source', { enum: ['registration', 'command', 'launch'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.iss, t.clientId, t.deploymentId] })],
);

/** Hit counters of the rate limiters, shared by every instance of Pstage on the database. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_reset').on(t.resetAt)],
);

/**
 * The one-time setup code printed in the log of a start-up with no active platform: whoever reads the server's log
 * activates the first pending platform with it, once. Only its SHA-256 is stored.
 */
export const setupCodes = pgTable('setup_codes', {
  id: serial('id').primaryKey(),
  codeHash: text('code_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
