import { Router } from 'express';
import type { Services } from '../../../../services';
import { saveInternship } from '../../../../services/student/conventionDraft';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';
import { internshipSchema } from './schema';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** Step 5: the internship itself; the total hours are computed from the calendar and shown back. */
export function internshipRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'internship');
    if (!details) return;
    const c = details.convention;
    const [first, second] = c.interruptions;
    const defaults = {
      ...c,
      interruption1Start: first?.start,
      interruption1End: first?.end,
      interruption2Start: second?.start,
      interruption2End: second?.end,
      workingDays: c.workingDays.map(String),
      scheduleKind: c.irregularSchedule ? 'irregular' : 'regular',
      nightPresence: c.startDate ? yesNo(c.nightPresence) : undefined,
      sundayPresence: c.startDate ? yesNo(c.sundayPresence) : undefined,
      holidayPresence: c.startDate ? yesNo(c.holidayPresence) : undefined,
      internshipType: c.internshipType ?? details.programme.internshipTypes[0],
    };
    await renderStep(req, res, 'internship', details, { internshipTypes: details.programme.internshipTypes }, defaults);
  });
  router.post('/', async (req, res) => {
    const form = await parseStep(req, res, 'internship', internshipSchema);
    if (!form) return;
    const { interruption1Start, interruption1End, interruption2Start, interruption2End, scheduleKind, ...data } = form;
    const interruptions = [
      [interruption1Start, interruption1End],
      [interruption2Start, interruption2End],
    ]
      .filter((pair): pair is [string, string] => Boolean(pair[0] && pair[1]))
      .map(([start, end]) => ({ start, end }));
    await saveInternship(services.db, draftCommand(req), {
      ...data,
      interruptions,
      irregularSchedule: scheduleKind === 'irregular' ? data.irregularSchedule : null,
      nightDescription: data.nightPresence ? data.nightDescription : null,
      sundayDescription: data.sundayPresence ? data.sundayDescription : null,
      holidayDescription: data.holidayPresence ? data.holidayDescription : null,
    });
    nextPage(req, res, 'internship');
  });
  return router;
}
