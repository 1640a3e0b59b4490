import { Router, type Response } from 'express';
import { z } from 'zod';
import type { LineItem, Score } from './gradebook';
import { findCourse } from './personas';
import { requireAccessToken } from './tokenRoutes';
import type { PlatformState } from './state';
import { mediaType, scope } from './vocabulary';

const lineItemSchema = z.object({
  label: z.string().min(1),
  scoreMaximum: z.number().positive(),
  resourceId: z.string().optional(),
  resourceLinkId: z.string().optional(),
  tag: z.string().optional(),
  startDateTime: z.iso.datetime({ offset: true }).optional(),
  endDateTime: z.iso.datetime({ offset: true }).optional(),
});

const scoreSchema = z
  .object({
    userId: z.string().min(1),
    scoreGiven: z.number().min(0).optional(),
    scoreMaximum: z.number().positive().optional(),
    comment: z.string().optional(),
    activityProgress: z.enum(['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed']),
    gradingProgress: z.enum(['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady']),
    timestamp: z.iso.datetime({ offset: true }),
  })
  .refine((score) => score.scoreGiven === undefined || score.scoreMaximum !== undefined, {
    message: 'scoreMaximum is required when scoreGiven is present',
    path: ['scoreMaximum'],
  });

function invalid(res: Response, error: z.ZodError): void {
  res.status(400).json({ error: 'invalid_request', details: error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) });
}

function sendLineItem(res: Response, item: LineItem, status = 200): void {
  const { contextId: _contextId, ...body } = item;
  res.status(status).type(mediaType.lineItem).send(JSON.stringify(body));
}

const queryText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Assignment and Grade Services 2.0: line items, scores, results; one line item container per course. */
export function agsRoutes(state: PlatformState): Router {
  const router = Router();
  const base = '/platform/ags/:contextId/lineitems';
  const read = requireAccessToken(state, [scope.lineItem, scope.lineItemReadOnly]);
  const write = requireAccessToken(state, [scope.lineItem]);
  const lineItemUrl = (contextId: string, id: string) => `${state.urls.lineItemsUrl(contextId)}/${id}`;

  router.use(base, (req, res, next) => {
    if (findCourse(String(req.params.contextId))?.kind !== 'programme') {
      res.status(404).json({ error: 'not_found', error_description: 'Unknown course.' });
      return;
    }
    next();
  });

  router.get(base, read, (req, res) => {
    let items = state.gradebook.list(String(req.params.contextId), {
      resourceLinkId: queryText(req.query.resource_link_id),
      resourceId: queryText(req.query.resource_id),
      tag: queryText(req.query.tag),
    });
    const limit = Number(req.query.limit);
    if (Number.isInteger(limit) && limit > 0) items = items.slice(0, limit);
    res.type(mediaType.lineItemContainer).send(JSON.stringify(items.map(({ contextId: _contextId, ...item }) => item)));
  });

  router.post(base, write, (req, res) => {
    const parsed = lineItemSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    sendLineItem(res, state.gradebook.create(String(req.params.contextId), parsed.data), 201);
  });

  router.get(`${base}/:id`, read, (req, res) => {
    const item = state.gradebook.find(lineItemUrl(String(req.params.contextId), String(req.params.id)));
    if (!item) return void res.status(404).json({ error: 'not_found' });
    sendLineItem(res, item);
  });

  router.put(`${base}/:id`, write, (req, res) => {
    const parsed = lineItemSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const item = state.gradebook.update(lineItemUrl(String(req.params.contextId), String(req.params.id)), parsed.data);
    if (!item) return void res.status(404).json({ error: 'not_found' });
    sendLineItem(res, item);
  });

  router.delete(`${base}/:id`, write, (req, res) => {
    if (!state.gradebook.delete(lineItemUrl(String(req.params.contextId), String(req.params.id))))
      return void res.status(404).json({ error: 'not_found' });
    res.status(204).end();
  });

  router.post(`${base}/:id/scores`, requireAccessToken(state, [scope.score]), (req, res) => {
    const lineItemId = lineItemUrl(String(req.params.contextId), String(req.params.id));
    if (!state.gradebook.find(lineItemId)) return void res.status(404).json({ error: 'not_found' });
    const parsed = scoreSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const score: Score = { ...parsed.data, lineItemId, receivedAt: new Date().toISOString() };
    const outcome = state.gradebook.addScore(score);
    if (!outcome.accepted) {
      res.status(409).json({
        error: 'conflict',
        error_description:
          'Refusing score with an earlier timestamp: the latest score of this user is as recent or more (compared in seconds, as Moodle does).',
      });
      return;
    }
    res.status(200).json({});
  });

  router.get(`${base}/:id/results`, requireAccessToken(state, [scope.resultReadOnly]), (req, res) => {
    const lineItemId = lineItemUrl(String(req.params.contextId), String(req.params.id));
    const item = state.gradebook.find(lineItemId);
    if (!item) return void res.status(404).json({ error: 'not_found' });
    const userId = queryText(req.query.user_id);
    const results = state.gradebook
      .latestScores(lineItemId)
      .filter((score) => userId === undefined || score.userId === userId)
      .map((score) => ({
        id: `${lineItemId}/results/${encodeURIComponent(score.userId)}`,
        scoreOf: lineItemId,
        userId: score.userId,
        ...(score.scoreGiven !== undefined
          ? {
              resultScore: (score.scoreGiven * item.scoreMaximum) / (score.scoreMaximum ?? item.scoreMaximum),
              resultMaximum: item.scoreMaximum,
            }
          : {}),
        ...(score.comment !== undefined ? { comment: score.comment } : {}),
      }));
    res.type(mediaType.resultContainer).send(JSON.stringify(results));
  });

  return router;
}
