import { programmeRepository } from '../../models/programmeRepository';
import type { Services } from '..';
import { refreshRoster } from './roster';

/**
 * Who to tell that a subject waits: the programme's staff as Pstage knows them. A programme whose heads never
 * launched Pstage has none yet, so the course roster (LTI Names and Roles) is fetched first. An LMS that does
 * not answer is recorded by refreshRoster and the proposal goes on without the mail to staff.
 */
export async function makeProgrammeStaffKnown(services: Services, studentUserId: number, programmeId: number): Promise<void> {
  // Only for the student's own programme: a crafted id must not make Pstage call the LMS.
  if (!(await programmeRepository.hasMembership(services.db, studentUserId, programmeId, 'student'))) return;
  if ((await programmeRepository.listMembers(services.db, programmeId, 'staff')).length > 0) return;
  const programme = await programmeRepository.findById(services.db, programmeId);
  if (programme?.membershipsUrl) await refreshRoster(services, programme);
}
