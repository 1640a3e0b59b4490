/** Pstage roles derived from the LTI roles claim of one launch. */
export interface LaunchRoles {
  student: boolean;
  programmeStaff: boolean;
  office: boolean;
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
 * Learner → student; Instructor, ContentDeveloper or TeachingAssistant in the context → programme staff;
 * institution/system Administrator → office. Context roles only count when the launch has a context.
 */
export function mapLaunchRoles(roles: readonly string[], hasContext: boolean): LaunchRoles {
  const has = (list: string[]) => roles.some((role) => list.includes(role));
  return {
    student: has(learner),
    programmeStaff: hasContext && has(staff),
    office: has(administrator),
  };
}

/** `fr-FR`, `fr_CA` → 'fr'; `en-GB` → 'en'; anything else → French. */
export function localeFromLaunch(locale: string | undefined): 'fr' | 'en' {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
