import { isMinorOn } from '../../domain/minority';
import { AppError } from '../../errors';
import type { Database } from '../../models/database';
import type { LegalRepresentative } from '../../models/schema';
import { editableDraft, saveDraft, type DraftCommand } from './conventionDraft';

/** Article 10 (D124-4 10°, L124-13) and Article 9 (D124-4 14°) of the convention, as the host grants them. */
export interface LeaveTerms {
  leaveDaysGranted: number | null;
  absenceTerms: string;
  hostInternalRules: string | null;
}

export async function saveLeaveTerms(db: Database, command: DraftCommand, terms: LeaveTerms) {
  return db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    return saveDraft(tx, convention, command.version, 'leave', terms);
  });
}

/** A minor's legal representative signs the convention too; an adult has none to give. */
export async function saveLegalRepresentative(db: Database, command: DraftCommand, representative: LegalRepresentative) {
  return db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    if (!isMinorOn(convention.student.birthDate, convention.startDate)) throw new AppError(409, 'student.legalRepresentative.notMinor');
    return saveDraft(tx, convention, command.version, 'legal-representative', { legalRepresentative: representative });
  });
}
