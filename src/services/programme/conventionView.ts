import type { Finding } from '../../domain/legalRules';
import { notFound } from '../../errors';
import { conventionRepository, type ConventionEventRow } from '../../models/conventionRepository';
import { conventionHistory } from '../conventions/history';
import type { Database } from '../../models/database';
import { userRepository, type User } from '../../models/userRepository';
import { detailsOf, legalFindings, type ConventionDetails } from '../student/conventionDetails';

export interface ProgrammeConventionView extends ConventionDetails {
  student: User | undefined;
  findings: Finding[];
  events: ConventionEventRow[];
}

/** A convention of the programme as the head reads it (no action: the office validates); another programme's is not found. */
export async function loadProgrammeConvention(
  db: Database,
  programmeId: number,
  conventionId: number,
  today: string,
): Promise<ProgrammeConventionView> {
  const convention = await conventionRepository.findById(db, conventionId);
  if (!convention || convention.programmeId !== programmeId) throw notFound();
  const details = await detailsOf(db, convention);
  return {
    ...details,
    student: await userRepository.findById(db, convention.studentUserId),
    findings: (await legalFindings(db, details, today)) ?? [],
    events: await conventionHistory(db, convention.id),
  };
}
