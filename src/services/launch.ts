import type { IdToken } from 'ltijs';
import { AppError } from '../errors';
import { localeFromLaunch, mapLaunchRoles } from '../lti/roleMapping';
import type { Database } from '../models/database';
import { ltiDeploymentRepository } from '../models/ltiDeploymentRepository';
import { officeGrantRepository } from '../models/officeGrantRepository';
import { programmeRepository } from '../models/programmeRepository';
import { userRepository } from '../models/userRepository';
import { documentTargetFromLaunch } from '../middleware/presentation';
import type { SessionData } from '../middleware/session';

export interface LaunchResult {
  session: Omit<SessionData, 'csrfToken'>;
  redirectTo: string;
  /** A student who opened the staff entry (the programme panel placed by deep linking): told it is for staff, offered their own space. */
  staffEntryRefused?: boolean;
}

/** Who is granted the office role by configuration: their e-mail, their LMS id, or `issuer|id`. */
function isBootstrapped(bootstrap: string[], token: IdToken): boolean {
  const email = token.userInfo.email?.toLowerCase();
  return bootstrap.some((entry) => {
    const value = entry.toLowerCase();
    return value === email || entry === token.user || entry === `${token.iss}|${token.user}`;
  });
}

/** The programme's yearly teaching volume, when the LMS link carries it (custom parameter `teaching_hours`). */
function teachingHoursFrom(custom: Record<string, string> | undefined): number | undefined {
  const hours = Number(custom?.teaching_hours);
  return Number.isInteger(hours) && hours > 0 ? hours : undefined;
}

/**
 * Records who launched and from where (the platform's first deployment, user, programme, membership, office grant) in one transaction,
 * then chooses the home of their role: programme panel, office dashboard or student home.
 */
export async function recordLaunch(db: Database, officeBootstrap: string[], token: IdToken): Promise<LaunchResult> {
  const launch = token.platformContext;
  const context = launch.context;
  const globalEntry = launch.custom?.entry === 'global';
  const roles = mapLaunchRoles(launch.roles ?? [], Boolean(context) && !globalEntry);
  const locale = localeFromLaunch(launch.launchPresentation?.locale);

  return db.transaction(async (tx) => {
    await ltiDeploymentRepository.recordIfFirst(tx, token.iss, token.clientId, token.deploymentId);
    const user = await userRepository.upsertFromLaunch(tx, {
      iss: token.iss,
      sub: token.user,
      name: token.userInfo.name ?? [token.userInfo.given_name, token.userInfo.family_name].filter(Boolean).join(' '),
      givenName: token.userInfo.given_name ?? null,
      familyName: token.userInfo.family_name ?? null,
      email: token.userInfo.email ?? null,
      studentNumber: launch.lis?.person_sourcedid ?? null,
      locale,
    });

    if (isBootstrapped(officeBootstrap, token)) await officeGrantRepository.grant(tx, user.id, null, 'OFFICE_BOOTSTRAP');
    const office = roles.office || (await officeGrantRepository.isGranted(tx, user.id));

    let programmeId: number | null = null;
    let programmeStaff = false;
    if (context && !globalEntry && (roles.programmeStaff || roles.student || roles.administratorInCourse)) {
      const programme = await programmeRepository.upsertFromLaunch(tx, {
        iss: token.iss,
        clientId: token.clientId,
        deploymentId: token.deploymentId,
        contextId: context.id,
        title: context.title ?? context.label ?? context.id,
        label: context.label,
        lineItemsUrl: launch.endpoint?.lineitems,
        lineItemUrl: launch.endpoint?.lineitem,
        membershipsUrl: launch.namesRoles?.context_memberships_url,
        teachingHours: teachingHoursFrom(launch.custom),
      });
      // A site administrator teaches this course only if its roster lists them; otherwise they act as office,
      // never in the course's staff (nor offered to students as a tutor).
      const staff =
        roles.programmeStaff ||
        (roles.administratorInCourse && (await programmeRepository.hasMembership(tx, user.id, programme.id, 'staff', 'nrps')));
      if (staff) await programmeRepository.addMembership(tx, user.id, programme.id, 'staff');
      // A staff membership an earlier version recorded from an administrator's launch alone goes at their next launch.
      else if (roles.administratorInCourse) await programmeRepository.removeMembership(tx, user.id, programme.id, 'staff', 'launch');
      if (roles.student) await programmeRepository.addMembership(tx, user.id, programme.id, 'student');
      if (staff || roles.student) programmeId = programme.id;
      programmeStaff = staff;
    }

    const documentTarget = documentTargetFromLaunch(launch.launchPresentation?.document_target);
    const base = { userId: user.id, locale, office, student: roles.student, programmeId, documentTarget };
    if (programmeStaff && programmeId !== null) {
      return { session: { ...base, activeRole: 'staff' }, redirectTo: `/programme/${programmeId}` };
    }
    if (office) return { session: { ...base, activeRole: 'office' }, redirectTo: '/office' };
    // The item's target (deep linking's custom `target`) never changes where a role lands: only a student at the staff entry is told.
    if (roles.student)
      return { session: { ...base, activeRole: 'student' }, redirectTo: '/student', staffEntryRefused: launch.custom?.target === 'panel' };
    throw new AppError(403, 'launch.noRole');
  });
}
