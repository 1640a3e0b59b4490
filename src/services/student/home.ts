import { signedStates } from '../../domain/conventionStatus';
import type { ConventionState } from '../../domain/workflow';
import type { Database } from '../../models/database';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import { documentRepository, type DocumentSummary } from '../../models/documentRepository';
import { programmeRepository, type Programme } from '../../models/programmeRepository';
import { subjectRepository, type Subject } from '../../models/subjectRepository';
import { userRepository, type User } from '../../models/userRepository';
import { hasDownloadedFiche } from './ficheDeLiaison';
import { signsOnline } from './signatureProgress';
import { nextStepOf } from './wizardSteps';

export type ChecklistState = 'todo' | 'waiting' | 'done' | 'problem';
export interface ChecklistItem {
  key: 'subject' | 'fiche' | 'certificate' | 'convention' | 'signatures' | 'office';
  state: ChecklistState;
}

export interface StudentHome {
  user: User;
  programmes: Programme[];
  subjects: (Subject & { programmeTitle: string })[];
  conventions: (Convention & { programmeTitle: string; resumeStep: string; returned: boolean; signsOnline: boolean })[];
  certificate: DocumentSummary | undefined;
  checklist: ChecklistItem[];
}

const SIGNED = signedStates;

/** Everything the student home shows: the checklist before and after the convention, subjects and conventions. */
export async function loadStudentHome(db: Database, userId: number): Promise<StudentHome> {
  const user = (await userRepository.findById(db, userId))!;
  const programmes = await programmeRepository.listForUser(db, userId, 'student');
  const subjects = await subjectRepository.listForStudent(db, userId);
  const conventions = await conventionRepository.listForStudent(db, userId);
  const [certificate] = await documentRepository.listCertificates(db, userId);
  const titles = new Map(
    (await programmeRepository.listByIds(db, [...new Set([...subjects, ...conventions].map((row) => row.programmeId))])).map((p) => [
      p.id,
      p.title,
    ]),
  );
  const live = conventions.filter((convention) => convention.state !== 'cancelled');
  const stateOf = (states: readonly ConventionState[]) => live.some((convention) => states.includes(convention.state));

  const checklist: ChecklistItem[] = [
    { key: 'subject', state: subjectState(subjects) },
    { key: 'fiche', state: (await hasDownloadedFiche(db, userId)) ? 'done' : 'todo' },
    {
      key: 'certificate',
      state: !certificate ? 'todo' : certificate.status === 'accepted' ? 'done' : certificate.status === 'rejected' ? 'problem' : 'waiting',
    },
    { key: 'convention', state: stateOf(['validated', ...SIGNED]) ? 'done' : stateOf(['submitted']) ? 'waiting' : 'todo' },
    { key: 'signatures', state: stateOf(SIGNED) ? 'done' : 'todo' },
    { key: 'office', state: stateOf(['complete']) ? 'done' : 'todo' },
  ];
  return {
    user,
    programmes,
    subjects: subjects.map((subject) => ({ ...subject, programmeTitle: titles.get(subject.programmeId) ?? '' })),
    conventions: await Promise.all(
      conventions.map(async (convention) => ({
        ...convention,
        programmeTitle: titles.get(convention.programmeId) ?? '',
        resumeStep: nextStepOf(convention),
        returned: convention.state === 'draft' && (await wasReturned(db, convention.id)),
        signsOnline: ['validated', 'signed_by_parties'].includes(convention.state) && (await signsOnline(db, convention.id)),
      })),
    ),
    certificate,
    checklist,
  };
}

function subjectState(subjects: Subject[]): ChecklistState {
  if (subjects.some((subject) => subject.state === 'validated')) return 'done';
  if (subjects.some((subject) => subject.state === 'proposed')) return 'waiting';
  return subjects.length > 0 ? 'problem' : 'todo';
}

/** A draft the office sent back shows as returned, not as a draft like any other. */
async function wasReturned(db: Database, conventionId: number): Promise<boolean> {
  const events = await conventionRepository.listEvents(db, conventionId);
  return events.filter((event) => event.event === 'return' || event.event === 'submit').at(-1)?.event === 'return';
}
