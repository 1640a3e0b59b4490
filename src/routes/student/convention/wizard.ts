import type { Request, Response } from 'express';
import { AppError } from '../../../errors';
import type { Services } from '../../../services';
import { loadConventionDetails, type ConventionDetails } from '../../../services/student/conventionDetails';
import type { DraftCommand } from '../../../services/student/conventionDraft';
import type { Convention } from '../../../models/conventionRepository';
import type { StudentConventionPage } from '../../../models/conventionReferencesRepository';
import {
  isReachable,
  nextStepOf,
  stepAfter,
  stepNumber,
  stepsOf,
  wizardSteps,
  type WizardStep,
} from '../../../services/student/wizardSteps';
import { lastDraftEvent, othersWhoChangedDraftSince } from '../../../services/student/studentQueries';
import { keepFormState, takeFormState, type FormState } from '../../shared/formState';
import { validate, type FieldLabels, type FormDefinition } from '../../shared/validate';
import { idParam, parseId, parseVersion } from '../../shared/ids';
import { differingFields } from './conflictDiff';

/**
 * Who saved the draft while a page of it stayed open (the losing save of two tabs): the student themself (another
 * tab, window or device), the programme head (assigning the referent), the office; `unknown` when the page was
 * older than this check.
 */
export type ConflictAuthor = 'self' | 'programme' | 'office' | 'unknown';

/** A step's kept form after a losing save: what was typed, its errors if any, and who saved meanwhile. */
export interface KeptStep extends FormState {
  conflict?: { by: ConflictAuthor; fields?: string[] };
}

/** The form a wizard post is parsing, for the conflict handler of a save that lost the race after validation. */
interface PostedStep {
  key: string;
  back: string;
  labels: FieldLabels;
}

/** The draft of the URL, for a wizard page: submitted conventions are read on their status page instead. */
export async function draftForPage(services: Services, req: Request, res: Response, step: WizardStep): Promise<ConventionDetails | null> {
  // A page shows what the ownership check read for this very request (a post reads its own, after saving).
  const page = req.method === 'GET' ? (res.locals.ownConventionPage as StudentConventionPage | undefined) : undefined;
  const known = req.method === 'GET' ? (res.locals.ownConvention as Convention | undefined) : undefined;
  const details: ConventionDetails = page
    ? pageDetails(page)
    : await loadConventionDetails(services.db, req.session!.userId, idParam(req), known);
  const { convention } = details;
  if (convention.state !== 'draft') {
    res.redirect(303, `/student/conventions/${convention.id}`);
    return null;
  }
  if (!isReachable(step, convention)) {
    res.redirect(303, `/student/conventions/${convention.id}/${nextStepOf(convention)}`);
    return null;
  }
  // Its forms carry the latest event they saw: a losing save tells then who else changed the draft since.
  res.locals.seenEvent = page ? page.lastEventId : await lastDraftEvent(services.db, convention.id);
  return details;
}

/** The details of a page read in one query, without its latest event (carried apart, as `seenEvent`). */
function pageDetails({ lastEventId: _lastEventId, ...details }: StudentConventionPage): ConventionDetails {
  return details;
}

/** Who changed the draft since the posted page was shown (see `ConflictAuthor`). */
async function conflictAuthor(services: Services, req: Request, conventionId: number): Promise<ConflictAuthor> {
  const seen = parseId(req.body?.seenEvent) ?? (req.body?.seenEvent === '0' ? 0 : undefined);
  if (seen === undefined) return 'unknown';
  const others = await othersWhoChangedDraftSince(services.db, conventionId, seen, req.session!.userId);
  if (others.includes('programme')) return 'programme';
  if (others.length > 0) return 'office';
  return 'self';
}

/**
 * A losing save (the draft changed since its page was shown): nothing is written; what was typed comes back on the
 * step with its errors if any, who saved meanwhile, and the fields whose typed value differs from the one now stored.
 */
async function keepConflict(services: Services, req: Request, res: Response, posted: PostedStep, errors: FormState['errors'] = {}) {
  const by = await conflictAuthor(services, req, idParam(req));
  const state: KeptStep = {
    values: req.body ?? {},
    errors,
    order: Object.keys(errors),
    labels: Object.fromEntries(Object.keys(errors).flatMap((field) => (posted.labels[field] ? [[field, posted.labels[field]]] : []))),
    conflict: { by, fields: Object.keys(posted.labels) },
  };
  await keepFormState(req, posted.key, state);
  res.redirect(303, `${posted.back}#wizard-conflict`);
}

/** A save that lost the race after its form was checked (a conflict thrown by the save itself) comes back the same way. */
export function wizardConflictHandler(services: Services) {
  return async (error: unknown, req: Request, res: Response, next: (error?: unknown) => void) => {
    const posted = res.locals.postedStep as PostedStep | undefined;
    if (!(error instanceof AppError) || error.status !== 409 || error.messageKey !== 'errors.conflict' || !posted) return next(error);
    if (res.headersSent) return next(error);
    await keepConflict(services, req, res, posted);
  };
}

