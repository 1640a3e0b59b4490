import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../../services';
import { questionnaireKinds } from '../../../domain/evaluationDefaults';
import { templateKeySchema } from '../../shared/evaluationQuery';
import { translator } from '../../../middleware/i18n';
import { AppError, notFound } from '../../../errors';
import { formatDate } from '../../../format';
import { reopenEvaluation } from '../../../services/evaluations/answerEvaluation';
import { evaluationOverview, evaluationResults, evaluationResultsCsv } from '../../../services/evaluations/evaluationOverview';
import { evaluationPdfFor } from '../../../services/evaluations/evaluationPdf';
import { idParam } from '../../shared/ids';
import { questionnaireTemplateRoutes } from './templates/routes';
import { keepFormState, takeFormState } from '../../shared/formState';

const kindSchema = z.enum(questionnaireKinds as ['tutor', 'student', 'referent']);
const reopenSchema = z.object({
  reason: z
    .string({ error: 'evaluation.errors.reasonRequired' })
    .trim()
    .min(3, { error: 'evaluation.errors.reasonRequired' })
    .max(1000, { error: 'evaluation.errors.reasonTooLong' }),
});
/** The reopen forms (one per answered questionnaire) share one kept state, which names the form it came from. */
const reopenFormKey = 'office-evaluation-reopen';
const kindOf = (value: unknown) => {
  const parsed = kindSchema.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
};

/** The office's follow-up of the end of internships: who answered, missing attestations, results and exports. */
export function officeEvaluationRoutes(services: Services): Router {
  const { db, clock } = services;
  const router = Router();
  router.use('/templates', questionnaireTemplateRoutes(services));

  router.get('/', async (req, res) => {
    const rows = await evaluationOverview(db, clock.today());
    const kind = kindSchema.catch('tutor').parse(req.query.kind);
    const results = await evaluationResults(db, kind, clock.today(), { templateKey: templateKeySchema.parse(req.query.template) });
    const kept = await takeFormState(req, reopenFormKey);
    const reopenRefused = kept && typeof kept.values.conventionId === 'number' && typeof kept.values.kind === 'string' ? kept : undefined;
    res.render('office/evaluations/index', {
      title: req.t('evaluation.office.title'),
      rows: rows.map((row) => ({ ...row, endDate: row.endDate ? formatDate(row.endDate, req.locale) : '' })),
      results,
      kind,
      kinds: questionnaireKinds,
      lang: req.locale === 'en' ? 'en' : 'fr',
      notice: req.query.done === 'reopened' ? req.t('evaluation.office.reopenedNotice') : undefined,
      /** A refused reopening: which questionnaire's field, what was typed, and why. */
      reopenRefused: reopenRefused
        ? {
            conventionId: reopenRefused.values.conventionId,
            kind: reopenRefused.values.kind,
            field: `reason-${String(reopenRefused.values.conventionId)}-${String(reopenRefused.values.kind)}`,
            value: typeof reopenRefused.values.reason === 'string' ? reopenRefused.values.reason : '',
            error: req.t(reopenRefused.errors.reason ?? 'evaluation.errors.reasonRequired'),
          }
        : undefined,
    });
  });

  router.get('/results.csv', async (req, res) => {
    const kind = kindSchema.catch('tutor').parse(req.query.kind);
    const results = await evaluationResults(db, kind, clock.today(), { templateKey: templateKeySchema.parse(req.query.template) });
    const csv = evaluationResultsCsv(results, clock.today());
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="evaluations-${kind}-${clock.today()}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(csv);
  });

  router.get('/:id/:kind.pdf', async (req, res) => {
    const language = req.locale === 'en' ? 'en' : 'fr';
    const pdf = await evaluationPdfFor(db, idParam(req), kindOf(req.params.kind), {
      language,
      t: translator(language),
      renderer: services.pdfRenderer,
      date: formatDate(clock.today(), language),
    });
    res.type('application/pdf').set('Content-Disposition', `inline; filename="${pdf.filename}"`).send(pdf.bytes);
  });

  router.post('/:id/:kind/reopen', async (req, res) => {
    const id = idParam(req);
    const kind = kindOf(req.params.kind);
    const parsed = reopenSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const reason = typeof req.body?.reason === 'string' ? req.body.reason : '';
      await keepFormState(req, reopenFormKey, {
        values: { conventionId: id, kind, reason },
        errors: { reason: parsed.error.issues[0]?.message ?? 'evaluation.errors.reasonRequired' },
      });
      return res.redirect(303, `/office/evaluations#reason-${id}-${kind}`);
    }
    const officeUserId = req.session!.userId;
    try {
      await reopenEvaluation(db, { conventionId: id, kind, officeUserId, reason: parsed.data.reason, now: clock.now() });
    } catch (error) {
      if (error instanceof AppError && error.status === 409) return res.redirect(303, '/office/evaluations');
      throw error;
    }
    res.redirect(303, '/office/evaluations?done=reopened');
  });
  return router;
}
