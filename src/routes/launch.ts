import { Router, type Request, type Response } from 'express';
import { decodeJwt } from 'jose';
import type { IdToken } from 'ltijs';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { LtiHandlers, LtiTool } from '../lti/ltiTool';
import { registerDynamically, RegistrationError } from '../lti/dynamicRegistration';
import { localeFromLaunch, mapLaunchRoles } from '../lti/roleMapping';
import { browserLocale, translator } from '../middleware/i18n';
import type { Database } from '../models/database';
import { recordLaunch } from '../services/launch';
import { progressScoreMaximum } from '../domain/lmsProgress';
import { progressLineItemTag } from '../services/progress/ensureLineItem';

export type RenderPage = (res: Response, view: string, locals: Record<string, unknown>, status?: number) => void;

/** What Pstage does with a launch ltijs has validated, refused, or a registration request. */
export function createLaunchHandlers(deps: {
  db: Database;
  config: Config;
  render: RenderPage;
  tool: () => LtiTool;
  logError: (error: unknown) => void;
}): LtiHandlers {
  const { db, config, render } = deps;

  async function startSessionFromLaunch(token: IdToken, req: Request) {
    const result = await recordLaunch(db, config.officeBootstrap, token);
    await req.startSession(result.session);
    return result;
  }

  return {
    async onLaunch(token, req, res) {
      try {
        const result = await startSessionFromLaunch(token, req);
        if (result.staffEntryRefused) {
          const t = translator(result.session.locale);
          render(res, 'launch/staffEntry', {
            t,
            locale: result.session.locale,
            title: t('launch.staffEntry.title'),
            homeUrl: result.redirectTo,
            navigation: [],
          });
          return;
        }
        res.redirect(303, result.redirectTo);
      } catch (error) {
        renderLaunchError(error, token, res);
      }
    },

    async onDeepLinking(token, req, res) {
      try {
        // Only the course's teachers (or a site administrator) place Pstage in a course: anyone else is refused before any session or record.
        if (!mayPlaceInCourse(token)) throw new AppError(403, 'errors.forbidden');
        await startSessionFromLaunch(token, req);
        // A course teacher, or a site administrator (who acts as office) setting the course up.
        if (!req.session || (req.session.activeRole !== 'staff' && req.session.activeRole !== 'office'))
          throw new AppError(403, 'errors.forbidden');
        req.session.deepLinkToken = JSON.parse(JSON.stringify(token)) as IdToken;
        await req.saveSession();
        const t = translator(req.session.locale);
        render(res, 'deepLinking/choose', {
          t,
          locale: req.session.locale,
          title: t('deepLinking.title'),
          csrfToken: req.session.csrfToken,
          navigation: [],
        });
      } catch (error) {
        renderLaunchError(error, token, res);
      }
    },

    onRejectedLaunch(reason, req, res, newWindowUrl) {
      const locale = localeOfRefusedLaunch(req);
      const t = translator(locale);
      const known = t(`launch.reasons.${reason}`, { defaultValue: '' });
      const message =
        reason === 'LOGIN_UNREGISTERED_PLATFORM'
          ? t('launch.unregisteredPlatform')
          : reason === 'LOGIN_PLATFORM_NOT_ACTIVATED'
            ? t('launch.inactivePlatform')
            : t('launch.invalid', { reason: known || t('launch.reasons.default') });
      // The platform's keys out of reach is the LMS's passing trouble, not a bad launch: try again soon.
      const status = reason === 'MISSING_LOGIN_PARAMETERS' ? 400 : reason === 'KEYSET_UNAVAILABLE' ? 503 : 401;
      if (newWindowUrl) {
        render(res, 'launch/newWindow', { t, locale, title: t('launch.noCookie.title'), message, newWindowUrl, navigation: [] }, status);
        return;
      }
      render(res, 'error', { t, locale, title: t('errors.title'), status, message, stack: undefined, navigation: [] }, status);
    },

    onCookielessFrame(newWindowUrl, req, res) {
      // Nothing of the launch is known yet (the platform has not answered): the browser's language.
      const locale = browserLocale(req);
      const t = translator(locale);
      render(res, 'launch/newWindow', { t, locale, title: t('launch.noCookie.title'), newWindowUrl, navigation: [] });
    },

    async onDynamicRegistration(req, res) {
      // The LMS's registration request names no language: the administrator's browser's (inBrowserLanguage).
      const { locale, t } = req;
      const query = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
      try {
        const { active, updated } = await registerDynamically(
          { tool: deps.tool(), db, config },
          { configurationUrl: query('openid_configuration'), registrationToken: query('registration_token') },
        );
        const message = t(
          updated
            ? active
              ? 'registration.updatedActive'
              : 'registration.updatedPending'
            : active
              ? 'registration.active'
              : 'registration.pending',
        );
        render(res, 'registration/done', { t, locale, title: t('registration.title'), message, navigation: [] });
      } catch (error) {
        if (!(error instanceof RegistrationError)) throw error;
        const message = t('registration.failed', { reason: t(`registration.failures.${error.code}`) });
        render(res, 'error', { t, locale, title: t('errors.title'), status: 400, message, stack: undefined, navigation: [] }, 400);
      }
    },
  };

  function renderLaunchError(error: unknown, token: IdToken, res: Response) {
    const locale = localeFromLaunch(token.platformContext.launchPresentation?.locale);
    const t = translator(locale);
    const appError = error instanceof AppError ? error : new AppError(500, 'errors.unexpected');
    if (!(error instanceof AppError)) deps.logError(error);
    render(
      res,
      'error',
      { t, locale, title: t('errors.title'), status: appError.status, message: t(appError.messageKey), stack: undefined, navigation: [] },
      appError.status,
    );
  }
}

