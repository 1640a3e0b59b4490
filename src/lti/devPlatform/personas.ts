import { role } from './vocabulary';

/** A context of the development platform: a programme course, or the site itself (Moodle's front page). */
export interface Course {
  id: string;
  label: string;
  title: string;
  kind: 'programme' | 'site';
  sourcedId: string;
}

/** A resource link placed in a course; a persona launches through one of them. */
export interface Link {
  id: string;
  contextId: string;
  resourceLinkId: string;
  title: string;
  messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  custom?: Record<string, string>;
  /** The maximum grade of the activity's own gradebook column (Moodle creates one with the activity, 100 by default). */
  gradeMaximum?: number;
}

export interface Membership {
  contextId: string;
  roles: string[];
}

export type PersonaGroup = 'student' | 'teacher' | 'office';

export interface Persona {
  id: string;
  sub: string;
  group: PersonaGroup;
  description: string;
  name: string;
  givenName: string;
  familyName: string;
  email: string;
  sourcedId: string;
  locale: string;
  memberships: Membership[];
  /** Roles that hold outside any course (institution and system roles). */
  institutionRoles: string[];
  linkIds: string[];
  /**
   * A Moodle site administrator: in every course, enrolled or not, Moodle sends them `Instructor` (they hold
   * mod/lti:manage everywhere) then the system and institution Administrator roles (mod/lti locallib's lti_get_ims_role).
   */
  siteAdministrator?: boolean;
}

export const courses: Course[] = [
  { id: 'course-m1-info', label: 'M1-INFO', title: 'M1 Informatique', kind: 'programme', sourcedId: 'M1-INFO-2025' },
  { id: 'course-l3-chimie', label: 'L3-CHIM', title: 'L3 Chimie', kind: 'programme', sourcedId: 'L3-CHIM-2025' },
  { id: 'site', label: 'e-campus', title: 'e-campus', kind: 'site', sourcedId: 'SITE' },
];

export const links: Link[] = [
  {
    id: 'global',
    contextId: 'site',
    resourceLinkId: 'rl-orientation-insertion',
    title: 'Orientation-Insertion',
    messageType: 'LtiResourceLinkRequest',
    custom: { entry: 'global' },
  },
  {
    id: 'office',
    contextId: 'site',
    resourceLinkId: 'rl-service-des-stages',
    title: 'Service des stages',
    messageType: 'LtiResourceLinkRequest',
  },
  {
    id: 'm1-info',
    contextId: 'course-m1-info',
    resourceLinkId: 'rl-m1-info-convention',
    title: 'Convention de stage',
    messageType: 'LtiResourceLinkRequest',
    custom: { teaching_hours: '420' },
    gradeMaximum: 100,
  },
  {
    id: 'm1-info-deep-link',
    contextId: 'course-m1-info',
    resourceLinkId: 'rl-m1-info-deep-link',
    title: 'Ajouter une activité Pstage',
    messageType: 'LtiDeepLinkingRequest',
  },
  // The two items Pstage's deep linking places (as Moodle keeps them): each launch carries the item's custom parameters.
  {
    id: 'm1-info-student-entry',
    contextId: 'course-m1-info',
    resourceLinkId: 'rl-m1-info-student-entry',
    title: 'Convention de stage',
    messageType: 'LtiResourceLinkRequest',
    custom: { target: 'student' },
    gradeMaximum: 100,
  },
  {
    id: 'm1-info-panel',
    contextId: 'course-m1-info',
    resourceLinkId: 'rl-m1-info-panel',
    title: 'Tableau de bord du responsable',
    messageType: 'LtiResourceLinkRequest',
    custom: { target: 'panel' },
  },
  {
    id: 'l3-chimie',
    contextId: 'course-l3-chimie',
    resourceLinkId: 'rl-l3-chimie-convention',
    title: 'Convention de stage',
    messageType: 'LtiResourceLinkRequest',
    custom: { teaching_hours: '380' },
    gradeMaximum: 100,
  },
];

