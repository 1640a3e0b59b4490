import { notFound } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Database } from '../../models/database';
import { programmeRepository, type Programme } from '../../models/programmeRepository';

export interface ProgrammeSettingsChange {
  teachingHours: number;
  internshipTypes: string[];
}

/**
 * The programme's staff set its yearly teaching volume and the internship types it offers. Hours set here are
 * marked as entered by hand, so a later launch carrying the LMS link's `teaching_hours` no longer replaces them.
 */
export async function updateProgrammeSettings(db: Database, programmeId: number, actorUserId: number, settings: ProgrammeSettingsChange): Promise<Programme> {
  return db.transaction(async (tx) => {
    const before = await programmeRepository.findById(tx, programmeId);
    if (!before) throw notFound();
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
