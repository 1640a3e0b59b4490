import { isMinorOn } from '../../domain/minority';
import type { SignatoryContext } from '../../domain/signatories';
import type { Convention } from '../../models/conventionRepository';

/** What decides who signs this convention: the student's age on the first day (a minor's representative signs too). */
export function signatoryContextOf(convention: Pick<Convention, 'student' | 'startDate'>): SignatoryContext {
  return { minorStudent: isMinorOn(convention.student.birthDate, convention.startDate) };
}
