import type { Member } from 'ltijs';
import type { Programme } from '../models/programmeRepository';
import type { LtiTool } from './ltiTool';
import { mapRosterRoles } from './roleMapping';
import { serviceIdToken } from './serviceIdToken';

/** One person of the course roster, as Pstage keeps them. */
export interface RosterMember {
  sub: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  studentNumber: string | null;
  role: 'student' | 'staff' | null;
  /** Inactive or deleted enrolments count as departed. */
  active: boolean;
}

export class RosterUnavailableError extends Error {}

/** NRPS roles may be full URIs or short names (`Learner`): both map as at launch. */
function roleOf(roles: string[]): RosterMember['role'] {
  const normalised = roles.flatMap((role) => [role, `http://purl.imsglobal.org/vocab/lis/v2/membership#${role.split('#').at(-1)}`]);
  const mapped = mapRosterRoles(normalised);
  if (mapped.programmeStaff) return 'staff';
  if (mapped.student) return 'student';
  return null;
}

export function toRosterMember(member: Member): RosterMember {
  const name = member.name ?? [member.given_name, member.family_name].filter(Boolean).join(' ');
  return {
    sub: member.user_id,
    name: name || member.user_id,
    givenName: member.given_name ?? null,
    familyName: member.family_name ?? null,
    email: member.email ?? null,
    studentNumber: member.lis_person_sourcedid ?? null,
    role: roleOf(member.roles ?? []),
    active: (member.status ?? 'Active') === 'Active',
  };
}

/** Rejects after `ms`; the work itself goes on in the background, bounded by each request's own timeout. */
function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the LMS did not answer within ${ms / 1000} s`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The course's members from the platform's Names and Roles service (every page), through ltijs with the
 * platform's OAuth2 client-credentials token. Fails with RosterUnavailableError when the LMS cannot answer,
 * or has not answered everything (token and pages together) within `deadlineMs`: a page waiting for the
 * roster never waits longer.
 */
export async function fetchCourseRoster(lti: LtiTool, programme: Programme, deadlineMs: number): Promise<RosterMember[]> {
  if (!programme.membershipsUrl) throw new RosterUnavailableError('The LMS did not offer the Names and Roles service for this course.');
  try {
    const container = await withinDeadline(lti.provider.NamesAndRoles.getMembers(serviceIdToken(programme), { pages: 1000 }), deadlineMs);
    return (container.members ?? []).map(toRosterMember);
  } catch (error) {
    throw new RosterUnavailableError(error instanceof Error ? error.message : String(error));
  }
}
