/** Pstage roles derived from the LTI roles claim of one launch. */
export interface LaunchRoles {
  student: boolean;
  /** A course role that makes programme staff (Instructor, ContentDeveloper, TeachingAssistant), not held as an administrator. */
  programmeStaff: boolean;
  office: boolean;
  /**
   * An institution or system administrator with a course teaching role in this launch. Moodle gives its site
   * administrators `Instructor` in every course, enrolled or not (they hold every capability), so the launch alone
   * cannot say they teach there: only the course roster (NRPS lists enrolled members only) can.
   */
  administratorInCourse: boolean;
}

const learner = [
  'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Learner',
  'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student',
  'Learner',
];

const staff = [
  'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  'http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper',
  'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
  'Instructor',
  'ContentDeveloper',
  'TeachingAssistant',
];

const administrator = [
  'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
  'http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator',
  'http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin',
];

/**
 * Learner → student; Instructor, ContentDeveloper or TeachingAssistant in the context → programme staff, unless
 * the launch also carries an institution/system Administrator role (then `administratorInCourse`, see above);
 * institution/system Administrator → office. Context roles only count when the launch has a context.
 */
export function mapLaunchRoles(roles: readonly string[], hasContext: boolean): LaunchRoles {
  const has = (list: string[]) => roles.some((role) => list.includes(role));
  const teaches = hasContext && has(staff);
  const office = has(administrator);
  return {
    student: has(learner),
    programmeStaff: teaches && !office,
    office,
    administratorInCourse: teaches && office,
  };
}

/** The roster's view: a member listed with a teaching role is staff, administrator or not (NRPS lists only the enrolled). */
export function mapRosterRoles(roles: readonly string[]): Pick<LaunchRoles, 'student' | 'programmeStaff'> {
  const mapped = mapLaunchRoles(roles, true);
  return { student: mapped.student, programmeStaff: mapped.programmeStaff || mapped.administratorInCourse };
}

/** `fr-FR`, `fr_CA` → 'fr'; `en-GB` → 'en'; anything else → French. */
export function localeFromLaunch(locale: string | undefined): 'fr' | 'en' {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
