import type { DocumentLanguage } from './types';

export interface FicheDeLiaisonText {
  title: string;
  intro: string;
  pageLabel: string;
  footerNote: string;
  sections: Record<
    'student' | 'host' | 'service' | 'tutor' | 'signatory' | 'internship' | 'gratification' | 'leave' | 'completedBy',
    string
  >;
  labels: Record<
    | 'studentName'
    | 'programme'
    | 'academicYear'
    | 'academicTutor'
    | 'hostName'
    | 'siret'
    | 'naf'
    | 'legalStatus'
    | 'headcount'
    | 'sector'
    | 'address'
    | 'country'
    | 'phone'
    | 'email'
    | 'website'
    | 'serviceName'
    | 'serviceAddress'
    | 'civility'
    | 'subjectTitle'
    | 'name'
    | 'function'
    | 'startDate'
    | 'endDate'
    | 'interruptions'
    | 'weeklySchedule'
    | 'hoursPerDay'
    | 'weeklyHours'
    | 'night'
    | 'sunday'
    | 'publicHoliday'
    | 'activities'
    | 'skills'
    | 'amount'
    | 'unit'
    | 'paymentTerms'
    | 'benefits'
    | 'leaveDays'
    | 'absenceTerms'
    | 'internalRules'
    | 'completedByName'
    | 'date'
    | 'signature',
    string
  >;
  choices: {
    sector: { public: string; private: string };
    civilities: Array<{ value: string; label: string }>;
    units: { hour: string; month: string };
  };
  hoursSuffix: string;
}

const fr: FicheDeLiaisonText = {
  title: 'Fiche de liaison — organisme d’accueil',
  intro:
    'À remettre par l’étudiant(e) à l’organisme d’accueil, puis à lui rendre complétée : ces informations servent à établir la convention de stage. Les rubriques déjà connues sont préremplies ; merci de les vérifier.',
  pageLabel: 'Page {n} / {total}',
  footerNote: 'Fiche de liaison pour la convention de stage',
  sections: {
    student: 'Étudiant(e) et formation',
    host: 'Organisme d’accueil',
    service: 'Service d’accueil',
    tutor: 'Tuteur ou tutrice de stage dans l’organisme',
    signatory: 'Signataire de la convention (représentant légal)',
    internship: 'Stage',
    gratification: 'Gratification et avantages',
    leave: 'Congés, absences et règlement intérieur',
    completedBy: 'Fiche remplie par',
  },
  labels: {
    studentName: 'Nom de l’étudiant(e)',
    programme: 'Formation',
    academicYear: 'Année universitaire',
    academicTutor: 'Enseignant(e) référent(e)',
    hostName: 'Raison sociale',
    siret: 'SIRET (14 chiffres)',
    naf: 'Code NAF / APE',
    legalStatus: 'Statut juridique',
    headcount: 'Effectif (tranche)',
    sector: 'Secteur',
    address: 'Adresse',
    country: 'Pays',
    phone: 'Téléphone',
    email: 'Courriel',
    website: 'Site web',
    serviceName: 'Nom du service',
    serviceAddress: 'Adresse du service (si différente)',
    civility: 'Civilité',
    name: 'Nom et prénom',
    function: 'Fonction',
    subjectTitle: 'Sujet du stage',
    startDate: 'Date de début',
    endDate: 'Date de fin',
    interruptions: 'Interruptions prévues (dates)',
    weeklySchedule: 'Jours et horaires de présence dans la semaine',
    hoursPerDay: 'Heures par jour',
    weeklyHours: 'Durée hebdomadaire',
    night: 'Présence de nuit (oui/non, précisions)',
    sunday: 'Présence le dimanche (oui/non, précisions)',
    publicHoliday: 'Présence les jours fériés (oui/non, précisions)',
    activities: 'Activités confiées',
    skills: 'Compétences à acquérir ou à développer',
    amount: 'Montant de la gratification',
    unit: 'Unité',
    paymentTerms: 'Modalités de versement',
    benefits: 'Avantages (restauration, hébergement, transport)',
    leaveDays: 'Jours de congé accordés sur la durée du stage (obligatoires au-delà de deux mois)',
    absenceTerms: 'Modalités des congés et autorisations d’absence (à défaut, celles de la convention type)',
    internalRules: 'Règles de l’organisme applicables au stagiaire (règlement intérieur, sécurité)',
    completedByName: 'Nom, fonction',
    date: 'Date',
    signature: 'Signature et cachet',
  },
  choices: {
    sector: { public: 'public', private: 'privé' },
    civilities: [
      { value: 'M.', label: 'M.' },
      { value: 'Mme', label: 'Mme' },
    ],
    units: { hour: 'par heure', month: 'par mois' },
  },
  hoursSuffix: 'h',
};

const en: FicheDeLiaisonText = {
  title: 'Liaison form — host organisation',
  intro:
    'To be handed by the student to the host organisation and returned completed: this information is used to draw up the internship agreement. Items already known are prefilled; please check them.',
  pageLabel: 'Page {n} / {total}',
  footerNote: 'Liaison form for the internship agreement',
  sections: {
    student: 'Student and programme',
    host: 'Host organisation',
    service: 'Host department',
    tutor: 'Host tutor',
    signatory: 'Signatory of the agreement (legal representative)',
    internship: 'Internship',
    gratification: 'Gratification and benefits',
    leave: 'Leave, absences and internal rules',
    completedBy: 'Form completed by',
  },
  labels: {
    studentName: 'Student name',
    programme: 'Programme',
    academicYear: 'Academic year',
    academicTutor: 'Academic tutor',
    hostName: 'Company name',
    siret: 'SIRET (14 digits)',
    naf: 'NAF / APE code',
    legalStatus: 'Legal status',
    headcount: 'Headcount (band)',
    sector: 'Sector',
    address: 'Address',
    country: 'Country',
    phone: 'Phone',
    email: 'E-mail',
    website: 'Website',
    serviceName: 'Department name',
    serviceAddress: 'Department address (if different)',
    civility: 'Title',
    name: 'Full name',
    function: 'Position',
    subjectTitle: 'Internship subject',
    startDate: 'Start date',
    endDate: 'End date',
    interruptions: 'Planned interruptions (dates)',
    weeklySchedule: 'Days and hours of presence in the week',
    hoursPerDay: 'Hours per day',
    weeklyHours: 'Weekly hours',
    night: 'Night presence (yes/no, details)',
    sunday: 'Sunday presence (yes/no, details)',
    publicHoliday: 'Public-holiday presence (yes/no, details)',
    activities: 'Activities entrusted',
    skills: 'Skills to acquire or develop',
    amount: 'Gratification amount',
    unit: 'Unit',
    paymentTerms: 'Payment terms',
    benefits: 'Benefits (meals, lodging, transport)',
    leaveDays: 'Days of leave granted over the internship (required beyond two months)',
    absenceTerms: 'Terms of leave and authorised absences (otherwise, those of the standard agreement)',
    internalRules: 'Host rules that apply to the intern (internal rules, safety)',
    completedByName: 'Name, position',
    date: 'Date',
    signature: 'Signature and stamp',
  },
  choices: {
    sector: { public: 'public', private: 'private' },
    civilities: [
      { value: 'M.', label: 'Mr' },
      { value: 'Mme', label: 'Ms' },
    ],
    units: { hour: 'per hour', month: 'per month' },
  },
  hoursSuffix: 'h',
};

const texts: Record<DocumentLanguage, FicheDeLiaisonText> = { fr, en };

export function ficheDeLiaisonText(language: DocumentLanguage): FicheDeLiaisonText {
  return texts[language];
}
