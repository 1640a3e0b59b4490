import { Router, type Request, type Response } from 'express';
import { z, type ZodType } from 'zod';
import { signatoriesOf } from '../../domain/signatories';
import { isIsoDate, isPlausibleDate } from '../../domain/calendarDate';
import { AppError } from '../../errors';
import { formatDate } from '../../format';
import { userRateLimit } from '../../middleware/userRateLimits';
import type { Services } from '../../services';
import { AmendmentRefused } from '../../services/amendments/amendmentErrors';
import { amendmentPdfFor, amendmentsOf, referentChoices } from '../../services/amendments/amendmentView';
import { recordAmendmentSignature, refuseAmendment, validateAmendment } from '../../services/amendments/decideAmendment';
import { validateAndSendAmendment } from '../../services/amendments/validateAndSendAmendment';
import { amendableConvention, requestAmendment, type AmendmentContext } from '../../services/amendments/requestAmendment';
import { amendmentCircuitView, continueAmendmentCircuit, sendAmendmentForSignature } from '../../services/amendments/amendmentCircuit';
import { signingFormKey, studentSigningForm, studentSigningRoutes } from '../student/signing';
import { termsOf } from '../../services/amendments/amendmentTerms';
import { presenceOf } from '../../services/conventions/presence';
import { amendmentRequestSchema } from './schema';
import { keepFormState, takeFormStates, type FormState } from '../shared/formState';
import { idParam, parseId, parseVersion } from '../shared/ids';

export interface AmendmentFormError {
  key: string;
  params: Record<string, string | number>;
}

interface AmendmentFormState extends FormState<AmendmentFormError> {
  form: string;
}

const required = 'office.errors.required';
const reasonText = () => z.string({ error: required }).trim().min(1, { error: required }).max(2000, { error: 'office.errors.tooLong' });
const validateSchema = z.object({
  overrideReason: z
    .string()
    .trim()
    .max(2000, { error: 'office.errors.tooLong' })
    .optional()
    .transform((value) => value || null),
});
const refuseSchema = z.object({ reason: reasonText() });
const signatureSchema = z.object({
  party: z.enum([...signatoriesOf({ minorStudent: true })] as [string, ...string[]], { error: 'office.errors.choose' }),
  signedAt: z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .refine(isIsoDate, { error: 'office.errors.date', abort: true })
    .refine(isPlausibleDate, { error: 'office.errors.dateOutOfRange' }),
});

const keptKey = (conventionId: number) => `amendments-${conventionId}`;

/** The student's own request on an amendment, by its number in the path (a number that is none is "not found"). */
function studentCommand(req: Request) {
  const amendmentNumber = parseId(req.params.number);
  if (amendmentNumber === undefined) throw new AppError(404, 'errors.notFound');
  return { studentUserId: req.session!.userId, conventionId: idParam(req), amendmentNumber };
}

function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string; params?: unknown }[]) {
  const errors: Record<string, AmendmentFormError> = {};
  for (const issue of issues)
    errors[String(issue.path[0] ?? 'form')] ??= { key: issue.message, params: (issue.params as Record<string, string | number>) ?? {} };
  return errors;
}

/**
 * The amendments of one convention (/student/conventions/:id/amendments, /office/conventions/:id/amendments): the
 * history, the request form, and for the office the decisions and the signatures. Every form comes back here
 * (post/redirect/get) with all its errors kept; nothing is written when one is refused.
 */