const student = (contextId: string): Membership => ({ contextId, roles: [role.learner] });
const teacher = (contextId: string): Membership => ({ contextId, roles: [role.instructor] });

function person(
  id: string,
  sub: string,
  group: PersonaGroup,
  description: string,
  givenName: string,
  familyName: string,
  email: string,
  sourcedId: string,
  locale: string,
  memberships: Membership[],
  linkIds: string[],
  institutionRoles: string[],
): Persona {
  return {
    id,
    sub,
    group,
    description,
    name: `${givenName} ${familyName}`,
    givenName,
    familyName,
    email,
    sourcedId,
    locale,
    memberships,
    institutionRoles,
    linkIds,
  };
}

const noInstitutionRoles: string[] = [];

export const personas: Persona[] = [
  person(
    'camille-martin',
    '101',
    'student',
    'Étudiante en M1 Informatique',
    'Camille',
    'Martin',
    'camille.martin@etu.example.fr',
    '21901234',
    'fr-FR',
    [student('course-m1-info')],
    ['global', 'm1-info', 'm1-info-student-entry', 'm1-info-panel'],
    noInstitutionRoles,
  ),
  person(
    'elodie-lefevre',
    '102',
    'student',
    'Étudiante anglophone en M1 Informatique',
    'Élodie',
    'Lefèvre',
    'elodie.lefevre@etu.example.fr',
    '21905678',
    'en',
    [student('course-m1-info')],
    ['global', 'm1-info', 'm1-info-student-entry', 'm1-info-panel'],
    noInstitutionRoles,
  ),
  person(
    'thomas-roux',
    '103',
    'student',
    'Étudiant en M1 Informatique (ne se connecte pas)',
    'Thomas',
    'Roux',
    'thomas.roux@etu.example.fr',
    '21907001',
    'fr-FR',
    [student('course-m1-info')],
    [],
    noInstitutionRoles,
  ),
  person(
    'manon-garnier',
    '104',
    'student',
    'Étudiante en M1 Informatique (ne se connecte pas)',
    'Manon',
    'Garnier',
    'manon.garnier@etu.example.fr',
    '21907002',
    'fr-FR',
    [student('course-m1-info')],
    [],
    noInstitutionRoles,
  ),
  person(
    'nicolas-faure',
    '105',
    'student',
    'Étudiant en M1 Informatique (ne se connecte pas)',
    'Nicolas',
    'Faure',
    'nicolas.faure@etu.example.fr',
    '21907003',
    'fr-FR',
    [student('course-m1-info')],
    [],
    noInstitutionRoles,
  ),
  person(
    'hugo-petit',
    '106',
    'student',
    'Étudiant en L3 Chimie',
    'Hugo',
    'Petit',
    'hugo.petit@etu.example.fr',
    '22001122',
    'fr-FR',
    [student('course-l3-chimie')],
    ['global', 'l3-chimie'],
    noInstitutionRoles,
  ),
  person(
    'ines-moreau',
    '107',
    'student',
    'Étudiante en L3 Chimie (ne se connecte pas)',
    'Inès',
    'Moreau',
    'ines.moreau@etu.example.fr',
    '22003344',
    'fr-FR',
    [student('course-l3-chimie')],
    [],
    noInstitutionRoles,
  ),
  person(
    'jean-dupont',
    '201',
    'teacher',
    'Responsable du M1 Informatique',
    'Jean',
    'Dupont',
    'jean.dupont@univ.example.fr',
    'E1001',
    'fr-FR',
    [teacher('course-m1-info')],
    ['m1-info', 'm1-info-deep-link', 'm1-info-student-entry', 'm1-info-panel'],
    noInstitutionRoles,
  ),
  person(
    'claire-lambert',
    '202',
    'teacher',
    'Enseignante en M1 Informatique',
    'Claire',
    'Lambert',
    'claire.lambert@univ.example.fr',
    'E1002',
    'fr-FR',
    [teacher('course-m1-info')],
    ['m1-info'],
    noInstitutionRoles,
  ),
  person(
    'sophie-bernard',
    '203',
    'teacher',
    'Responsable de la L3 Chimie',
    'Sophie',
    'Bernard',
    'sophie.bernard@univ.example.fr',
    'E1003',
    'fr-FR',
    [teacher('course-l3-chimie')],
    ['l3-chimie'],
    noInstitutionRoles,
  ),
  person(
    'office',
    '301',
    'office',
    'Service des stages (administration)',
    'Service',
    'des stages',
    'stages@univ.example.fr',
    'S0001',
    'fr-FR',
    [],
    ['office'],
    [role.institutionAdministrator, role.systemAdministrator],
  ),
  {
    ...person(
      'admin-user',
      '2',
      'office',
      'Administrateur du site Moodle, non inscrit au cours de M1 Informatique',
      'Admin',
      'User',
      'admin@univ.example.fr',
      'ADMIN',
      'fr-FR',
      [],
      ['m1-info', 'm1-info-deep-link'],
      [role.systemAdministrator, role.institutionAdministrator],
    ),
    siteAdministrator: true,
  },
];

