import { Router } from 'express';
import type { Programme } from '../../../models/programmeRepository';
import type { Services } from '../../../services';
import { AppError } from '../../../errors';
import { settingsToken, updateProgrammeSettings } from '../../../services/programme/settings';
import { keepFormState, takeFormState } from '../../shared/formState';
import { internshipTypeChoices, programmeSettingsForm } from './schema';
import { validateOrRedirect } from '../../shared/validate';

/** The programme's yearly teaching volume (a legal condition of every internship) and the internship types it offers. */
export function settingsRoutes({ db }: Services): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const kept = await takeFormState(req, `programme-settings-${programme.id}`);
    res.render('programme/settings', {
      title: req.t('programme.settings.title'),
      base: `/programme/${programme.id}`,
      programme,
      internshipTypeChoices,
      values: kept?.values ?? { teachingHours: programme.teachingHours ?? '', internshipTypes: programme.internshipTypes },
      // After a conflict the form keeps what it was made from: saving it again cannot overwrite the other save.
      seen: kept?.values.seen ?? settingsToken(programme),
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
      done: req.query.done === 'saved',
    });
  });

  router.post('/', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const parsed = await validateOrRedirect(req, res, programmeSettingsForm, {
      key: `programme-settings-${programme.id}`,
      back: `/programme/${programme.id}/settings`,
    });
    if (!parsed) return;
    try {
      await updateProgrammeSettings(db, programme.id, req.session!.userId, parsed, String(req.body.seen ?? ''));
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
      await keepFormState(req, `programme-settings-${programme.id}`, { values: req.body, errors: { form: error.messageKey } });
      return res.redirect(303, `/programme/${programme.id}/settings`);
    }
    res.redirect(303, `/programme/${programme.id}/settings?done=saved`);
  });

  return router;
}
