import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../../../services';
import { academicTutorChoices } from '../../../../services/student/studentQueries';
import { saveAcademicTutor, type AcademicTutorChoice } from '../../../../services/student/conventionDraft';
import { parseId } from '../../../shared/ids';
import { civility, email, requiredText } from '../../../shared/formFields';
import { defineForm, fieldLabels } from '../../../shared/validate';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';

const newTeacher = z.object({ civility: civility(), firstName: requiredText(100), lastName: requiredText(100), email: email() });

const academicTutorLabels = fieldLabels('student.fields.', ['choice', 'civility', 'firstName', 'lastName', 'email']);

/** teacher-<id>, staff-<userId> (a programme instructor not yet a tutor) or new. */
export const academicTutorSchema = z.custom<unknown>().transform((body, context): AcademicTutorChoice => {
  const choice = String((body as { choice?: unknown })?.choice ?? '');
  const match = /^(teacher|staff)-(\d+)$/.exec(choice);
  const id = parseId(match?.[2]);
  if (match && id !== undefined) return match[1] === 'teacher' ? { teacherId: id } : { staffUserId: id };
  if (choice !== 'new') {
    context.addIssue({ code: 'custom', path: ['choice'], message: 'student.errors.choose' });
    return z.NEVER;
  }
  const parsed = newTeacher.safeParse(body);
  if (parsed.success) return { create: parsed.data };
  parsed.error.issues.forEach((issue) => context.addIssue({ code: 'custom', path: issue.path, message: issue.message }));
  return z.NEVER;
});

/**
 * Step 7: the referent the programme head assigned is the one, shown read-only with why (the office sees that one);
 * without an assignment, the student chooses a teacher of the programme or a new one, and the office sees that choice.
 */
const academicTutorForm = defineForm(academicTutorSchema, academicTutorLabels);
const assignedTutorForm = defineForm(academicTutorSchema, { choice: academicTutorLabels.choice });

export function academicTutorRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'academic-tutor');
    if (!details) return;
    const programmeId = details.convention.programmeId;
    const assignedId = details.subject?.academicTutorId ?? null;
    const { teachers, staff } = await academicTutorChoices(services.db, programmeId, assignedId);
    const assigned = teachers.find((teacher) => teacher.id === assignedId) ?? null;
    const current = assignedId ?? details.convention.academicTutorId;
    await renderStep(
      req,
      res,
      'academic-tutor',
      details,
      {
        teachers,
        staff,
        assignedId,
        assigned,
        // Assigned meanwhile: of the losing tab's fields only the choice is still shown, as the assigned referent.
        conflictForm: assigned ? assignedTutorForm : academicTutorForm,
        conflictAnchors: assigned ? { choice: 'assigned-tutor' } : {},
      },
      { choice: current ? `teacher-${current}` : '' },
    );
  });
  router.post('/', async (req, res) => {
    const data = await parseStep(services, req, res, 'academic-tutor', academicTutorForm);
    if (!data) return;
    await saveAcademicTutor(services.db, draftCommand(req), data);
    nextPage(req, res, 'academic-tutor');
  });
  return router;
}