export function amendmentRoutes(services: Services, role: 'student' | 'office'): Router {
  const router = Router({ mergeParams: true });
  const { db, clock } = services;
  const context: AmendmentContext = {
    clock,
    institution: services.config.institution,
    officeEmail: services.config.officeEmail,
    renderer: services.pdfRenderer,
  };
  const actorOf = (req: Request) => ({ role, userId: req.session!.userId });
  const base = (conventionId: number) => `/${role}/conventions/${conventionId}/amendments`;

  const back = async (
    req: Request,
    res: Response,
    form: string,
    run: () => Promise<unknown>,
    parsedErrors?: Record<string, AmendmentFormError>,
  ) => {
    const conventionId = idParam(req);
    const values = (req.body ?? {}) as Record<string, unknown>;
    const refuse = async (errors: Record<string, AmendmentFormError>) => {
      await keepFormState<AmendmentFormState>(req, keptKey(conventionId), { form, values, errors });
      res.redirect(303, `${base(conventionId)}#${form}`);
    };
    if (parsedErrors) return refuse(parsedErrors);
    try {
      await run();
    } catch (error) {
      if (error instanceof AmendmentRefused)
        return refuse(errorsOf(error.refusals.map((r) => ({ path: [r.field], message: r.key, params: r.params }))));
      if (!(error instanceof AppError) || ![409, 422].includes(error.status)) throw error;
      const { field, ...params } = error.params;
      return refuse({ [String(field ?? 'form')]: { key: error.messageKey, params } });
    }
    res.redirect(303, `${base(conventionId)}?done=${form}`);
  };

  router.get('/', async (req, res) => {
    const convention = await amendableConvention(db, actorOf(req), idParam(req));
    const view = await amendmentsOf(db, convention);
    const inProgress = view.inProgress?.amendment;
    const signingKey =
      role === 'student' && inProgress
        ? signingFormKey({ studentUserId: req.session!.userId, conventionId: convention.id, amendmentNumber: inProgress.number })
        : '';
    const forms = await takeFormStates<AmendmentFormState | FormState>(req, [keptKey(convention.id), signingKey]);
    const kept = forms[keptKey(convention.id)] as AmendmentFormState | undefined;
    const referents = view.mayRequest ? await referentChoices(db, convention) : [];
    const circuit = await amendmentCircuitView(db, view.inProgress?.amendment ?? null, clock);
    res.render('amendments/page', {
      referents,
      title: req.t('amendment.page.title', { reference: convention.reference }),
      role,
      convention,
      current: termsOf(convention),
      currentHours: convention.computedTotalHours ?? presenceOf(convention, undefined)?.hours ?? null,
      ...view,
      ...circuit,
      kept: kept ?? null,
      ...studentSigningForm(req, forms[signingKey] as FormState | undefined),
      done: typeof req.query.done === 'string' ? req.query.done : null,
      base: base(convention.id),
      keptError: (form: string, field: string) => {
        const error = kept?.form === form ? kept.errors[field] : undefined;
        if (!error) return null;
        const params = Object.entries(error.params).map(([name, value]) => [
          name,
          typeof value === 'string' && isIsoDate(value) ? formatDate(value, req.locale) : value,
        ]);
        return req.t(error.key, Object.fromEntries(params));
      },
      keptValue: (form: string, field: string, fallback: unknown = '') =>
        kept?.form === form && kept.values[field] !== undefined ? kept.values[field] : fallback,
    });
  });

  router.post('/', async (req, res) => {
    const conventionId = idParam(req);
    const convention = await amendableConvention(db, actorOf(req), conventionId);
    const parsed = amendmentRequestSchema(termsOf(convention), await referentChoices(db, convention)).safeParse(req.body ?? {});
    const version = parseVersion(req.body?.version);
    await back(
      req,
      res,
      'request',
      async () => {
        if (version === undefined || !parsed.success) throw new AppError(409, 'errors.conflict');
        await requestAmendment(db, { actor: actorOf(req), conventionId, version, changes: parsed.data }, context);
      },
      parsed.success ? undefined : errorsOf(parsed.error.issues),
    );
  });

  router.get('/:number/amendment.pdf', userRateLimit(services, 'pdf'), async (req, res) => {
    const number = parseId(req.params.number);
    if (number === undefined) throw new AppError(404, 'errors.notFound');
    const pdf = await amendmentPdfFor(db, actorOf(req), idParam(req), number, context.institution, services.pdfRenderer);
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${pdf.filename}"`)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Cache-Control', 'private, no-store')
      .set('X-Pstage-Document', pdf.final ? 'final' : 'draft')
      .send(pdf.bytes);
  });

  if (role === 'student') {
    router.use(
      '/:number/signature',
      studentSigningRoutes(services, {
        command: studentCommand,
        page: (req) => base(idParam(req)),
        section: (req) => `decide-${req.params.number}`,
        done: (req) => `?done=decide-${req.params.number}`,
      }),
    );
    return router;
  }

  const officeAction =
    <T>(form: string, schema: ZodType<T>, run: (command: Parameters<typeof validateAmendment>[1], data: T) => Promise<unknown>) =>
    async (req: Request, res: Response) => {
      const number = parseId(req.params.number);
      if (number === undefined) throw new AppError(404, 'errors.notFound');
      const parsed = schema.safeParse(req.body ?? {});
      const version = parseVersion(req.body?.version);
      await back(
        req,
        res,
        `${form}-${number}`,
        async () => {
          if (version === undefined || !parsed.success) throw new AppError(409, 'errors.conflict');
          await run({ officeUserId: req.session!.userId, conventionId: idParam(req), number, version, overrideReason: null }, parsed.data);
        },
        parsed.success ? undefined : errorsOf(parsed.error.issues),
      );
    };
  router.post(
    '/:number/validate',
    officeAction('validate', validateSchema, (command, data) =>
      validateAndSendAmendment(db, { ...command, ...data }, { ...context, config: services.config }),
    ),
  );
  router.post(
    '/:number/refuse',
    officeAction('refuse', refuseSchema, (command, data) => refuseAmendment(db, { ...command, ...data }, context)),
  );
  router.post(
    '/:number/signatures',
    officeAction('signature', signatureSchema, (command, data) =>
      recordAmendmentSignature(
        db,
        { ...command, party: data.party as never, signedAt: data.signedAt },
        context,
        (tx, convention, amendment) =>
          continueAmendmentCircuit(tx, convention, amendment, { ...context, config: services.config }, command.officeUserId),
      ),
    ),
  );
  router.post(
    '/:number/send-for-signature',
    officeAction('send', z.object({}), (command) => sendAmendmentForSignature(db, command, { ...context, config: services.config })),
  );
  return router;
}
