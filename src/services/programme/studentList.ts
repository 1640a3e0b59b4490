import { signedStates } from '../../domain/conventionStatus';
import { toDayNumber } from '../../domain/calendarDate';
import { conventionStates, type ConventionState } from '../../domain/workflow';
import type { Convention } from '../../models/conventionRepository';
import type { Database } from '../../models/database';
import { programmePanelRepository } from '../../models/programmePanelRepository';
import { rosterRepository } from '../../models/rosterRepository';
import type { Subject } from '../../models/subjectRepository';
import type { Teacher } from '../../models/teacherRepository';
import type { User } from '../../models/userRepository';

export type StudentWarning = 'departed' | 'noSubject' | 'subjectRejected' | 'submittedWithoutTutor' | 'startSoon';
export const listFilters = ['all', 'toValidate', 'withoutTutor', 'withoutConvention'] as const;
export type ListFilter = (typeof listFilters)[number];

export interface StudentRow {
  user: User;
  departed: boolean;
  subject: Subject | undefined;
  convention: (Convention & { returned?: boolean }) | undefined;
  tutor: Teacher | undefined;
  startDate: string | null;
  warnings: StudentWarning[];
}

export interface ListQuery {
  filter: ListFilter;
  state: ConventionState | null;
  search: string;
}

/** How close a start date must be to warn when the convention is not signed yet. */
const START_SOON_DAYS = 30;
const SIGNED = signedStates;

function latest<T>(rows: T[]): T | undefined {
  return rows.at(-1);
}

/** The latest live convention, or the latest cancelled one when there is nothing else. */
function currentConvention<T extends Convention>(rows: T[]): T | undefined {
  return latest(rows.filter((row) => row.state !== 'cancelled')) ?? latest(rows);
}

function warningsOf(row: Omit<StudentRow, 'warnings'>, today: string): StudentWarning[] {
  const warnings: StudentWarning[] = [];
  if (row.departed) warnings.push('departed');
  if (!row.subject) warnings.push('noSubject');
  else if (row.subject.state === 'rejected') warnings.push('subjectRejected');
  if (row.convention?.state === 'submitted' && row.convention.academicTutorId === null) warnings.push('submittedWithoutTutor');
  const live = row.convention && row.convention.state !== 'cancelled';
  if (
    row.startDate &&
    !(live && SIGNED.includes(row.convention!.state)) &&
    toDayNumber(row.startDate) - toDayNumber(today) <= START_SOON_DAYS
  ) {
    warnings.push('startSoon');
  }
  return warnings;
}

/** Lower case without accents: « Élodie » is found with « elodie ». */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function matches(row: StudentRow, query: ListQuery): boolean {
  if (query.search) {
    const haystack = searchable(
      [row.user.name, row.user.givenName, row.user.familyName, row.user.studentNumber, row.user.email].filter(Boolean).join(' '),
    );
    if (
      !searchable(query.search)
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  if (query.state && row.convention?.state !== query.state) return false;
  switch (query.filter) {
    case 'toValidate':
      return row.subject?.state === 'proposed';
    case 'withoutTutor':
      return !row.tutor;
    case 'withoutConvention':
      return !row.convention || row.convention.state === 'cancelled';
    default:
      return true;
  }
}

export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const filter = listFilters.find((value) => value === query.filter) ?? 'all';
  const state = conventionStates.find((value) => value === query.state) ?? null;
  const search = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
  return { filter, state, search };
}

/**
 * Every student of the programme: the course roster merged with the students who have a subject or a
 * convention in it (someone who left the course keeps their history and shows as departed).
 */
export async function loadStudentList(
  db: Database,
  programmeId: number,
  query: ListQuery,
  today: string,
): Promise<{ rows: StudentRow[]; total: number }> {
  const members = await programmePanelRepository.studentMemberships(db, programmeId);
  const subjects = await programmePanelRepository.subjects(db, programmeId);
  const conventions = await programmePanelRepository.conventions(db, programmeId);
  const sync = await rosterRepository.findSync(db, programmeId);
  const ids = [
    ...new Set([...members.map((m) => m.userId), ...subjects.map((s) => s.studentUserId), ...conventions.map((c) => c.studentUserId)]),
  ];
  const users = await programmePanelRepository.usersByIds(db, ids);
  const membershipOf = new Map(members.map((m) => [m.userId, m]));

  const partial = users.map((user) => {
    const subject = latest(subjects.filter((s) => s.studentUserId === user.id));
    const convention = currentConvention(conventions.filter((c) => c.studentUserId === user.id));
    const membership = membershipOf.get(user.id);
    const departed = !membership || Boolean(sync?.syncedAt && membership.lastSeenAt < sync.syncedAt);
    return {
      user,
      departed,
      subject,
      convention,
      tutorId: convention?.academicTutorId ?? subject?.academicTutorId ?? null,
      startDate: convention?.startDate ?? subject?.approximateStart ?? null,
    };
  });
  const tutors = new Map(
    (await programmePanelRepository.teachersByIds(db, [...new Set(partial.flatMap((row) => (row.tutorId ? [row.tutorId] : [])))])).map(
      (t) => [t.id, t],
    ),
  );
  const rows = partial
    .map(({ tutorId, ...row }) => {
      const withTutor = { ...row, tutor: tutorId ? tutors.get(tutorId) : undefined };
      return { ...withTutor, warnings: warningsOf(withTutor, today) };
    })
    .sort((a, b) =>
      searchable(`${a.user.familyName ?? a.user.name} ${a.user.givenName ?? ''}`).localeCompare(
        searchable(`${b.user.familyName ?? b.user.name} ${b.user.givenName ?? ''}`),
      ),
    );
  return { rows: rows.filter((row) => matches(row, query)), total: rows.length };
}
