import { Router, type Request } from 'express';
import { formatDateTime } from '../../format';
import type { Services } from '../../services';
import { decideAsStudent } from '../../services/signature/decideSignature';
import { checkSigningCode, sendSigningCode, signingCodeMinutes, signingCodesPerHour } from '../../services/signature/signingCode';
import { openStudentRequest, type StudentRequestCommand } from '../../services/signature/studentRequest';
import { fieldErrors, keepFormState, type FormState } from '../shared/formState';
import { refuseSchema, signSchemaFor } from '../signature/schemas';

/** Where one of the student's signature forms lives: the convention's status page, or an amendment on the amendments page. */
export interface StudentSigning {
  command: (req: Request) => StudentRequestCommand;
  /** The page the form is on, without query nor anchor. */
  page: (req: Request) => string;
  /** The anchor of the form's section, where a sent code brings back. */
  section: (req: Request) => string;
  /** The page's query once decided ('?done=signed'). */
  done: (req: Request, outcome: 'signed' | 'refused') => string;
}

/** The session key of the form's kept state (take it with the page's other forms, takeFormStates). */
export const signingFormKey = (command: StudentRequestCommand) =>
  `signature-${command.conventionId}${command.amendmentNumber === undefined ? '' : `-${command.amendmentNumber}`}`;

/** What a page shows of the student's signature form: the kept values and texts, whether a code was just sent. */
export function studentSigningForm(req: Request, kept: FormState | undefined) {
  return {
    signatureForm: kept ?? { values: {}, errors: {} },
    codeSent: req.query.code === 'sent',
    codeMinutes: signingCodeMinutes,
  };
}

/**
 * The student signs from their space as a link's signatory does: a one-time code mailed to their address, their full
 * name typed, the consent; or refuses with a reason. Mounted under the form's page (`…/signature`).
 */
export function studentSigningRoutes(services: Services, where: StudentSigning): Router {
  const router = Router({ mergeParams: true });
  const context = { config: services.config, clock: services.clock };
  const originOf = (req: Request) => ({ ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' });
  /** The form comes back with texts (some errors carry parameters: the tries left, the hour of the next code). */
  const refuse = async (req: Request, values: Record<string, string>, errors: Record<string, string>) => {
    await keepFormState(req, signingFormKey(where.command(req)), { values, errors });
    return `${where.page(req)}#signature-errors`;
  };
  const texts = (req: Request, error: Parameters<typeof fieldErrors>[0]) =>
    Object.fromEntries(Object.entries(fieldErrors(error)).map(([field, key]) => [field, req.t(key)]));

  router.post('/code', async (req, res) => {
    const sending = await sendSigningCode(services.db, where.command(req), req.locale === 'en' ? 'en' : 'fr', context);
    if (sending.sent) return res.redirect(303, `${where.page(req)}?code=sent#${where.section(req)}`);
    const time = formatDateTime(sending.retryAfter, req.locale);
    res.redirect(303, await refuse(req, {}, { code: req.t('signature.error.tooManyCodes', { count: signingCodesPerHour, time }) }));
  });

  router.post('/sign', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const command = where.command(req);
    const { request } = await openStudentRequest(services.db, command, services.clock);
    const values = { fullName: typeof body.fullName === 'string' ? body.fullName : '', consent: body.consent === 'yes' ? 'yes' : '' };
    const parsed = signSchemaFor(request.name).safeParse(body);
    if (!parsed.success) return res.redirect(303, await refuse(req, values, texts(req, parsed.error)));
    const check = await checkSigningCode(services.db, command, parsed.data.code, context);
    if (check.outcome !== 'ok') {
      const message =
        check.outcome === 'wrong'
          ? req.t('signature.error.code_wrong', { count: check.triesLeft })
          : req.t(`signature.error.code_${check.outcome}`);
      return res.redirect(303, await refuse(req, values, { code: message }));
    }
    const decision = { kind: 'sign' as const, typedName: parsed.data.fullName, code: parsed.data.code };
    const result = await decideAsStudent(services.db, command, decision, originOf(req), context);
    res.redirect(303, `${where.page(req)}${where.done(req, result.outcome)}`);
  });

  router.post('/refuse', async (req, res) => {
    const parsed = refuseSchema.safeParse(req.body ?? {});
    if (!parsed.success) return res.redirect(303, await refuse(req, { reason: String(req.body?.reason ?? '') }, texts(req, parsed.error)));
    const decision = { kind: 'refuse' as const, reason: parsed.data.reason };
    const result = await decideAsStudent(services.db, where.command(req), decision, originOf(req), context);
    res.redirect(303, `${where.page(req)}${where.done(req, result.outcome)}`);
  });
  return router;
}