/**
 * The language of a launch Pstage refused: the locale the posted id_token asks for. The token is only read,
 * not trusted (it was just refused): the language is all that is taken from it. A refused login (no token yet:
 * a platform not registered or not activated) or a token naming no locale: the session's, else the browser's.
 */
function localeOfRefusedLaunch(req: Request): 'fr' | 'en' {
  const fallback = req.session?.locale ?? browserLocale(req);
  const idToken = (req.body as Record<string, unknown> | undefined)?.id_token;
  if (typeof idToken !== 'string') return fallback;
  try {
    const payload = decodeJwt(idToken);
    const presentation = payload['https://purl.imsglobal.org/spec/lti/claim/launch_presentation'] as { locale?: unknown } | undefined;
    const locale = presentation?.locale ?? payload.locale;
    return typeof locale === 'string' ? localeFromLaunch(locale) : fallback;
  } catch {
    return fallback;
  }
}

function mayPlaceInCourse(token: IdToken): boolean {
  const launch = token.platformContext;
  const roles = mapLaunchRoles(launch.roles ?? [], Boolean(launch.context) && launch.custom?.entry !== 'global');
  return roles.programmeStaff || roles.administratorInCourse;
}

/** The instructor's choice of what to place in the course, answered with a signed deep-linking response. */
export function deepLinkingRoutes(tool: () => LtiTool, config: Config): Router {
  const router = Router();
  router.post('/deep-linking', async (req, res, next) => {
    try {
      const token = req.session?.deepLinkToken;
      if (!token) throw new AppError(403, 'errors.forbidden');
      const choice = req.body.item === 'panel' ? 'panel' : 'student';
      // The items' titles and texts are the instructor's: the language of their deep-linking launch (French by default).
      const t = translator(localeFromLaunch(token.platformContext.launchPresentation?.locale));
      const title = choice === 'panel' ? t('deepLinking.panel') : t('deepLinking.student');
      const item = {
        type: 'ltiResourceLink' as const,
        title,
        text: choice === 'panel' ? t('deepLinking.panelDescription') : t('deepLinking.studentDescription'),
        url: `${config.publicBaseUrl}/lti/launch`,
        custom: { target: choice },
        // The student entry declares its grade column, so the LMS creates the activity with one and names it
        // in every launch (the AGS claim's `lineitem`); the programme panel is not graded.
        ...(choice === 'student'
          ? { lineItem: { label: title, scoreMaximum: progressScoreMaximum, tag: progressLineItemTag, resourceId: progressLineItemTag } }
          : {}),
      };
      const jwt = await tool().provider.DeepLinking.createDeepLinkingMessage(token, [item], { message: item.title });
      const returnUrl = String(token.platformContext.deepLinkingSettings?.deep_link_return_url ?? '');
      delete req.session!.deepLinkToken;
      await req.saveSession();
      // A page that posts itself back to the LMS: its only form is that one (no logout button in the header).
      res.render('deepLinking/return', { title: t('deepLinking.title'), returnUrl, jwt, navigation: [], autoPost: true });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
