import type { DocumentLanguage } from './types';

export interface AttestationText {
  title: string;
  subtitle: string;
  pageLabel: string;
  footerNote: string;
  sections: Record<'host' | 'intern' | 'programme' | 'duration' | 'gratification' | 'signature', string>;
  labels: Record<
    | 'name'
    | 'fullName'
    | 'siret'
    | 'address'
    | 'phone'
    | 'email'
    | 'representative'
    | 'birthDate'
    | 'studentNumber'
    | 'programme'
    | 'institution'
    | 'period'
    | 'totalDuration'
    | 'gratificationTotal'
    | 'place'
    | 'date'
    | 'signatoryName'
    | 'signature',
    string
  >;
  certifies: string;
  completed: string;
  periodRange: string;
  duration: { hours: string; days: string; extraHours: string; months: string; extraDays: string };
  durationRule: string;
  gratificationPaid: string;
  gratificationBlank: string;
  pensionNotice: string;
  stamp: string;
  signedBy: Record<'name' | 'code' | 'scan', string>;
}

const fr: AttestationText = {
  title: 'Attestation de stage',
  subtitle: 'Articles L124-1 et D124-9 du code de l’éducation — modèle de l’arrêté du 29 décembre 2014',
  pageLabel: 'Page {n} / {total}',
  footerNote: 'À remettre au ou à la stagiaire à l’issue du stage',
  sections: {
    host: 'Organisme d’accueil',
    intern: 'Stagiaire',
    programme: 'Étudiant(e) en',
    duration: 'Durée du stage',
    gratification: 'Montant de la gratification versée au stagiaire',
    signature: 'Signature',
  },
  labels: {
    name: 'Nom ou dénomination',
    fullName: 'Nom et prénom',
    siret: 'SIRET',
    address: 'Adresse',
    phone: 'Téléphone',
    email: 'Courriel',
    representative: 'Représenté par',
    birthDate: 'Né(e) le',
    studentNumber: 'Numéro d’étudiant',
    programme: 'Formation ou cursus suivi',
    institution: 'Au sein de',
    period: 'Dates de début et de fin',
    totalDuration: 'Durée totale de présence effective',
    gratificationTotal: 'Montant total',
    place: 'Fait à',
    date: 'Le',
    signatoryName: 'Nom, fonction',
    signature: 'Signature du représentant de l’organisme d’accueil',
  },
  certifies: 'Le représentant de l’organisme d’accueil certifie que :',
  completed: 'a effectué un stage prévu dans le cadre de ses études.',
  periodRange: 'du {start} au {end}',
  duration: {
    hours: '{hours} heures de présence effective',
    days: 'soit {days} jours',
    extraHours: 'et {hours} heure(s)',
    months: 'soit {months} mois',
    extraDays: 'et {days} jour(s)',
  },
  durationRule:
    'La durée totale du stage est appréciée en tenant compte de la présence effective du ou de la stagiaire dans l’organisme, sous réserve des droits à congés et autorisations d’absence prévus à l’article L124-13 du code de l’éducation. Chaque période au moins égale à 7 heures de présence, consécutives ou non, est considérée comme équivalente à un jour de stage et chaque période au moins égale à 22 jours de présence, consécutifs ou non, est considérée comme équivalente à un mois.',
  gratificationPaid: 'Le ou la stagiaire a perçu une gratification de stage pour un montant total de {amount}.',
  gratificationBlank: 'Le ou la stagiaire a perçu une gratification de stage pour un montant total de ........................ €',
  pensionNotice:
    'L’attestation de stage est indispensable pour pouvoir, sous réserve du versement d’une cotisation, faire prendre en compte le stage dans les droits à retraite. La loi n° 2014-40 du 20 janvier 2014 ouvre aux étudiants dont le stage a été gratifié la possibilité de le faire valider dans la limite de deux trimestres, sous réserve du versement d’une cotisation. La demande est faite par l’étudiant(e) dans les deux années qui suivent la fin du stage, sur présentation de la présente attestation mentionnant la durée totale du stage et le montant total de la gratification perçue.',
  stamp: 'Cachet de l’organisme',
  signedBy: {
    name: 'Signé dans Pstage le {date} par {name}, par son nom saisi.',
    code: 'Signé électroniquement dans Pstage le {date} par {name}, avec un code à usage unique envoyé à {email}.',
    scan: 'Signé le {date} par {name} sur papier : l’attestation signée a été déposée dans Pstage.',
  },
};

const en: AttestationText = {
  title: 'Internship certificate',
  subtitle: 'French Education Code, articles L124-1 and D124-9 — model of the order of 29 December 2014',
  pageLabel: 'Page {n} / {total}',
  footerNote: 'To be given to the intern at the end of the internship',
  sections: {
    host: 'Host organisation',
    intern: 'Intern',
    programme: 'Student in',
    duration: 'Duration of the internship',
    gratification: 'Gratification paid to the intern',
    signature: 'Signature',
  },
  labels: {
    name: 'Name',
    fullName: 'Full name',
    siret: 'SIRET',
    address: 'Address',
    phone: 'Phone',
    email: 'E-mail',
    representative: 'Represented by',
    birthDate: 'Born on',
    studentNumber: 'Student number',
    programme: 'Programme or curriculum',
    institution: 'At',
    period: 'Start and end dates',
    totalDuration: 'Total effective presence',
    gratificationTotal: 'Total amount',
    place: 'Done at',
    date: 'On',
    signatoryName: 'Name, position',
    signature: 'Signature of the host organisation’s representative',
  },
  certifies: 'The representative of the host organisation certifies that:',
  completed: 'completed an internship as part of their studies.',
  periodRange: 'from {start} to {end}',
  duration: {
    hours: '{hours} hours of effective presence',
    days: 'i.e. {days} days',
    extraHours: 'and {hours} hour(s)',
    months: 'i.e. {months} months',
    extraDays: 'and {days} day(s)',
  },
  durationRule:
    'The total duration of the internship is measured by the intern’s effective presence in the organisation, subject to the leave and authorised absences provided for in article L124-13 of the French Education Code. Each period of at least 7 hours of presence, consecutive or not, counts as one day of internship and each period of at least 22 days of presence, consecutive or not, counts as one month.',
  gratificationPaid: 'The intern received an internship gratification for a total amount of {amount}.',
  gratificationBlank: 'The intern received an internship gratification for a total amount of € ........................',
  pensionNotice:
    'The internship certificate is required to have the internship counted towards pension rights, subject to paying a contribution. Law no. 2014-40 of 20 January 2014 allows students whose internship was paid a gratification to have it validated for up to two quarters, subject to a contribution. The student applies within two years after the end of the internship, presenting this certificate stating the total duration of the internship and the total gratification received.',
  stamp: 'Organisation stamp',
  signedBy: {
    name: 'Signed in Pstage on {date} by {name}, with their typed name.',
    code: 'Signed electronically in Pstage on {date} by {name}, with a one-time code sent to {email}.',
    scan: 'Signed on {date} by {name} on paper: the signed certificate was uploaded to Pstage.',
  },
};

const texts: Record<DocumentLanguage, AttestationText> = { fr, en };

export function attestationText(language: DocumentLanguage): AttestationText {
  return texts[language];
}
