/**
 * Everything a convention says that does not come from the data. Placeholders such as {hours}
 * are filled by `fill`. Changing a text means changing `version`, which every page prints.
 */
export interface Article {
  title: string;
  paragraphs: string[];
}

export interface ConventionWording {
  version: string;
  documentTitle: string;
  subtitle: string;
  footerNote: string;
  pageLabel: string;
  draftWatermark: string;
  draftBanner: string;
  validationStatus: Record<'draft' | 'submitted' | 'validated' | 'signed', string>;
  validationLine: string;
  parties: {
    heading: string;
    intro: string;
    university: string;
    host: string;
    student: string;
    legalRepresentative: string;
    programme: string;
  };
  labels: Record<
    | 'institution'
    | 'address'
    | 'representedBy'
    | 'deanFunction'
    | 'phone'
    | 'email'
    | 'name'
    | 'siret'
    | 'naf'
    | 'legalStatus'
    | 'country'
    | 'service'
    | 'serviceAddress'
    | 'birthDate'
    | 'studentNumber'
    | 'healthInsurance'
    | 'affiliation'
    | 'programmeTitle'
    | 'teachingHours'
    | 'academicYear'
    | 'internshipType'
    | 'subject'
    | 'activities'
    | 'skills'
    | 'period'
    | 'interruptions'
    | 'schedule'
    | 'workingDays'
    | 'hoursPerDay'
    | 'irregularSchedule'
    | 'weeklyHours'
    | 'totalDuration'
    | 'night'
    | 'sunday'
    | 'publicHoliday'
    | 'place'
    | 'professionalTutor'
    | 'academicTutor'
    | 'function'
    | 'amount'
    | 'paymentTerms'
    | 'meals'
    | 'lodging'
    | 'travel'
    | 'otherBenefits'
    | 'internalRules'
    | 'leaveDays'
    | 'leaveTerms'
    | 'confidentiality'
    | 'supervision',
    string
  >;
  values: {
    periodRange: string;
    interruption: string;
    hoursPerDay: string;
    /** One day of a schedule whose hours vary: '{day} {hours} h'. */
    dayHours: string;
    weeklyHours: string;
    totalDuration: string;
    teachingHours: string;
    yes: string;
    no: string;
    none: string;
    perHour: string;
    perMonth: string;
    notProvided: string;
    leaveDays: string;
    noLeaveDays: string;
    leaveDaysUnstated: string;
  };
  articles: {
    purpose: Article;
    objective: Article;
    terms: Article;
    supervision: Article & { defaultText: string };
    gratification: Article & { due: string; noneDue: string; notPaidAboveThreshold: string };
    benefits: Article;
    socialProtection: Article & { abroad: string };
    civilLiability: Article;
    discipline: Article & { noRulesProvided: string };
    leave: Article & { longInternship: string; shortInternship: string; defaultAbsenceTerms: string };
    suspension: Article;
    interruptedValidation: Article;
    confidentiality: Article;
    intellectualProperty: Article;
    end: Article;
    law: Article;
  };
  signatures: {
    heading: string;
    originals: string;
    /** "Fait à …, le …", in each signatory's box. */
    placeAndDate: string;
    signature: string;
    student: string;
    legalRepresentative: string;
    hostRepresentative: string;
    professionalTutor: string;
    academicTutor: string;
    dean: string;
    stamp: string;
  };
  /** The sheet on the host country's rules annexed to a convention abroad (LEGAL.md "Mandatory content"). */
  abroadAnnex: {
    title: string;
    intro: string;
    labels: Record<'country' | 'host' | 'period', string>;
    lawHeading: string;
    law: string[];
    europe: string;
    outsideEurope: string;
    officeHeading: string;
    officeIntro: string;
    officeItems: string[];
    officeSignature: string;
  };
}

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in params ? String(params[key]) : match));
}
