import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { programmes, users } from './core';
import { conventions, documents } from './conventions';
import type { EvaluationTemplate } from '../../domain/evaluationTemplate';
import type { EvaluationAnswers } from '../../domain/evaluationAnswers';

/**
 * The internship's own life after `complete` (in_progress, finished, evaluated), kept apart from the convention's
 * workflow state: the daily scheduler moves it from the dates and the evaluations, never backwards.
 */
export const internshipProgress = pgTable('internship_progress', {
  conventionId: integer('convention_id')
    .primaryKey()
    .references(() => conventions.id, { onDelete: 'cascade' }),
  state: text('state', { enum: ['in_progress', 'finished', 'evaluated'] }).notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
});

/** One questionnaire per convention and kind, with the template it was opened with (a later edit changes nothing). */
export const evaluations = pgTable(
  'evaluations',
  {
    id: serial('id').primaryKey(),
    conventionId: integer('convention_id')
      .notNull()
      .references(() => conventions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['tutor', 'student', 'referent'] }).notNull(),
    template: jsonb('template').$type<EvaluationTemplate>().notNull(),
    answers: jsonb('answers').$type<EvaluationAnswers>().notNull().default({}),
    status: text('status', { enum: ['draft', 'submitted'] })
      .notNull()
      .default('draft'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: integer('reopened_by').references(() => users.id),
    reopenReason: text('reopen_reason'),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('evaluations_convention_kind').on(t.conventionId, t.kind)],
);

/**
 * The host's personal links (the professional tutor's space), on the same mechanism as the signature links: the
 * secret is derived from the row's id with ENCRYPTION_KEY (src/services/personalLinks), only its hash is stored.
 */
export const hostSpaceLinks = pgTable(
  'host_space_links',
  {
    id: serial('id').primaryKey(),
    conventionId: integer('convention_id')
      .notNull()
      .references(() => conventions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    status: text('status', { enum: ['active', 'revoked'] })
      .notNull()
      .default('active'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The attestation's one-time code, like a signature request's: its keyed hash only, and the hourly window. */
    codeHash: text('code_hash'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
    codeAttempts: integer('code_attempts').notNull().default(0),
    codeWindowStartedAt: timestamp('code_window_started_at', { withTimezone: true }),
    codesInWindow: integer('codes_in_window').notNull().default(0),
  },
  (t) => [uniqueIndex('host_space_links_token').on(t.tokenHash), index('host_space_links_convention').on(t.conventionId)],
);

/** The host's figures for the attestation de stage (D124-9), typed by the tutor from their space. */
export const hostAttestations = pgTable('host_attestations', {
  conventionId: integer('convention_id')
    .primaryKey()
    .references(() => conventions.id, { onDelete: 'cascade' }),
  effectiveHours: text('effective_hours').notNull(),
  totalGratificationPaid: text('total_gratification_paid').notNull(),
  signedName: text('signed_name').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  /** How the host signed: the typed name alone (before codes), with the mailed code, or a signed scan. */
  signatureMethod: text('signature_method', { enum: ['name', 'code', 'scan'] })
    .notNull()
    .default('name'),
  /** The address the code was mailed to, when signed with a code. */
  signedEmail: text('signed_email'),
  scanDocumentId: integer('scan_document_id').references(() => documents.id, { onDelete: 'set null' }),
});

/**
 * Questionnaires the office defines (sections of questions, fr/en): a programme head picks one per kind for their
 * programme. An evaluation keeps a copy of the template it was opened with, so editing one changes no opened form.
 */
export const evaluationTemplates = pgTable('evaluation_templates', {
  id: serial('id').primaryKey(),
  kind: text('kind', { enum: ['tutor', 'student', 'referent'] }).notNull(),
  template: jsonb('template').$type<EvaluationTemplate>().notNull(),
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A programme's choices for the end of its internships; a programme without a row has the defaults. */
export const programmeEvaluationSettings = pgTable('programme_evaluation_settings', {
  programmeId: integer('programme_id')
    .primaryKey()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  tutorTemplateId: integer('tutor_template_id').references(() => evaluationTemplates.id, { onDelete: 'set null' }),
  studentTemplateId: integer('student_template_id').references(() => evaluationTemplates.id, { onDelete: 'set null' }),
  referentTemplateId: integer('referent_template_id').references(() => evaluationTemplates.id, { onDelete: 'set null' }),
  tutorDaysBefore: integer('tutor_days_before').notNull().default(10),
  internSeesTutorEvaluation: boolean('intern_sees_tutor_evaluation').notNull().default(false),
  shareHostRatings: boolean('share_host_ratings').notNull().default(false),
  postGrade: boolean('post_grade').notNull().default(false),
  /** The gradebook column of the tutor's marks (AGS), found by Pstage's tag or created, apart from the progress one. */
  gradeLineItemUrl: text('grade_line_item_url'),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
