import { and, asc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { EvaluationAnswers } from '../domain/evaluationAnswers';
import type { EvaluationTemplate } from '../domain/evaluationTemplate';
import type { InternshipState } from '../domain/internshipState';
import type { Executor } from './database';
import { conventions, evaluations, hostAttestations, hostSpaceLinks, internshipProgress, organisations, programmes } from './schema';

export type Evaluation = typeof evaluations.$inferSelect;
export type EvaluationKind = Evaluation['kind'];
export type HostSpaceLink = typeof hostSpaceLinks.$inferSelect;
export type HostAttestation = typeof hostAttestations.$inferSelect;

export const evaluationRepository = {
  /** Opens the questionnaire once: a second pass (or another instance) finds it there and creates nothing. */
  async open(db: Executor, row: { conventionId: number; kind: EvaluationKind; template: EvaluationTemplate; openedAt: Date }) {
    const created = await db.insert(evaluations).values(row).onConflictDoNothing().returning();
    return created[0] as Evaluation | undefined;
  },

  async find(db: Executor, conventionId: number, kind: EvaluationKind): Promise<Evaluation | undefined> {
    const [row] = await db
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.conventionId, conventionId), eq(evaluations.kind, kind)));
    return row;
  },

  async listForConventions(db: Executor, conventionIds: number[]): Promise<Evaluation[]> {
    if (conventionIds.length === 0) return [];
    return db.select().from(evaluations).where(inArray(evaluations.conventionId, conventionIds)).orderBy(asc(evaluations.id));
  },

  /** Drafts only: a submitted questionnaire is read-only until the office reopens it. */
  async saveDraft(db: Executor, id: number, answers: EvaluationAnswers): Promise<boolean> {
    const rows = await db
      .update(evaluations)
      .set({ answers })
      .where(and(eq(evaluations.id, id), eq(evaluations.status, 'draft')))
      .returning({ id: evaluations.id });
    return rows.length === 1;
  },

  async submit(db: Executor, id: number, answers: EvaluationAnswers, at: Date, by: string): Promise<boolean> {
    const rows = await db
      .update(evaluations)
      .set({ answers, status: 'submitted', submittedAt: at, submittedBy: by })
      .where(and(eq(evaluations.id, id), eq(evaluations.status, 'draft')))
      .returning({ id: evaluations.id });
    return rows.length === 1;
  },

  async reopen(db: Executor, id: number, at: Date, by: number, reason: string): Promise<boolean> {
    const rows = await db
      .update(evaluations)
      .set({ status: 'draft', reopenedAt: at, reopenedBy: by, reopenReason: reason })
      .where(and(eq(evaluations.id, id), eq(evaluations.status, 'submitted')))
      .returning({ id: evaluations.id });
    return rows.length === 1;
  },

  /** Drafts opened before `openedBefore` and not reminded since `remindedBefore`: at most one reminder a week. */
  async listToRemind(db: Executor, openedBefore: Date, remindedBefore: Date): Promise<Evaluation[]> {
    return db
      .select()
      .from(evaluations)
      .where(
        and(
          eq(evaluations.status, 'draft'),
          // The referent answers from their panel: no mail to remind them with.
          inArray(evaluations.kind, ['tutor', 'student']),
          lt(evaluations.openedAt, openedBefore),
          or(isNull(evaluations.lastReminderAt), lt(evaluations.lastReminderAt, remindedBefore)),
        ),
      )
      .orderBy(asc(evaluations.id));
  },

  async markReminded(db: Executor, id: number, at: Date): Promise<void> {
    await db.update(evaluations).set({ lastReminderAt: at }).where(eq(evaluations.id, id));
  },
};

export const internshipProgressRepository = {
  async find(db: Executor, conventionId: number): Promise<InternshipState | null> {
    const [row] = await db.select().from(internshipProgress).where(eq(internshipProgress.conventionId, conventionId));
    return row?.state ?? null;
  },

  async set(db: Executor, conventionId: number, state: InternshipState, at: Date): Promise<void> {
    await db
      .insert(internshipProgress)
      .values({ conventionId, state, changedAt: at })
      .onConflictDoUpdate({ target: internshipProgress.conventionId, set: { state, changedAt: at } });
  },

  /**
   * Complete conventions whose internship has started by `today` (and, with `endedAfter`, whose planned end is not
   * older than that day: what the scheduler and the office still follow), with their recorded state and names.
   */
  async listStarted(db: Executor, today: string, endedAfter?: string) {
    return db
      .select({
        id: conventions.id,
        reference: conventions.reference,
        state: conventions.state,
        programmeId: conventions.programmeId,
        programmeTitle: programmes.title,
        organisationId: conventions.organisationId,
        organisationName: organisations.name,
        studentUserId: conventions.studentUserId,
        student: conventions.student,
        startDate: conventions.startDate,
        endDate: conventions.endDate,
        actualEndDate: conventions.actualEndDate,
        effectiveHours: conventions.effectiveHours,
        internshipState: internshipProgress.state,
      })
      .from(conventions)
      .innerJoin(programmes, eq(programmes.id, conventions.programmeId))
      .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
      .leftJoin(internshipProgress, eq(internshipProgress.conventionId, conventions.id))
      .where(
        and(
          eq(conventions.state, 'complete'),
          lte(conventions.startDate, today),
          endedAfter ? gte(conventions.endDate, endedAfter) : undefined,
        ),
      )
      .orderBy(asc(conventions.endDate), asc(conventions.id));
  },
};

export const hostSpaceLinkRepository = {
  async create(db: Executor, row: Omit<typeof hostSpaceLinks.$inferInsert, 'id' | 'status' | 'revokedAt'>): Promise<HostSpaceLink> {
    const [created] = await db.insert(hostSpaceLinks).values(row).returning();
    return created;
  },
  async setTokenHash(db: Executor, id: number, tokenHash: string): Promise<void> {
    await db.update(hostSpaceLinks).set({ tokenHash }).where(eq(hostSpaceLinks.id, id));
  },
  async findByTokenHash(db: Executor, tokenHash: string): Promise<HostSpaceLink | undefined> {
    const [row] = await db.select().from(hostSpaceLinks).where(eq(hostSpaceLinks.tokenHash, tokenHash));
    return row;
  },
  async findActive(db: Executor, conventionId: number): Promise<HostSpaceLink | undefined> {
    const [row] = await db
      .select()
      .from(hostSpaceLinks)
      .where(and(eq(hostSpaceLinks.conventionId, conventionId), eq(hostSpaceLinks.status, 'active')))
      .orderBy(asc(hostSpaceLinks.id));
    return row;
  },
  async revoke(db: Executor, id: number, at: Date): Promise<void> {
    await db.update(hostSpaceLinks).set({ status: 'revoked', revokedAt: at }).where(eq(hostSpaceLinks.id, id));
  },
};

export const hostAttestationRepository = {
  async find(db: Executor, conventionId: number): Promise<HostAttestation | undefined> {
    const [row] = await db.select().from(hostAttestations).where(eq(hostAttestations.conventionId, conventionId));
    return row;
  },
  async listFor(db: Executor, conventionIds: number[]): Promise<HostAttestation[]> {
    if (conventionIds.length === 0) return [];
    return db.select().from(hostAttestations).where(inArray(hostAttestations.conventionId, conventionIds));
  },
  /** Once: a second submission (another tab) finds the row and changes nothing. */
  async create(db: Executor, row: HostAttestation): Promise<boolean> {
    const created = await db.insert(hostAttestations).values(row).onConflictDoNothing().returning({ id: hostAttestations.conventionId });
    return created.length === 1;
  },
};
