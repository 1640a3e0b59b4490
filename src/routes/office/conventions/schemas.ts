import { z } from 'zod';
import { isIsoDate, isPlausibleDate } from '../../../domain/calendarDate';
import { signatureParties } from '../../../domain/workflow';
import { idSchema, optionalIdSchema } from '../../shared/ids';
import { crossChecks, defineForm } from '../../shared/validate';

/** One schema per office form; messages are i18n keys shown next to the field. */
const required = 'office.errors.required';
const reason = () => z.string({ error: required }).trim().min(1, { error: required }).max(2000, { error: 'office.errors.tooLong' });
/** A signature's date as the office types it. */
export const signatureDate = () => date();
const date = () =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .refine(isIsoDate, { error: 'office.errors.date', abort: true })
    .refine(isPlausibleDate, { error: 'office.errors.dateOutOfRange' });

export const validateSchema = z.object({
  overrideReason: z
    .string()
    .trim()
    .max(2000, { error: 'office.errors.tooLong' })
    .optional()
    .transform((value) => value || null),
});
export const reasonSchema = z.object({ reason: reason() });
/** What the office did about one re-check flag, named by the key the page showed it under. */
export const cumulationReviewSchema = z.object({
  flagKey: z.string({ error: 'errors.conflict' }).min(1, { error: 'errors.conflict' }).max(500, { error: 'errors.conflict' }),
  note: reason(),
});
export const signatureSchema = z.object({
  party: z.enum(signatureParties, { error: 'office.errors.choose' }),
  signedAt: date(),
  method: z.enum(['paper', 'electronic'], { error: 'office.errors.choose' }),
});
export const certificateSchema = z
  .object({
    documentId: idSchema('office.errors.choose'),
    decision: z.enum(['accepted', 'rejected'], { error: 'office.errors.choose' }),
    reason: z.string().trim().max(2000, { error: 'office.errors.tooLong' }).optional().default(''),
  })
  .superRefine(
    ...crossChecks<{ decision: string; reason: string }>(({ form, parsed, issue }) => {
      if (parsed('decision', 'reason') && form.decision === 'rejected' && !form.reason) issue('reason', 'office.errors.rejectionReason');
    }),
  );
export const deanSchema = z.object({ signedAt: date() });

/** '1 234,56', '1234.5' or '0': hours or euros as the office types them, at most two decimals. */
const amount = (max: number) =>
  z
    .string({ error: required })
    .transform((value) => value.replace(/[\s\u00a0\u202f]/g, ''))
    .pipe(
      z
        .string()
        .min(1, { error: required })
        .regex(/^\d+([.,]\d{1,2})?$/, { error: 'office.errors.number' })
        .transform((value) => Number(value.replace(',', '.')))
        .pipe(z.number().max(max, { error: 'office.errors.tooLarge' })),
    );

/** What the attestation de stage certifies (D124-9), entered by the office at the end of the internship. */
export const internshipEndSchema = z.object({
  actualEndDate: date(),
  effectiveHours: amount(5000).refine((hours) => hours > 0, { error: 'office.errors.positive' }),
  totalGratificationPaid: amount(1_000_000),
});

const states = ['draft', 'returned', 'submitted', 'validated', 'signed_by_parties', 'complete', 'cancelled'] as const;
const optionalDate = () => z.string().trim().refine(isPlausibleDate).optional().catch(undefined);

/** The list's GET filters: a value that does not parse is ignored (and a badly written date is pointed out). */
export const filterSchema = z.object({
  academicYear: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional()
    .catch(undefined),
  programmeId: optionalIdSchema(),
  state: z.enum(states).optional().catch(undefined),
  organisationId: optionalIdSchema(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  startFrom: optionalDate(),
  startTo: optionalDate(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .catch(undefined)
    .transform((value) => value ?? 1),
});
export const queueStates = states;

/** The signatories' order: in parallel, or one after the other (one select per position, each party once). */
export const signatureOrderSchema = z
  .object({
    mode: z.enum(['parallel', 'sequential'], { error: 'office.errors.choose' }),
    sequence: z.preprocess((value) => [value ?? []].flat(), z.array(z.enum(signatureParties, { error: 'office.errors.choose' }))),
  })
  .transform((form) =>
    form.mode === 'parallel' ? { mode: 'parallel' as const } : { mode: 'sequential' as const, sequence: form.sequence },
  );

/**
 * The office's action forms on a convention, each field with the label its page shows (views/office/conventions/
 * partials/actions.ejs), so the summary names the field as the form does.
 */
export const officeForms = {
  validate: defineForm(validateSchema, { overrideReason: 'office.actions.validate.overrideReason' }),
  return: defineForm(reasonSchema, { reason: 'office.actions.return.reason' }),
  cancel: defineForm(reasonSchema, { reason: 'office.actions.cancel.reason' }),
  signature: defineForm(signatureSchema, {
    party: 'office.actions.signature.party',
    signedAt: 'office.actions.signature.signedAt',
    method: 'office.actions.signature.method',
  }),
  certificate: defineForm(certificateSchema, {
    documentId: 'office.actions.certificate.title',
    decision: 'office.actions.certificate.decision',
    reason: 'office.actions.certificate.reason',
  }),
  dean: defineForm(deanSchema, { signedAt: 'office.actions.dean.signedAt' }),
  internshipEnd: defineForm(internshipEndSchema, {
    actualEndDate: 'office.internshipEnd.actualEndDate',
    effectiveHours: 'office.internshipEnd.effectiveHours',
    totalGratificationPaid: 'office.internshipEnd.totalGratificationPaid',
  }),
  cumulation: defineForm(cumulationReviewSchema, { flagKey: 'cumulation.title', note: 'office.cumulationReview.note' }),
} as const;
