import { AppError, notFound } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Database } from '../../models/database';
import { programmeRepository, type Programme } from '../../models/programmeRepository';

export interface ProgrammeSettingsChange {
  teachingHours: number;
  internshipTypes: string[];
}

/**
 * The settings as a form showed them. The programme has no version column; its settings are few, so the form
 * carries what it showed and a save over anything else (another staff member's save meanwhile) is a conflict.
 */
export function settingsToken(programme: Pick<Programme, 'teachingHours' | 'teachingHoursSource' | 'internshipTypes'>): string {
  return [programme.teachingHours ?? '', programme.teachingHoursSource ?? '', programme.internshipTypes.join(',')].join('|');
}

/**
 * The programme's staff set its yearly teaching volume and the internship types it offers. Hours set here are
 * marked as entered by hand, so a later launch carrying the LMS link's `teaching_hours` no longer replaces them.
 */
export async function updateProgrammeSettings(
  db: Database,
  programmeId: number,
  actorUserId: number,
  settings: ProgrammeSettingsChange,
  seen: string,
): Promise<Programme> {
  return db.transaction(async (tx) => {
    // Held until the end of the transaction, so two saves from the same page cannot both pass the check.
    const before = await programmeRepository.findByIdForUpdate(tx, programmeId);
    if (!before) throw notFound();
    if (settingsToken(before) !== seen) throw new AppError(409, 'programme.settings.conflict');
    const programme = await programmeRepository.updateSettings(tx, programmeId, settings);
    if (!programme) throw notFound();
    await auditRepository.record(tx, {
      actorUserId,
      action: 'programme.settings',
      targetType: 'programme',
      targetId: programmeId,
      details: {
        teachingHours: { from: before.teachingHours, to: programme.teachingHours, fromSource: before.teachingHoursSource },
        internshipTypes: { from: before.internshipTypes, to: programme.internshipTypes },
      },
    });
    return programme;
  });
}

/** The office's read-only view: each programme still in use with its teaching hours and where they came from. */
export async function programmeTeachingVolumes(db: Database) {
  const rows = await programmeRepository.listTeachingVolumes(db);
  return rows.filter((row) => !row.archived);
}
