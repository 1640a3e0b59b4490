import { bigserial, boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** A person as the LMS knows them: one row per (issuer, sub). */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    iss: text('iss').notNull(),
    sub: text('sub').notNull(),
    name: text('name').notNull().default(''),
    givenName: text('given_name'),
    familyName: text('family_name'),
    email: text('email'),
    studentNumber: text('student_number'),
    locale: text('locale').notNull().default('fr'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLaunchAt: timestamp('last_launch_at', { withTimezone: true }),
    /** The name lower-case and unaccented as `unaccented()` makes it, for the office's trigram search. */
    searchName: text('search_name')
      .notNull()
      .generatedAlwaysAs(sql`translate(lower(name), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')`),
  },
  (t) => [
    uniqueIndex('users_iss_sub').on(t.iss, t.sub),
    index('users_email').on(t.email),
    index('users_student_number').on(t.studentNumber),
    index('users_search_name').using('gin', t.searchName.op('gin_trgm_ops')),
  ],
);

/** A programme is the LTI context (course) of a degree programme. */
export const programmes = pgTable(
  'programmes',
  {
    id: serial('id').primaryKey(),
    iss: text('iss').notNull(),
    clientId: text('client_id').notNull(),
    deploymentId: text('deployment_id').notNull(),
    contextId: text('context_id').notNull(),
    title: text('title').notNull(),
    label: text('label'),
    teachingHours: integer('teaching_hours'),
    /** Who set the teaching hours: a launch's custom parameter, or the programme's staff by hand (which later launches keep). */
    teachingHoursSource: text('teaching_hours_source', { enum: ['launch', 'manual'] }),
    internshipTypes: jsonb('internship_types').$type<string[]>().notNull().default(['compulsory', 'optional']),
    archived: boolean('archived').notNull().default(false),
    lineItemsUrl: text('line_items_url'),
    lineItemUrl: text('line_item_url'),
    membershipsUrl: text('memberships_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('programmes_iss_context').on(t.iss, t.contextId)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['student', 'staff'] }).notNull(),
    source: text('source', { enum: ['launch', 'nrps'] })
      .notNull()
      .default('launch'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('memberships_user_programme_role').on(t.userId, t.programmeId, t.role)],
);

/** The office role granted inside Pstage (the first ones come from OFFICE_BOOTSTRAP). */
export const officeGrants = pgTable(
  'office_grants',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: integer('granted_by').references(() => users.id),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('office_grants_user').on(t.userId)],
);

/** Server-side sessions. `id` is the SHA-256 of the cookie's random token: a copy of the table opens no session. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The start of the absolute lifetime: activity never extends a session past it. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The idle timeout, moved on by activity, never past the absolute lifetime. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_expires').on(t.expiresAt), index('sessions_user').on(t.userId, t.createdAt)],
);

/** ltijs's records (platforms, keys, tokens, nonces, states), one row per document. */
export const ltiRecords = pgTable(
  'lti_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    collection: text('collection').notNull(),
    key: text('key').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('lti_records_collection_key').on(t.collection, t.key), index('lti_records_expires').on(t.expiresAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_target').on(t.targetType, t.targetId)],
);

/** Work to deliver after a transaction commits: e-mails and LMS grade post-backs. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: ['mail', 'ags'] }).notNull(),
    dedupeKey: text('dedupe_key'),
    supersedeKey: text('supersede_key'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'sent', 'superseded', 'failed', 'skipped'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_dedupe').on(t.dedupeKey),
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_supersede').on(t.supersedeKey),
  ],
);
