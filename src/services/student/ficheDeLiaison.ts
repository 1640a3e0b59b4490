import { academicYearOf } from '../../domain/academicYear';
import { auditRepository } from '../../models/auditRepository';
import type { FicheDeLiaisonPrefill } from '../../documents/types';
import type { Database } from '../../models/database';
import { programmeRepository } from '../../models/programmeRepository';
import { subjectRepository } from '../../models/subjectRepository';
import { teacherRepository } from '../../models/teacherRepository';
import { userRepository } from '../../models/userRepository';
import { cachedPdf } from '../documents/pdfCache';
import type { PdfRenderer } from '../documents/pdfRenderer';

/** The fiche de liaison with what Pstage already knows (student, programme, tutor); the host's part is left empty. */
export async function ficheDeLiaisonFor(
  db: Database,
  userId: number,
  programmeId: number | null,
  language: 'fr' | 'en',
  today: string,
  renderer: PdfRenderer,
): Promise<Buffer> {
  const user = (await userRepository.findById(db, userId))!;
  const subjects = await subjectRepository.listForStudent(db, userId);
  const programmes = await programmeRepository.listForUser(db, userId, 'student');
  const programme = programmes.find((candidate) => candidate.id === programmeId) ?? programmes[0];
  const subject = subjects.find((candidate) => candidate.state === 'validated' && candidate.programmeId === programme?.id);
  const tutor = subject?.academicTutorId ? await teacherRepository.findById(db, subject.academicTutorId) : undefined;
  const prefill: Partial<FicheDeLiaisonPrefill> = {
    studentName: user.name,
    programmeTitle: programme?.title,
    academicYear: academicYearOf(today),
    ...(tutor ? { academicTutorName: `${tutor.firstName} ${tutor.lastName}` } : {}),
    ...(subject?.hostName ? { hostName: subject.hostName } : {}),
  };
  const pdf = await cachedPdf(db, renderer, `fiche-de-liaison:${userId}:${programme?.id ?? 'none'}:${language}`, 'ficheDeLiaison', [
    prefill,
    language,
  ]);
  if (!(await hasDownloadedFiche(db, userId))) {
    await auditRepository.record(db, { actorUserId: userId, action: FICHE_DOWNLOADED, targetType: 'user', targetId: userId });
  }
  return pdf;
}

const FICHE_DOWNLOADED = 'student.downloadFicheDeLiaison';

/** The student's checklist says the fiche is done once they downloaded it (the first download is in the audit log). */
export async function hasDownloadedFiche(db: Database, userId: number): Promise<boolean> {
  return (await auditRepository.listForTarget(db, 'user', userId)).some((entry) => entry.action === FICHE_DOWNLOADED);
}
