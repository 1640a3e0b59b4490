import { z } from 'zod';
import {
  amendmentKinds,
  amendmentRefusals,
  terminationInitiatives,
  type AmendableTerms,
  type AmendmentChanges,
} from '../../domain/amendment';
import { optionalDate, optionalDecimal, optionalEmail, optionalText, phone } from '../shared/formFields';
import { idSchema } from '../shared/ids';

/** A teacher the programme head may name as the new academic referent. */
export interface ReferentChoice {
  id: number;
  name: string;
}

const required = 'student.errors.required';

const kindsField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.enum(amendmentKinds, { error: 'amendment.errors.kind' })).max(amendmentKinds.length));

const form = z.object({
  kinds: kindsField,
  startDate: optionalDate(),
  endDate: optionalDate(),
  terminationDate: optionalDate(),
  terminationInitiative: z
    .enum(terminationInitiatives, { error: 'student.errors.choose' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  terminationReason: optionalText(2000),
  interruptionStart: optionalDate(),
  interruptionEnd: optionalDate(),
  interruptionReason: optionalText(2000),
  gratificationAmount: optionalDecimal(100_000),
  gratificationUnit: z
    .enum(['hour', 'month'], { error: 'student.errors.choose' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  gratificationFrom: optionalDate(),
  tutorCivility: z
    .enum(['M.', 'Mme', 'Mx'], { error: 'student.errors.choose' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  tutorFirstName: optionalText(100),
  tutorLastName: optionalText(100),
  tutorFunction: optionalText(200),
  tutorEmail: optionalEmail(),
  tutorPhone: phone(),
  academicTutorId: z.union([z.literal('').transform(() => undefined), idSchema()]).optional(),
  activities: optionalText(4000),
  skills: optionalText(4000),
  placeText: optionalText(2000),
  otherText: optionalText(4000),
});

type Form = z.infer<typeof form>;

/**
 * The request form of an amendment, checked against the convention's current terms: each chosen kind's fields are
 * required, then the dates are checked (end before start, a termination or a period outside the internship), every
 * error at once, by field.
 */
export function amendmentRequestSchema(current: AmendableTerms, referents: readonly ReferentChoice[] = []) {
  return form.transform((data: Form, context): AmendmentChanges => {
    const issue = (path: string, message: string, params: Record<string, string | number> = {}) =>
      context.addIssue({ code: 'custom', path: [path], message, params });
    const need = <T>(value: T | null | undefined, path: string): T | undefined => {
      if (value === null || value === undefined) issue(path, required);
      return value ?? undefined;
    };
    const chosen = new Set(data.kinds);
    if (chosen.size === 0) issue('kinds', 'amendment.errors.noKind');
    const changes: AmendmentChanges = {};
    // What the dates are checked on: a kind's dates even when another of its fields is missing, so that a
    // termination or a period outside the internship is told in the same pass as the missing reason.
    const dated: AmendmentChanges = {};
    if (chosen.has('dates')) {
      const startDate = need(data.startDate, 'startDate');
      const endDate = need(data.endDate, 'endDate');
      if (startDate && endDate) changes.dates = { startDate, endDate };
    }
    if (chosen.has('termination')) {
      const date = need(data.terminationDate, 'terminationDate');
      const initiative = need(data.terminationInitiative, 'terminationInitiative');
      const reason = need(data.terminationReason, 'terminationReason');
      if (date && initiative && reason) changes.termination = { date, initiative, reason };
      if (date) dated.termination = { date, initiative: initiative ?? 'student', reason: reason ?? '' };
    }
    if (chosen.has('interruption')) {
      const start = need(data.interruptionStart, 'interruptionStart');
      const end = need(data.interruptionEnd, 'interruptionEnd');
      const reason = need(data.interruptionReason, 'interruptionReason');
      if (start && end && reason) changes.interruption = { start, end, reason };
      if (start && end) dated.interruption = { start, end, reason: reason ?? '' };
    }
    if (chosen.has('gratification')) {
      const amount = need(data.gratificationAmount, 'gratificationAmount');
      const unit = need(data.gratificationUnit, 'gratificationUnit');
      const from = need(data.gratificationFrom, 'gratificationFrom');
      if (amount !== undefined && unit && from) changes.gratification = { amount, unit, from };
      if (from) dated.gratification = { amount: amount ?? 0, unit: unit ?? 'hour', from };
    }
    if (chosen.has('professionalTutor')) {
      const firstName = need(data.tutorFirstName, 'tutorFirstName');
      const lastName = need(data.tutorLastName, 'tutorLastName');
      const role = need(data.tutorFunction, 'tutorFunction');
      const email = need(data.tutorEmail, 'tutorEmail');
      if (firstName && lastName && role && email)
        changes.professionalTutor = {
          civility: data.tutorCivility ?? null,
          firstName,
          lastName,
          function: role,
          email,
          phone: data.tutorPhone,
        };
    }
    if (chosen.has('academicTutor')) {
      const id = need(data.academicTutorId, 'academicTutorId');
      const referent = referents.find((choice) => choice.id === id);
      if (id !== undefined && !referent) issue('academicTutorId', 'student.errors.choose');
      if (referent) changes.academicTutor = { teacherId: referent.id, name: referent.name };
    }
    if (chosen.has('subject')) {
      const activities = need(data.activities, 'activities');
      if (activities) changes.subject = { activities, skills: data.skills };
    }
    if (chosen.has('place')) {
      const text = need(data.placeText, 'placeText');
      if (text) changes.place = { text };
    }
    if (chosen.has('other')) {
      const text = need(data.otherText, 'otherText');
      if (text) changes.other = { text };
    }
    if (chosen.size > 0)
      for (const refusal of amendmentRefusals(current, { ...changes, ...dated }).filter((refusal) => refusal.field !== 'kinds'))
        issue(refusal.field, refusal.key, refusal.params);
    return changes;
  });
}
