import type { Request, Response } from 'express';
import { AppError } from '../../../errors';
import type { Services } from '../../../services';
import { loadConventionDetails, type ConventionDetails } from '../../../services/student/conventionDetails';
import type { DraftCommand } from '../../../services/student/conventionDraft';
import type { Convention } from '../../../models/conventionRepository';
import {
  isReachable,
  nextStepOf,
  stepAfter,
  stepNumber,
  stepsOf,
  wizardSteps,
  type WizardStep,
} from '../../../services/student/wizardSteps';
import { takeFormState } from '../../shared/formState';
import { validateOrRedirect, type FormDefinition } from '../../shared/validate';
import { idParam, parseVersion } from '../../shared/ids';

/** The draft of the URL, for a wizard page: submitted conventions are read on their status page instead. */
export async function draftForPage(services: Services, req: Request, res: Response, step: WizardStep): Promise<ConventionDetails | null> {
  // A page shows the row the ownership check read for this very request (a post reads its own, after saving).
  const known = req.method === 'GET' ? (res.locals.ownConvention as Convention | undefined) : undefined;
  const details = await loadConventionDetails(services.db, req.session!.userId, idParam(req), known);
  const { convention } = details;
  if (convention.state !== 'draft') {
    res.redirect(303, `/student/conventions/${convention.id}`);
    return null;
  }
  if (!isReachable(step, convention)) {
    res.redirect(303, `/student/conventions/${convention.id}/${nextStepOf(convention)}`);
    return null;
  }
  return details;
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
  const kept = await takeFormState(req, `${step}-${details.convention.id}`);
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
    ...locals,
  });
}

/** Validates a step's form; on failure keeps the values and errors and sends the student back to the step. */
export async function parseStep<T>(
  req: Request,
  res: Response,
  step: WizardStep,
  form: FormDefinition<T>,
  formKey: string = step,
): Promise<T | null> {
  const id = idParam(req);
  const back = req.body?.returnTo === 'recap' ? '?from=recap' : '';
  return validateOrRedirect(req, res, form, { key: `${formKey}-${id}`, back: `/student/conventions/${id}/${step}${back}` });
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
