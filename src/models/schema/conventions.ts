import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  bigint,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { signatureParties } from '../../domain/signatories';
import { programmes, users } from './core';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Money and hours: numeric in the database, numbers in the code. */
const decimal = (name: string) => numeric(name, { precision: 10, scale: 2, mode: 'number' });

export const subjects = pgTable(
  'subjects',
  {
    id: serial('id').primaryKey(),
    studentUserId: integer('student_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    hostName: text('host_name'),
    approximateStart: date('approximate_start', { mode: 'string' }),
    approximateEnd: date('approximate_end', { mode: 'string' }),
    state: text('state', { enum: ['proposed', 'validated', 'rejected'] })
      .notNull()
      .default('proposed'),
    decisionComment: text('decision_comment'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    academicTutorId: integer('academic_tutor_id').references(() => teachers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subjects_student').on(t.studentUserId), index('subjects_programme').on(t.programmeId)],
);

export interface PostalAddressColumns {
  street: string;
  postalCode: string;
  city: string;
}

export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower-case and unaccented, for a search that PGlite can run without the unaccent extension. */
    searchName: text('search_name').notNull(),
    siret: text('siret'),
    naf: text('naf'),
    legalStatus: text('legal_status'),
    headcountBand: text('headcount_band'),
    sector: text('sector', { enum: ['public', 'private'] })
      .notNull()
      .default('private'),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull().default('FR'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    validated: boolean('validated').notNull().default(false),
    /** 'register': found in the national register (SIRENE); 'manual': typed by hand (abroad, register off or down). */
    source: text('source', { enum: ['register', 'manual'] })
      .notNull()
      .default('manual'),
    /** When the record was last compared with the register (creation from it, or the office's refresh). */
    registerCheckedAt: timestamp('register_checked_at', { withTimezone: true }),
    /** The office corrected it on purpose: a refresh from the register shows the differences but changes nothing. */
    registerLocked: boolean('register_locked').notNull().default(false),
    /** Optimistic locking of the office's edit, validation and merge: each one applies to the version the user saw. */
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_search_name').on(t.searchName),
    index('organisations_search_name_trigram').using('gin', t.searchName.op('gin_trgm_ops')),
    index('organisations_country').on(t.country),
    uniqueIndex('organisations_siret_unique').on(t.siret),
    index('organisations_postal_code').on(t.postalCode),
    // The hosts the office has to validate: the dashboard's counter reads only those.
    index('organisations_to_validate')
      .on(t.id)
      .where(sql`${t.validated} = false`),
  ],
);

/** The national register's answers, kept a day: a wizard's searches do not ask it again for every page. */
export const registerCache = pgTable('register_cache', {
  key: text('key').primaryKey(),
  body: jsonb('body').$type<unknown>().notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
});

export const services = pgTable(
  'services',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sameAddress: boolean('same_address').notNull().default(true),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('services_organisation').on(t.organisationId)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    civility: text('civility', { enum: ['M.', 'Mme', 'Mx'] }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    function: text('function').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_organisation').on(t.organisationId)],
);

/** Academic tutors: from the LMS roster (with a user) or created by hand. */
export const teachers = pgTable(
  'teachers',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').references(() => users.id),
    programmeId: integer('programme_id').references(() => programmes.id),
    civility: text('civility', { enum: ['M.', 'Mme', 'Mx'] }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teachers_programme').on(t.programmeId), index('teachers_user').on(t.userId)],
);

export interface StudentSnapshot {
  civility?: 'M.' | 'Mme' | 'Mx';
  firstName: string;
  lastName: string;
  email: string;
  studentNumber: string;
  birthDate?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  country?: string;
  phone?: string;
  personalEmail?: string;
  healthInsuranceFund?: string;
  healthInsuranceAffiliation?: string;
}

/** The legal representative of a student who is a minor on the first day: a party who signs (LEGAL.md "Signatories"). */
export interface LegalRepresentative {
  civility: 'M.' | 'Mme' | 'Mx';
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface Interruption {
  start: string;
  end: string;
}

export const conventionStateValues = ['draft', 'submitted', 'validated', 'signed_by_parties', 'complete', 'cancelled'] as const;

export const conventions = pgTable(
  'conventions',
  {
    id: serial('id').primaryKey(),
    reference: text('reference'),
    studentUserId: integer('student_user_id')
      .notNull()
      .references(() => users.id),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    academicYear: text('academic_year').notNull(),
    subjectId: integer('subject_id').references(() => subjects.id),
    state: text('state', { enum: conventionStateValues }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    student: jsonb('student').$type<StudentSnapshot>().notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id),
    serviceId: integer('service_id').references(() => services.id),
    professionalTutorId: integer('professional_tutor_id').references(() => contacts.id),
    signatoryId: integer('signatory_id').references(() => contacts.id),
    academicTutorId: integer('academic_tutor_id').references(() => teachers.id),
    internshipType: text('internship_type'),
    activities: text('activities'),
    skills: text('skills'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    interruptions: jsonb('interruptions').$type<Interruption[]>().notNull().default([]),
    /** Hours on each weekday, Monday first (src/domain/weeklySchedule.ts); null until the internship step is saved. */
    weeklySchedule: jsonb('weekly_schedule').$type<number[]>(),
    /** Details of a schedule that varies (time slots, alternating weeks), printed with it. */
    irregularSchedule: text('irregular_schedule'),
    nightPresence: boolean('night_presence').notNull().default(false),
    nightDescription: text('night_description'),
    /** Hours outside the weekly schedule over the whole internship, added to the computed total. */
    nightHours: decimal('night_hours'),
    sundayPresence: boolean('sunday_presence').notNull().default(false),
    sundayDescription: text('sunday_description'),
    sundayHours: decimal('sunday_hours'),
    holidayPresence: boolean('holiday_presence').notNull().default(false),
    holidayDescription: text('holiday_description'),
    holidayHours: decimal('holiday_hours'),
    /** A minor's Sunday or public-holiday presence: the derogation that allows it (L3164-5, L3164-8). */
    minorDerogation: text('minor_derogation'),
    declaredTotalHours: decimal('declared_total_hours'),
    /** Why the declared total differs from the computed one: shown to the office next to the warning. */
    declaredTotalReason: text('declared_total_reason'),
    computedTotalHours: decimal('computed_total_hours'),
    gratificationAmount: decimal('gratification_amount'),
    gratificationUnit: text('gratification_unit', { enum: ['hour', 'month'] })
      .notNull()
      .default('hour'),
    paymentTerms: text('payment_terms'),
    benefitMeals: text('benefit_meals'),
    benefitLodging: text('benefit_lodging'),
    benefitTravel: text('benefit_travel'),
    place: text('place'),
    confidentiality: text('confidentiality'),
    /** Days of leave granted over the internship (D124-4 10°, L124-13); null when none was stated. */
    leaveDaysGranted: decimal('leave_days_granted'),
    /** How leave is taken and absences authorised; null prints the standard terms. */
    absenceTerms: text('absence_terms'),
    /** The host's internal rules that apply to the intern (D124-4 14°); null prints what applies by default. */
    hostInternalRules: text('host_internal_rules'),
    /** Only read while the student is a minor on the first day of the internship. */
    legalRepresentative: jsonb('legal_representative').$type<LegalRepresentative>(),
    /** The end of the internship as the office records it, for the attestation de stage (D124-9). */
    actualEndDate: date('actual_end_date', { mode: 'string' }),
    effectiveHours: decimal('effective_hours'),
    totalGratificationPaid: decimal('total_gratification_paid'),
    legalFindings: jsonb('legal_findings').$type<unknown[]>().notNull().default([]),
    lastCompletedStep: integer('last_completed_step').notNull().default(0),
    frozenSnapshot: jsonb('frozen_snapshot').$type<Record<string, unknown>>(), // FrozenConventionSnapshot (src/services/conventions/frozenSnapshot.ts)
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /**
     * The snapshot's names (first last, then last first) and number, lower-case and unaccented as `unaccented()`
     * makes them, one per line: what the office's searches match with a trigram index (a pattern never spans lines).
     */
    studentSearch: text('student_search')
      .notNull()
      .generatedAlwaysAs(
        sql`translate(lower(coalesce(student->>'firstName', '') || ' ' || coalesce(student->>'lastName', '') || chr(10) || coalesce(student->>'lastName', '') || ' ' || coalesce(student->>'firstName', '') || chr(10) || coalesce(student->>'studentNumber', '')), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')`,
      ),
  },
  (t) => [
    uniqueIndex('conventions_reference').on(t.reference),
    index('conventions_student').on(t.studentUserId),
    index('conventions_state').on(t.state, t.startDate, t.id),
    index('conventions_organisation_year').on(t.organisationId, t.academicYear),
    // The queue's and the internship database's order (the latter read backwards), and the filters' columns.
    index('conventions_start').on(t.startDate, t.id),
    // The internship database (drafts left out): its count and its pages by number, from the index alone.
    index('conventions_filed_start')
      .on(t.startDate, t.id)
      .where(sql`${t.state} <> 'draft'`),
    index('conventions_year').on(t.academicYear, t.state),
    index('conventions_programme').on(t.programmeId),
    index('conventions_subject').on(t.subjectId),
    index('conventions_service').on(t.serviceId),
    index('conventions_professional_tutor').on(t.professionalTutorId),
    index('conventions_signatory').on(t.signatoryId),
    index('conventions_academic_tutor').on(t.academicTutorId),
    index('conventions_student_search').using('gin', t.studentSearch.op('gin_trgm_ops')),
  ],
);

/**
 * How many conventions there are by state, academic year and programme, kept by triggers on conventions (migration
 * 0026): every statement that inserts, deletes or updates conventions appends the differences it made, never
 * updates a row (two transactions never wait on each other here), and the scheduler folds the differences
 * (`conventionCountRepository.compact`). The dashboard's counters and the internship database's unfiltered totals are
 * a sum over this small table instead of a scan of every convention.
 */
export const conventionCounts = pgTable('convention_counts', {
  state: text('state', { enum: conventionStateValues }).notNull(),
  academicYear: text('academic_year').notNull(),
  programmeId: integer('programme_id').notNull(),
  n: integer('n').notNull(),
});

/**
 * What the statistics of a year were computed from has changed: one row appended (never updated, like the counts)
 * by each statement that inserts, deletes or changes filed conventions of that year, `'*'` for a change that touches
 * every year (a host's country or headcount, a programme's title); triggers of migration 0027 write it, the scheduler
 * folds it. The sum of `n` over a year and `'*'` only grows, so it is the fingerprint a cached figure is checked
 * against (`statisticsCacheRepository`); drafts, which the statistics leave out, append nothing.
 */
export const statisticsChanges = pgTable(
  'statistics_changes',
  {
    academicYear: text('academic_year').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [index('statistics_changes_year').on(t.academicYear)],
);

/** The statistics of a year (of one programme, or 0 for all) as last computed, and the fingerprint they were computed at. */
export const statisticsCache = pgTable(
  'statistics_cache',
  {
    academicYear: text('academic_year').notNull(),
    programmeId: integer('programme_id').notNull(),
    fingerprint: bigint('fingerprint', { mode: 'number' }).notNull(),
    groups: jsonb('groups').$type<unknown>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.academicYear, t.programmeId] })],
);

/** Append-only history of a convention: written in the same transaction as each state change. */
export const conventionEvents = pgTable(
  'convention_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conventionId: integer('convention_id')
      .notNull()
      .references(() => conventions.id, { onDelete: 'cascade' }),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorRole: text('actor_role', { enum: ['student', 'programme', 'office', 'signatory'] }).notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    /** The signing party of a 'record_signature' (null for other events, and for rows written before it was kept). */
    party: text('party'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('convention_events_convention').on(t.conventionId, t.at),
    // The drafts the office sent back: the queue's 'returned' state and the dashboard's counter.
    index('convention_events_return')
      .on(t.conventionId)
      .where(sql`${t.event} = 'return'`),
    // Each convention's last validation: the dashboard's signatures awaited on paper since then.
    index('convention_events_validate')
      .on(t.conventionId, t.at)
      .where(sql`${t.event} = 'validate'`),
  ],
);

export const signatures = pgTable(
  'signatures',
  {
    id: serial('id').primaryKey(),
    conventionId: integer('convention_id')
      .notNull()
      .references(() => conventions.id, { onDelete: 'cascade' }),
    party: text('party', { enum: [...signatureParties, 'dean'] }).notNull(),
    signedAt: date('signed_at', { mode: 'string' }).notNull(),
    method: text('method', { enum: ['paper', 'electronic', 'scan'] })
      .notNull()
      .default('paper'),
    recordedBy: integer('recorded_by').references(() => users.id),
    /** A signature by scan: the uploaded scan of the original signed outside Pstage. */
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('signatures_convention_party').on(t.conventionId, t.party),
    // The dean's signatures (a few per year): whether a convention signed by the parties still awaits it.
    index('signatures_dean')
      .on(t.conventionId)
      .where(sql`${t.party} = 'dean'`),
  ],
);

/**
 * One signatory's place in a convention's electronic signature circuit: who (party, name, e-mail), the hash of
 * their personal link (never the link itself), until when it works, and what they did with it (the evidence of
 * a signature: when, from where, with which browser, over which exact PDF; or the reason of a refusal).
 */
export const signatureRequests = pgTable(
  'signature_requests',
  {
    id: serial('id').primaryKey(),
    conventionId: integer('convention_id')
      .notNull()
      .references(() => conventions.id, { onDelete: 'cascade' }),
    party: text('party', { enum: [...signatureParties, 'dean'] }).notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    status: text('status', { enum: ['pending', 'signed', 'refused', 'revoked'] })
      .notNull()
      .default('pending'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    documentSha256: text('document_sha256'),
    refusalReason: text('refusal_reason'),
    sentBy: integer('sent_by').references(() => users.id),
    /** The one-time code mailed before signing: its SHA-256, until when, and the wrong tries spent on it. */
    codeHash: text('code_hash'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
    codeAttempts: integer('code_attempts').notNull().default(0),
    /** The full name the signatory typed when signing. */
    typedName: text('typed_name'),
    /** Codes asked for in the current hour (from codeWindowStartedAt): the rate limit on code requests. */
    codeWindowStartedAt: timestamp('code_window_started_at', { withTimezone: true }),
    codesInWindow: integer('codes_in_window').notNull().default(0),
    /** Set when the request is for an amendment of the convention (amendments.id; its foreign key is in the migration). */
    amendmentId: integer('amendment_id'),
  },
  (t) => [
    uniqueIndex('signature_requests_token').on(t.tokenHash),
    index('signature_requests_convention').on(t.conventionId, t.party),
    index('signature_requests_amendment').on(t.amendmentId),
    // The links still waiting for their signatory, oldest first: the dashboard's overdue signatures.
    index('signature_requests_pending')
      .on(t.sentAt, t.id)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * The order the office set for a convention's signatories; no row: the parties in parallel, the dean last.
 * `sequence` lists the parties one after the other (each asked once those before have signed), the dean still last.
 */
export const signatureOrders = pgTable('signature_orders', {
  conventionId: integer('convention_id')
    .primaryKey()
    .references(() => conventions.id, { onDelete: 'cascade' }),
  sequence: jsonb('sequence').$type<string[]>().notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    /** The certificate belongs to the student; generated PDFs to a convention. */
    ownerUserId: integer('owner_user_id').references(() => users.id),
    conventionId: integer('convention_id').references(() => conventions.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['civil_liability', 'convention_pdf', 'attestation_pdf', 'signed_convention_pdf', 'signed_scan', 'signed_attestation_scan'],
    }).notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes'),
    path: text('path'),
    sha256: text('sha256').notNull(),
    status: text('status', { enum: ['submitted', 'accepted', 'rejected'] }),
    statusReason: text('status_reason'),
    academicYear: text('academic_year'),
    /** A signed convention's public verification code, printed on its signature page (/verify). */
    verificationCode: text('verification_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_owner').on(t.ownerUserId, t.kind),
    index('documents_convention').on(t.conventionId, t.kind),
    uniqueIndex('documents_verification_code').on(t.verificationCode),
    // The certificates the office has not decided on, oldest upload first: the dashboard's counter and list.
    index('documents_certificates_to_check')
      .on(t.createdAt, t.id)
      .where(sql`${t.kind} = 'civil_liability' and ${t.status} = 'submitted'`),
  ],
);

/**
 * PDFs rendered from live data (draft conventions, attestations, fiches de liaison), one row per document: served
 * again while the hash of what they were built from (data and template) is the same, replaced when it changes.
 */
export const renderedPdfs = pgTable('rendered_pdfs', {
  key: text('key').primaryKey(),
  contentHash: text('content_hash').notNull(),
  bytes: bytea('bytes').notNull(),
  renderedAt: timestamp('rendered_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The office's record that it dealt with a re-check of an earlier convention (a later one at the same host makes
 * gratification due from its first day, or crosses 924 h): who, when, what was done. One row per flag as it was
 * shown (`flagKey`: its code, year and the later conventions that count), so a new crossing shows again.
 */
export const cumulationReviews = pgTable(
  'cumulation_reviews',
  {
    id: serial('id').primaryKey(),
    conventionId: integer('convention_id')
      .notNull()
      .references(() => conventions.id, { onDelete: 'cascade' }),
    flagKey: text('flag_key').notNull(),
    note: text('note').notNull(),
    reviewedByUserId: integer('reviewed_by_user_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cumulation_reviews_flag').on(t.conventionId, t.flagKey)],
);
