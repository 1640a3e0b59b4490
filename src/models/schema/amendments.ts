import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { signatureParties } from '../../domain/signatories';
import { users } from './core';
import { bytea, conventions } from './conventions';

export const amendmentStateValues = ['requested', 'validated', 'refused', 'signed'] as const;

/**
 * An amendment (avenant) of a validated convention: numbered per convention, what changes (`changes`), the values
 * before and after it (`before`, `after`, kept so the history and the PDF never depend on the live record), the
 * legal findings of the convention as amended. Once signed, its `after` values are the convention's current ones.
 */
export const amendments = pgTable(
  'amendments',
  {
    id: serial('id').primaryKey(),
    conventionId: integer('convention_id')
      .notNull()
      .references(() => conventions.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kinds: jsonb('kinds').$type<string[]>().notNull(),
    state: text('state', { enum: amendmentStateValues }).notNull().default('requested'),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    legalFindings: jsonb('legal_findings').$type<unknown[]>().notNull().default([]),
    /** The convention's version the requester saw. */
    conventionVersion: integer('convention_version').notNull(),
    requestedByUserId: integer('requested_by_user_id').references(() => users.id),
    requestedByRole: text('requested_by_role', { enum: ['student', 'office'] }).notNull(),
    refusalReason: text('refusal_reason'),
    overrideReason: text('override_reason'),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** A change of subject or academic referent: the programme head agrees (or refuses, with a comment) before the office. */
    programmeAgreement: text('programme_agreement', { enum: ['pending', 'agreed', 'refused'] }),
    programmeComment: text('programme_comment'),
    programmeDecidedByUserId: integer('programme_decided_by_user_id').references(() => users.id),
    programmeDecidedAt: timestamp('programme_decided_at', { withTimezone: true }),
    /** The amendment's PDF fixed when it is sent for electronic signature: what every signatory sees, and hashes. */
    signaturePdf: bytea('signature_pdf'),
    signaturePdfSha256: text('signature_pdf_sha256'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('amendments_convention_number').on(t.conventionId, t.number),
    uniqueIndex('amendments_one_in_progress')
      .on(t.conventionId)
      .where(sql`state in ('requested', 'validated')`),
  ],
);

/** One party's signature of an amendment, recorded by the office (paper) like the convention's. */
export const amendmentSignatures = pgTable(
  'amendment_signatures',
  {
    id: serial('id').primaryKey(),
    amendmentId: integer('amendment_id')
      .notNull()
      .references(() => amendments.id, { onDelete: 'cascade' }),
    party: text('party', { enum: [...signatureParties, 'dean'] }).notNull(),
    signedAt: date('signed_at', { mode: 'string' }).notNull(),
    method: text('method', { enum: ['paper', 'electronic'] })
      .notNull()
      .default('paper'),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('amendment_signatures_party').on(t.amendmentId, t.party), index('amendment_signatures_amendment').on(t.amendmentId)],
);
