import { AppError } from '../../errors';

/** A refusal about one field of the office's form: shown next to that field. */
export function fieldError(field: string, messageKey: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(422, messageKey, { ...params, field });
}

/** Signature dates: not in the future, not before the validation. */
export function checkSignatureDate(signedAt: string, today: string, validationDay: string | null): void {
  if (signedAt > today) throw fieldError('signedAt', 'office.errors.signedInFuture');
  if (validationDay && signedAt < validationDay)
    throw fieldError('signedAt', 'office.errors.signedBeforeValidation', { date: validationDay });
}
