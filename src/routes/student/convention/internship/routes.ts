import { Router } from 'express';
import { presenceWeekdays, uniformDailyHours, WEEKDAYS, hoursOn } from '../../../../domain/weeklySchedule';
import type { Services } from '../../../../services';
import { isMinorOn } from '../../../../domain/minority';
import { legalFindings, type ConventionDetails } from '../../../../services/student/conventionDetails';
import { saveInternship } from '../../../../services/student/conventionDraft';
import { anchorOfField, internshipStepFindings } from '../../../../services/student/findingSteps';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';
import { internshipForm } from './schema';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The form's view of a stored week: a regular one fills the days and the hours per day, any one fills the seven days. */
function scheduleDefaults(schedule: readonly number[] | null) {
  if (!schedule) return { scheduleKind: 'regular', workingDays: ['1', '2', '3', '4', '5'] };
  const uniform = uniformDailyHours(schedule);
  return {
    scheduleKind: uniform === null ? 'irregular' : 'regular',
    workingDays: presenceWeekdays(schedule).map(String),
    hoursPerDay: uniform ?? undefined,
    ...Object.fromEntries(WEEKDAYS.map((day) => [`dayHours${day}`, hoursOn(schedule, day)])),
  };
}

/** Before the step is first saved, the validated subject gives the activities and the dates. */
function subjectDefaults({ convention, subject }: ConventionDetails) {
  if (convention.startDate || subject?.state !== 'validated') return {};
  return {
    activities: convention.activities ?? `${subject.title}\n${subject.description}`,
    startDate: subject.approximateStart ?? undefined,
    endDate: subject.approximateEnd ?? undefined,
  };
}

/**
 * Step 5: the internship itself; the total hours are computed from the calendar and shown back, and the legal
 * findings of the saved data are shown next to their fields. A post that brings new findings comes back here.
 */
export function internshipRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'internship');
    if (!details) return;
    const c = details.convention;
    const [first, second] = c.interruptions;
    const defaults = {
      ...c,
      ...subjectDefaults(details),
      interruption1Start: first?.start,
      interruption1End: first?.end,
      interruption2Start: second?.start,
      interruption2End: second?.end,
      ...scheduleDefaults(c.weeklySchedule),
      nightPresence: c.startDate ? yesNo(c.nightPresence) : undefined,
      sundayPresence: c.startDate ? yesNo(c.sundayPresence) : undefined,
      holidayPresence: c.startDate ? yesNo(c.holidayPresence) : undefined,
      internshipType: c.internshipType ?? details.programme.internshipTypes[0],
    };
    const today = services.clock.today();
    const findings = internshipStepFindings((await legalFindings(services.db, details, today)) ?? []).map((finding) => ({
      ...finding,
      anchor: anchorOfField(finding.field, c.weeklySchedule),
    }));
    const locals = {
      internshipTypes: details.programme.internshipTypes,
      findings,
      isMinor: isMinorOn(c.student.birthDate, c.startDate ?? today),
      conflictForm: internshipForm,
    };
    await renderStep(req, res, 'internship', details, locals, defaults);
  });
  router.post('/', async (req, res) => {
    const form = await parseStep(services, req, res, 'internship', internshipForm);
    if (!form) return;
    const { interruption1Start, interruption1End, interruption2Start, interruption2End, scheduleKind, ...data } = form;
    const interruptions = [
      [interruption1Start, interruption1End],
      [interruption2Start, interruption2End],
    ]
      .filter((pair): pair is [string, string] => Boolean(pair[0] && pair[1]))
      .map(([start, end]) => ({ start, end }));
    const saved = await saveInternship(
      services.db,
      draftCommand(req),
      {
        ...data,
        interruptions,
        irregularSchedule: scheduleKind === 'irregular' ? data.irregularSchedule : null,
        nightDescription: data.nightPresence ? data.nightDescription : null,
        nightHours: data.nightPresence ? data.nightHours : null,
        sundayDescription: data.sundayPresence ? data.sundayDescription : null,
        sundayHours: data.sundayPresence ? data.sundayHours : null,
        holidayDescription: data.holidayPresence ? data.holidayDescription : null,
        holidayHours: data.holidayPresence ? data.holidayHours : null,
        declaredTotalReason: data.declaredTotalHours === null ? null : data.declaredTotalReason,
      },
      services.clock.today(),
    );
    if (saved.newFindings.length > 0) {
      const back = req.body?.returnTo === 'recap' ? '?from=recap' : '';
      res.redirect(303, `/student/conventions/${saved.convention.id}/internship${back}`);
      return;
    }
    nextPage(req, res, 'internship');
  });
  return router;
}
