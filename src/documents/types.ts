export type DocumentLanguage = 'fr' | 'en';
export type Civility = 'M.' | 'Mme' | 'Mx';
/** 'YYYY-MM-DD' */
export type IsoDate = string;

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
  country?: string;
}

export interface Person {
  civility?: Civility;
  firstName: string;
  lastName: string;
}

export interface UniversityBlock {
  institutionName: string;
  address: PostalAddress;
  phone?: string;
  email?: string;
  /** The dean signs by delegation of the university president. */
  dean: Person;
}

export interface ProgrammeBlock {
  title: string;
  yearlyTeachingHours: number;
}

export interface StudentBlock extends Person {
  birthDate: IsoDate;
  address: PostalAddress;
  phone?: string;
  email: string;
  studentNumber: string;
  healthInsurance: {
    fund: string;
    affiliation?: string;
  };
}

/** The legal representative of an intern who is a minor on the first day: a party, who signs. */
export interface LegalRepresentativeBlock extends Person {
  address: PostalAddress;
  email: string;
  phone?: string;
}

export interface SignatoryBlock extends Person {
  function: string;
  email?: string;
}

export interface HostOrganisationBlock {
  name: string;
  siret?: string;
  naf?: string;
  legalStatus?: string;
  address: PostalAddress;
  /** The country's name, as printed. */
  country: string;
  /** ISO 3166 code ('FR', 'DE'), when known: decides whether the host is abroad and in Europe. */
  countryCode?: string;
  phone?: string;
  email?: string;
  website?: string;
  representative: SignatoryBlock;
}

export interface ServiceBlock {
  name: string;
  address?: PostalAddress;
}

export interface ProfessionalTutorBlock extends Person {
  function: string;
  email: string;
  phone?: string;
}

export interface AcademicTutorBlock extends Person {
  email: string;
}

export interface InterruptionPeriod {
  from: IsoDate;
  to: IsoDate;
  reason?: string;
}

export interface OccasionalPresence {
  present: boolean;
  description?: string;
}

export interface InternshipBlock {
  type: string;
  subjectTitle: string;
  activities: string;
  skills: string;
  startDate: IsoDate;
  endDate: IsoDate;
  interruptions?: InterruptionPeriod[];
  /** The days of presence in the week (named in the document's language) and their hours, Monday first. */
  schedule: { day: string; hours: number }[];
  /** Details of a schedule that varies (time slots, alternating weeks). */
  irregularSchedule?: string;
  weeklyHours: number;
  totalHours: number;
  totalDays: number;
  night: OccasionalPresence;
  sunday: OccasionalPresence;
  publicHoliday: OccasionalPresence;
  /** Only when the internship takes place elsewhere than the host's address. */
  place?: string;
  confidentiality?: string;
}

export type GratificationUnit = 'hour' | 'month';

export interface GratificationBlock {
  /** null when no gratification is due or paid. */
  amount: number | null;
  unit: GratificationUnit;
  paymentTerms?: string;
}

export interface BenefitsBlock {
  meals?: string;
  lodging?: string;
  travel?: string;
  other?: string;
}

export type ValidationStatus = 'draft' | 'submitted' | 'validated' | 'signed';

export interface ConventionDocumentData {
  reference: string;
  language: DocumentLanguage;
  academicYear: string;
  university: UniversityBlock;
  programme: ProgrammeBlock;
  student: StudentBlock;
  host: HostOrganisationBlock;
  service: ServiceBlock;
  professionalTutor: ProfessionalTutorBlock;
  academicTutor: AcademicTutorBlock;
  internship: InternshipBlock;
  /** Replaces the standard supervision text when given. */
  supervision?: string;
  gratification: GratificationBlock;
  benefits: BenefitsBlock;
  /** Article 10 (D124-4 10°, L124-13): days of leave granted (null: not stated) and the absence terms (standard ones when absent). */
  leave: { daysGranted: number | null; absenceTerms?: string };
  /** Article 9: the host's internal rules that apply; absent, the article says what applies by default. */
  hostInternalRules?: string;
  /** Only for an intern who is a minor on the first day of the internship. */
  legalRepresentative?: LegalRepresentativeBlock;
  validation?: {
    status: ValidationStatus;
    date?: IsoDate;
  };
}

export interface ConventionRenderOptions {
  draft: boolean;
}

export type HeadcountBand = '0' | '1-9' | '10-19' | '20-49' | '50-249' | '250-4999' | '5000+';

export interface FicheDeLiaisonPrefill {
  studentName: string;
  programmeTitle: string;
  academicYear: string;
  academicTutorName: string;
  hostName: string;
  siret: string;
  naf: string;
  legalStatus: string;
  headcountBand: HeadcountBand | string;
  sector: 'public' | 'private';
  hostAddress: string;
  country: string;
  hostPhone: string;
  hostEmail: string;
  website: string;
  serviceName: string;
  serviceAddress: string;
  tutorCivility: string;
  tutorName: string;
  tutorFunction: string;
  tutorEmail: string;
  tutorPhone: string;
  signatoryCivility: string;
  signatoryName: string;
  signatoryFunction: string;
  signatoryEmail: string;
  subjectTitle: string;
  startDate: IsoDate;
  endDate: IsoDate;
  interruptions: string;
  weeklySchedule: string;
  hoursPerDay: number;
  weeklyHours: number;
  nightPresence: string;
  sundayPresence: string;
  publicHolidayPresence: string;
  activities: string;
  skills: string;
  gratificationAmount: number;
  gratificationUnit: GratificationUnit;
  paymentTerms: string;
  benefits: string;
}

export interface AttestationData {
  reference?: string;
  host: {
    name: string;
    siret?: string;
    address: PostalAddress;
    country?: string;
    phone?: string;
    email?: string;
    representative: SignatoryBlock;
  };
  student: Person & { birthDate: IsoDate; address?: PostalAddress; studentNumber?: string };
  university: { institutionName: string; address?: PostalAddress };
  programme: { title: string };
  startDate: IsoDate;
  endDate: IsoDate;
  totalHours: number;
  /** Total gratification paid, in euros; null or undefined leaves a line to fill by hand. */
  totalGratificationPaid?: number | null;
  place?: string;
  issueDate?: IsoDate;
  /** How the host signed it in Pstage: the typed name with the date and the method (mailed code, signed scan). */
  signedBy?: { name: string; date: IsoDate; method: 'name' | 'code' | 'scan'; email?: string };
}