export function draftCommand(req: Request): DraftCommand {
  const version = parseVersion(req.body?.version);
  if (version === undefined) throw new AppError(409, 'errors.conflict');
  return { userId: req.session!.userId, conventionId: idParam(req), version };
}

/** Renders a step with its stepper, the kept values and errors of a rejected post, and the way back to the recap. */
export async function renderStep(
  req: Request,
  res: Response,
  step: WizardStep,
  details: ConventionDetails,
  locals: Record<string, unknown>,
  defaults: Record<string, unknown> = {},
) {
  const kept = await takeFormState<KeptStep>(req, `${step}-${details.convention.id}`);
  const base = `/student/conventions/${details.convention.id}`;
  const steps = stepsOf(details.convention);
  res.render(`student/convention/${step}`, {
    title: req.t(`student.wizard.step.${step}`),
    step,
    stepNumber: steps.indexOf(step) + 1,
    steps: steps.map((candidate) => ({
      id: candidate,
      href: `${base}/${candidate}`,
      reachable: isReachable(candidate, details.convention),
    })),
    base,
    fromRecap: req.query.from === 'recap',
    ...details,
    values: kept?.values ?? defaults,
    errors: kept?.errors ?? {},
    errorLabels: kept?.labels ?? {},
    conflict: conflictView(kept, defaults, locals.conflictForm as FormDefinition<unknown> | undefined),
    seenEvent: res.locals.seenEvent ?? 0,
    ...locals,
  });
}

/** The conflict notice of a step: who saved meanwhile and, in the form's order, the fields typed otherwise than stored. */
export function conflictView(kept: KeptStep | undefined, stored: Record<string, unknown>, form?: FormDefinition<unknown>) {
  if (!kept?.conflict) return null;
  // The fields the step shows now (its form's labels, when given), of those the losing page posted.
  const fields = (kept.conflict.fields ?? []).filter((field) => !form || field in form.labels);
  const labels = form?.labels ?? {};
  return {
    by: kept.conflict.by,
    hasFields: fields.length > 0,
    differing: differingFields(fields, kept.values, stored, form?.schema).map((field) => ({
      field,
      label: labels[field] ?? `student.fields.${field}`,
    })),
  };
}

/**
 * Validates a step's form; on failure keeps the values and errors and sends the student back to the step. A post
 * from a page older than the draft (saved meanwhile in another tab, or by the programme head) saves nothing: the
 * step comes back with what was typed, as a conflict (see `keepConflict`).
 */
export async function parseStep<T>(
  services: Services,
  req: Request,
  res: Response,
  step: WizardStep,
  form: FormDefinition<T>,
  formKey: string = step,
): Promise<T | null> {
  const id = idParam(req);
  const back = req.body?.returnTo === 'recap' ? '?from=recap' : '';
  const posted: PostedStep = { key: `${formKey}-${id}`, back: `/student/conventions/${id}/${step}${back}`, labels: form.labels };
  const result = validate(form, req.body);
  if (postedFromOlderPage(req, res)) {
    await keepConflict(services, req, res, posted, result.ok ? {} : result.state.errors);
    return null;
  }
  if (!result.ok) {
    await keepFormState(req, posted.key, result.state);
    res.redirect(303, posted.back);
    return null;
  }
  res.locals.postedStep = posted;
  return result.values;
}

/** The post comes from a page of the draft older than the one stored (its version was saved meanwhile). */
function postedFromOlderPage(req: Request, res: Response): boolean {
  const stored = res.locals.ownConvention as Convention | undefined;
  const version = parseVersion(req.body?.version);
  return stored?.state === 'draft' && version !== undefined && version !== stored.version;
}

/** A post without fields (the review, the submission) from a page older than the draft comes back as a conflict. */
export async function checkNotStale(services: Services, req: Request, res: Response, step: WizardStep): Promise<boolean> {
  const id = idParam(req);
  const posted: PostedStep = { key: `${step}-${id}`, back: `/student/conventions/${id}/${step}`, labels: {} };
  if (postedFromOlderPage(req, res)) {
    await keepConflict(services, req, res, posted);
    return false;
  }
  res.locals.postedStep = posted;
  return true;
}

/**
 * After a saved step: back to the recap when the student came from it, else the next step. Given the saved draft,
 * the next step is the next one that applies to it (the legal representative's only for a minor); the recap,
 * when a step it needs is not done, sends the student on to that step.
 */
export function nextPage(req: Request, res: Response, step: WizardStep, saved?: Convention) {
  const id = idParam(req);
  const following = saved ? stepAfter(step, saved) : (wizardSteps[stepNumber(step)] ?? 'recap');
  const next = req.body?.returnTo === 'recap' ? 'recap' : following;
  res.redirect(303, `/student/conventions/${id}/${next}`);
}
