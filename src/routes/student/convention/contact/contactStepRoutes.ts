import { Router } from 'express';
import type { Services } from '../../../../services';
import { organisationContacts } from '../../../../services/student/studentQueries';
import { saveContact } from '../../../../services/student/conventionDraft';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';
import { contactForm } from './schema';

/** The tutor and signatory steps: the same choice among the host's contacts, or a new contact. */
export function contactStepRoutes(services: Services, step: 'tutor' | 'signatory'): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, step);
    if (!details) return;
    const contacts = details.organisation ? await organisationContacts(services.db, details.organisation.id) : [];
    const chosen = step === 'tutor' ? details.convention.professionalTutorId : details.convention.signatoryId;
    const choice = chosen ? String(chosen) : contacts.length === 0 ? 'new' : '';
    await renderStep(req, res, step, details, { contacts, conflictForm: contactForm }, { choice });
  });
  router.post('/', async (req, res) => {
    const data = await parseStep(services, req, res, step, contactForm);
    if (!data) return;
    await saveContact(services.db, draftCommand(req), step, data);
    nextPage(req, res, step);
  });
  return router;
}
