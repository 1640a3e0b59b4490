import { advanceInternships } from '../../src/services/evaluations/advanceInternships';
import { completeAsOffice, validateAsOffice } from '../services/office/officeJourney';
import { nextYear } from './clock';
import type { TestPstage } from './pstage';
import { submitConventionAsStudent } from './studentJourney';

/** validInternship: from 2 March to 26 June of next year. */
export const plannedEnd = `${nextYear}-06-26`;
export const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** A convention submitted by the student through the real forms, validated and completed by the office. */
export async function completeConvention(pstage: TestPstage) {
  const submitted = await submitConventionAsStudent(pstage);
  await validateAsOffice(pstage, submitted.convention.id);
  await completeAsOffice(pstage, submitted.convention.id);
  return { ...submitted, id: submitted.convention.id };
}

/** The daily scheduler's end-of-internship step on `day`. */
export const passOn = (pstage: TestPstage, day: string) =>
  pstage.database.db.transaction((tx) => advanceInternships(tx, { config: pstage.services.config, now: noon(day) }));