/**
 * Numbered personas for load runs (bench/soak.ts): `m1-student-17` is a student of M1 Informatique,
 * `office-3` a member of the internship office. Not listed on /dev, not in the NRPS roster.
 */
function numberedPersona(id: string): Persona | undefined {
  const match = /^(m1-student|office)-(\d{1,5})$/.exec(id);
  if (!match) return undefined;
  const n = Number(match[2]);
  if (match[1] === 'office')
    return person(
      id,
      `office-${n}`,
      'office',
      'Service des stages (charge)',
      'Agent',
      `Stages ${n}`,
      `stages${n}@univ.example.fr`,
      `S9${n}`,
      'fr-FR',
      [],
      ['office'],
      [role.institutionAdministrator],
    );
  return person(
    id,
    `m1-student-${n}`,
    'student',
    'Étudiant de M1 Informatique (charge)',
    'Étudiant',
    `Numéro ${n}`,
    `etudiant${n}@etu.example.fr`,
    `219${String(n).padStart(5, '0')}`,
    'fr-FR',
    [student('course-m1-info')],
    ['m1-info'],
    noInstitutionRoles,
  );
}

export function findPersona(id: string): Persona | undefined {
  return personas.find((persona) => persona.id === id) ?? numberedPersona(id);
}

export function findLink(id: string): Link | undefined {
  return links.find((link) => link.id === id);
}

export function findCourse(id: string): Course | undefined {
  return courses.find((course) => course.id === id);
}

/** Everyone enrolled in a course, as NRPS lists them (the site context has no roster). */
export function membersOf(
  contextId: string,
  added: ReadonlyArray<{ personaId: string; contextId: string }> = [],
): Array<{ persona: Persona; roles: string[] }> {
  return personas.flatMap((persona) => {
    const membership = persona.memberships.find((m) => m.contextId === contextId);
    if (membership) return [{ persona, roles: membership.roles }];
    if (!added.some((e) => e.personaId === persona.id && e.contextId === contextId)) return [];
    // Moodle's roster gives an enrolled site administrator the roles of their launches.
    return [{ persona, roles: persona.siteAdministrator ? [role.instructor, ...persona.institutionRoles] : [role.instructor] }];
  });
}

/**
 * Roles sent at launch, as Moodle sends them: the course roles where the persona is enrolled;
 * on a site-level link students are learners (everyone is enrolled in Orientation-Insertion);
 * plus institution and system roles. A site administrator is an Instructor everywhere, as Moodle makes them.
 */
export function launchRoles(persona: Persona, link: Link): string[] {
  if (persona.siteAdministrator) return [role.instructor, ...persona.institutionRoles];
  const membership = persona.memberships.find((m) => m.contextId === link.contextId);
  const siteRoles = findCourse(link.contextId)?.kind === 'site' && persona.group === 'student' ? [role.learner] : [];
  return [...(membership?.roles ?? siteRoles), ...persona.institutionRoles];
}
