import type { Logger } from 'pino';
import { z } from 'zod';
import { lmsScore, progressComment } from '../../domain/lmsProgress';
import { conventionStates } from '../../domain/workflow';
import {
  AgsHttpError,
  createAgsClient,
  ltijsTokenSource,
  PlatformUnavailableError,
  type AccessToken,
  type AgsScore,
  type AgsTokenSource,
} from '../../lti/ags';
import { initI18n, translator } from '../../middleware/i18n';
import type { Database } from '../../models/database';
import { programmeRepository } from '../../models/programmeRepository';
import { userRepository, type User } from '../../models/userRepository';
import type { Services } from '..';
import { PermanentDeliveryError } from '../outbox/permanentFailure';
import type { OutboxHandler } from '../outbox/worker';
import { ensureLineItem } from './ensureLineItem';
import type { ProgressPayload } from './enqueueProgressUpdate';

const payloadSchema = z.object({
  programmeId: z.number().int(),
  studentUserId: z.number().int(),
  subjectState: z.enum(['proposed', 'validated', 'rejected']).nullable(),
  conventionState: z.enum(conventionStates).nullable(),
  conventionReference: z.string().nullable(),
  amendment: z
    .object({ number: z.number().int(), state: z.enum(['validated', 'signed']) })
    .nullable()
    .optional(),
  changedAt: z.iso.datetime({ offset: true }),
});

/** Kept on a skipped row (the office page recognises it by the status, this text is for the logs and the database). */
export const noAgsEndpoint = 'No AGS endpoint: the course launch gave no gradebook service';

export interface ProgressPostBackOptions {
  db: Database;
  tokens: AgsTokenSource;
  lineItemLabel: string;
  logger: Pick<Logger, 'info' | 'warn'>;
  timeoutMs?: number;
}

export function scoreFor(payload: ProgressPayload, student: Pick<User, 'sub' | 'locale'>): AgsScore {
  const locale = student.locale === 'en' ? 'en' : 'fr';
  const changedAt = new Date(payload.changedAt);
  const { scoreGiven, scoreMaximum, activityProgress, gradingProgress } = lmsScore(payload);
  return {
    userId: student.sub,
    scoreGiven,
    scoreMaximum,
    activityProgress,
    gradingProgress,
    comment: progressComment(payload, changedAt, locale, translator(locale)),
    timestamp: payload.changedAt,
  };
}

/**
 * The outbox handler of `ags` messages: posts a student's progress to the programme's line item: the activity's
 * own column named by the launch, or else the one Pstage found or created by its tag.
 * Throwing means "retry later" (the worker's backoff, the error kept on the row for the office);
 * a PermanentDeliveryError means retrying cannot help (unknown programme, platform removed).
 */
export function createProgressPostBack(options: ProgressPostBackOptions): OutboxHandler {
  const { db, tokens, lineItemLabel, logger } = options;
  return async (rawPayload, delivery) => {
    const parsed = payloadSchema.safeParse(rawPayload);
    if (!parsed.success) throw new PermanentDeliveryError(`Invalid progress payload: ${parsed.error.message}`);
    const payload = parsed.data;
    const programme = await programmeRepository.findById(db, payload.programmeId);
    const student = await userRepository.findById(db, payload.studentUserId);
    if (!programme || !student)
      throw new PermanentDeliveryError(`Programme ${payload.programmeId} or student ${payload.studentUserId} no longer exists`);
    if (student.iss !== programme.iss)
      throw new PermanentDeliveryError(`Student ${student.id} does not come from the programme's LMS ${programme.iss}`);
    if (!programme.lineItemsUrl && !programme.lineItemUrl) {
      // The LMS gave no AGS endpoint at launch (grade sync off): nothing to post to, now or by retrying.
      // The row ends as skipped, shown to the office; the student's next change posts the whole state if a later launch brings one.
      logger.info({ outboxId: delivery.id, programmeId: programme.id }, 'progress post-back skipped: the programme has no AGS endpoint');
      return { skipped: noAgsEndpoint };
    }
    await initI18n();
    const platform = { iss: programme.iss, clientId: programme.clientId };
    const client = createAgsClient(await accessToken(tokens, platform), { timeoutMs: options.timeoutMs });
    let lineItemUrl: string | null = programme.lineItemUrl;
    try {
      lineItemUrl ??= await ensureLineItem(db, programme.id, client, lineItemLabel);
      if (!lineItemUrl) return { skipped: noAgsEndpoint };
      const outcome = await client.submitScore(lineItemUrl, scoreFor(payload, student));
      if (outcome === 'olderThanLatest') {
        // A later state of this student reached the LMS first (two workers, or a retry overtaken):
        // the LMS keeps the latest one, which is what we want, so this message is done.
        logger.info(
          { outboxId: delivery.id, programmeId: programme.id, studentUserId: student.id },
          'progress post-back superseded: the LMS holds a later state',
        );
      }
    } catch (error) {
      if (error instanceof AgsHttpError && error.status === 401) await tokens.forget(platform);
      // The line item was deleted in the LMS: find or create it again at the next attempt.
      if (error instanceof AgsHttpError && error.status === 404 && lineItemUrl)
        await programmeRepository.setLineItemUrl(db, programme.id, null, lineItemUrl);
      throw error;
    }
  };
}

export async function accessToken(tokens: AgsTokenSource, platform: { iss: string; clientId: string }): Promise<AccessToken> {
  try {
    return await tokens.get(platform);
  } catch (error) {
    if (error instanceof PlatformUnavailableError) throw new PermanentDeliveryError(error.message, { cause: error });
    throw new Error(`Access token from ${platform.iss}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The handler as the server runs it: tokens through ltijs (registered platforms), label from the configuration. */
export function progressPostBackFor(services: Pick<Services, 'db' | 'config' | 'logger' | 'lti'>): OutboxHandler {
  const lti = services.lti();
  return createProgressPostBack({
    db: services.db,
    tokens: ltijsTokenSource(lti.provider, lti.plugin),
    lineItemLabel: services.config.agsLineItemLabel,
    logger: services.logger.child({ component: 'ags' }),
    timeoutMs: services.config.lmsTimeoutMs,
  });
}
