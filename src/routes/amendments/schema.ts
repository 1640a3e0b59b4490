import { z } from 'zod';
import {
  amendmentKinds,
  amendmentRefusals,
  terminationInitiatives,
  type AmendableTerms,
  type AmendmentChanges,
} from '../../domain/amendment';
import { optionalDate, optionalDecimal, optionalText } from '../shared/formFields';

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
  placeText: optionalText(2000),
  otherText: optionalText(4000),
});

type Form = z.infer<typeof form>;

/**
 * The request form of an amendment, checked against the convention's current terms: each chosen kind's fields are
 * required, then the dates are checked (end before start, a termination or a period outside the internship), every
 * error at once, by field.
 */
export function amendmentRequestSchema(current: AmendableTerms) {
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
    }
    if (chosen.has('interruption')) {
      const start = need(data.interruptionStart, 'interruptionStart');
      const end = need(data.interruptionEnd, 'interruptionEnd');
      const reason = need(data.interruptionReason, 'interruptionReason');
      if (start && end && reason) changes.interruption = { start, end, reason };
    }
    if (chosen.has('gratification')) {
      const amount = need(data.gratificationAmount, 'gratificationAmount');
      const unit = need(data.gratificationUnit, 'gratificationUnit');
      const from = need(data.gratificationFrom, 'gratificationFrom');
      if (amount !== undefined && unit && from) changes.gratification = { amount, unit, from };
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
      for (const refusal of amendmentRefusals(current, changes).filter((refusal) => refusal.field !== 'kinds'))
        issue(refusal.field, refusal.key, refusal.params);
    return changes;
  });
}
