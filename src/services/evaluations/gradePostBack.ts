import { z } from 'zod';
import { LIKERT_VALUES } from '../../domain/evaluationTemplate';
import { AgsHttpError, createAgsClient, ltijsTokenSource, type AgsClient } from '../../lti/ags';
import type { Database, Executor } from '../../models/database';
import type { Evaluation } from '../../models/evaluationRepository';
import { programmeEvaluationSettingsRepository } from '../../models/evaluationSettingsRepository';
import { outboxRepository } from '../../models/outboxRepository';
import { programmeRepository } from '../../models/programmeRepository';
import { userRepository } from '../../models/userRepository';
import { PermanentDeliveryError } from '../outbox/permanentFailure';
import type { OutboxHandler } from '../outbox/worker';
import type { Services } from '..';
import { accessToken, noAgsEndpoint, progressPostBackFor, type ProgressPostBackOptions } from '../progress/postProgress';
import { programmeEvaluationSetup } from './programmeEvaluationPolicy';

/** How Pstage recognises the column of the tutors' marks among the course's, apart from the progress one. */
export const gradeLineItemTag = 'pstage-evaluation';
export const gradeLineItemLabel = 'Évaluation du stage';
const gradeMaximum = LIKERT_VALUES.at(-1)!;

const payloadSchema = z.object({
  type: z.literal('evaluationGrade'),
  programmeId: z.number().int(),
  studentUserId: z.number().int(),
  conventionReference: z.string(),
  score: z.number().min(1).max(gradeMaximum),
  changedAt: z.iso.datetime({ offset: true }),
});
type GradePayload = z.infer<typeof payloadSchema>;

/** The AGS outbox rows that carry a mark, not a student's progress. */
export const isGradePayload = (payload: unknown) => (payload as { type?: unknown } | null)?.type === 'evaluationGrade';

/**
 * In the transaction that submits a tutor's evaluation: when the programme posts marks and the questionnaire names
 * its graded question, the mark goes to the LMS through the outbox (retried while the LMS is down). A reopened
 * evaluation submitted again replaces the mark (one row per convention is delivered: the latest).
 */
export async function enqueueEvaluationGrade(
  tx: Executor,
  evaluation: Evaluation,
  convention: { id: number; programmeId: number; studentUserId: number; reference: string | null },
  now: Date,
): Promise<boolean> {
  if (evaluation.kind !== 'tutor' || !evaluation.template.gradeQuestionId) return false;
  const score = evaluation.answers[evaluation.template.gradeQuestionId];
  if (typeof score !== 'number') return false;
  if (!(await programmeEvaluationSetup(tx, convention.programmeId)).postGrade) return false;
  const payload: GradePayload = {
    type: 'evaluationGrade',
    programmeId: convention.programmeId,
    studentUserId: convention.studentUserId,
    conventionReference: convention.reference ?? String(convention.id),
    score,
    changedAt: now.toISOString(),
  };
  await outboxRepository.enqueue(tx, {
    kind: 'ags',
    payload,
    supersedeKey: `ags-grade:programme:${convention.programmeId}:convention:${convention.id}`,
  });
  return true;
}

/** The programme's column of marks: stored, found by its tag, or created; under the settings row's lock. */
async function ensureGradeLineItem(db: Database, programmeId: number, lineItemsUrl: string, client: AgsClient): Promise<string> {
  return db.transaction(async (tx) => {
    const settings = await programmeEvaluationSettingsRepository.findForUpdate(tx, programmeId);
    if (settings?.gradeLineItemUrl) return settings.gradeLineItemUrl;
    const found = (await client.listLineItems(lineItemsUrl, { tag: gradeLineItemTag })).find((item) => item.tag === gradeLineItemTag);
    const item =
      found ??
      (await client.createLineItem(lineItemsUrl, {
        label: gradeLineItemLabel,
        scoreMaximum: gradeMaximum,
        tag: gradeLineItemTag,
        resourceId: gradeLineItemTag,
      }));
    await programmeEvaluationSettingsRepository.setGradeLineItemUrl(tx, programmeId, item.id);
    return item.id;
  });
}

/** The outbox handler of the marks: on the programme's own column, never the progress one. */
export function createGradePostBack(options: Omit<ProgressPostBackOptions, 'lineItemLabel'>): OutboxHandler {
  const { db, tokens } = options;
  return async (rawPayload) => {
    const parsed = payloadSchema.safeParse(rawPayload);
    if (!parsed.success) throw new PermanentDeliveryError(`Invalid grade payload: ${parsed.error.message}`);
    const payload = parsed.data;
    const programme = await programmeRepository.findById(db, payload.programmeId);
    const student = await userRepository.findById(db, payload.studentUserId);
    if (!programme || !student || student.iss !== programme.iss)
      throw new PermanentDeliveryError(`Programme ${payload.programmeId} or its student ${payload.studentUserId} is gone`);
    if (!programme.lineItemsUrl) return { skipped: noAgsEndpoint };
    const platform = { iss: programme.iss, clientId: programme.clientId };
    const client = createAgsClient(await accessToken(tokens, platform), { timeoutMs: options.timeoutMs });
    try {
      const lineItemUrl = await ensureGradeLineItem(db, programme.id, programme.lineItemsUrl, client);
      await client.submitScore(lineItemUrl, {
        userId: student.sub,
        scoreGiven: payload.score,
        scoreMaximum: gradeMaximum,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        comment: `${gradeLineItemLabel} (${payload.conventionReference})`,
        timestamp: payload.changedAt,
      });
    } catch (error) {
      if (error instanceof AgsHttpError && error.status === 401) await tokens.forget(platform);
      // The column was deleted in the LMS: found or created again at the next attempt.
      if (error instanceof AgsHttpError && error.status === 404)
        await programmeEvaluationSettingsRepository.setGradeLineItemUrl(db, programme.id, null);
      throw error;
    }
  };
}

/** One handler for the `ags` rows: a mark goes to its column, anything else is a student's progress. */
export function agsPostBacks(progress: OutboxHandler, grades: OutboxHandler): OutboxHandler {
  return (payload, delivery) => (isGradePayload(payload) ? grades(payload, delivery) : progress(payload, delivery));
}

/** The `ags` handler as the server runs it: progress and marks, tokens through ltijs. */
export function agsPostBacksFor(services: Pick<Services, 'db' | 'config' | 'logger' | 'lti'>): OutboxHandler {
  const lti = services.lti();
  const grades = createGradePostBack({
    db: services.db,
    tokens: ltijsTokenSource(lti.provider, lti.plugin),
    logger: services.logger.child({ component: 'ags' }),
    timeoutMs: services.config.lmsTimeoutMs,
  });
  return agsPostBacks(progressPostBackFor(services), grades);
}
