export type MailLocale = 'fr' | 'en';

export interface MailRecipient {
  email: string;
  name: string;
  locale: MailLocale;
}

/** A date as stored in conventions: 'YYYY-MM-DD'. */
export type IsoDate = string;

export type ConventionParty = 'student' | 'legalRepresentative' | 'hostSignatory' | 'professionalTutor' | 'academicTutor' | 'dean';

export type MissingForCompletion =
  | 'studentSignature'
  | 'legalRepresentativeSignature'
  | 'hostSignatorySignature'
  | 'professionalTutorSignature'
  | 'academicTutorSignature'
  | 'deanSignature'
  | 'certificate';

/**
 * What each notification needs to be rendered later, at delivery time. `path` is the page inside Pstage
 * ('/student/conventions/12'); the absolute link is built from the public base URL when the mail is sent.
 * Only the recipient's own data goes in here (the office's digest is the exception: the office sees all).
 */
export interface NotificationData {
  subjectProposed: { studentName: string; subjectTitle: string; programmeTitle: string; path: string };
  subjectDecided: {
    subjectTitle: string;
    decision: 'validated' | 'rejected';
    comment?: string;
    academicTutorName?: string;
    /**
     * The student's convention on this subject when decided: none yet, a draft, or submitted (waiting for the
     * office). Absent in mails queued before it was told.
     */
    conventionState?: 'none' | 'draft' | 'submitted';
    /** The submitted convention's reference. */
    reference?: string;
    path: string;
  };
  conventionSubmitted: {
    reference: string;
    studentName: string;
    programmeTitle: string;
    organisationName: string;
    startDate: IsoDate;
    endDate: IsoDate;
    path: string;
  };
  dailyDigest: {
    date: IsoDate;
    conventions: {
      reference: string;
      studentName: string;
      programmeTitle: string;
      organisationName: string;
      startDate: IsoDate;
      path: string;
    }[];
    path: string;
  };
  hostCreated: { organisationName: string; siret?: string; city?: string; country?: string; createdByName: string; path: string };
  conventionReturned: { reference: string; reason: string; path: string };
  conventionCancelled: { reference: string; reason: string; path: string };
  conventionValidated: {
    reference: string;
    organisationName: string;
    startDate: IsoDate;
    endDate: IsoDate;
    /**
     * How it is signed: 'online', sent for electronic signature with the validation (SIGNATURE_AUTO_SEND); 'paper',
     * printed and signed (absent in mails queued before the circuits were told apart).
     */
    circuit?: 'paper' | 'online';
    /** Who signs, in order, with their names when known; online: those who get a personal link (the student aside). */
    signatories: { party: ConventionParty; name?: string }[];
    /** online: the signatories with no e-mail known, who sign on paper. */
    paperSignatories?: { party: ConventionParty; name?: string }[];
    /** online: the student signs in their Pstage space (their e-mail is known). */
    studentOnline?: boolean;
    /** online: the dean signs last from a personal link; else the office records the dean's signature. */
    deanOnline?: boolean;
    /** paper: the office may still send it for electronic signature (SIGNATURE_AUTO_SEND is off). */
    mayGoOnline?: boolean;
    /** Copies to print; absent: one per signatory. */
    copies?: number;
    certificateMissing: boolean;
    path: string;
  };
  certificateRejected: { reference: string; reason: string; path: string };
  conventionComplete: {
    reference: string;
    studentName: string;
    organisationName: string;
    startDate: IsoDate;
    endDate: IsoDate;
    recipientRole: 'student' | 'academicTutor';
    path: string;
  };
  startReminder: { reference: string; startDate: IsoDate; missing: MissingForCompletion[]; path: string };
  /** A signatory's personal link (or, for the student, their space); `reminder`: sent again to one who has not signed. */
  signatureRequested: {
    reference: string;
    organisationName: string;
    party: ConventionParty;
    expiresOn: IsoDate;
    inSpace: boolean;
    reminder?: boolean;
    /** Set when the link signs an amendment of the convention (`reference` stays the convention's). */
    amendmentNumber?: number;
    /** Empty in the outbox for a personal link: derived from `signatureRequestId` when the mail is sent. */
    path: string;
    signatureRequestId?: number;
  };
  signatureRefused: {
    reference: string;
    /** Set when the refusal is of an amendment of the convention. */
    amendmentNumber?: number;
    party: ConventionParty;
    name: string;
    reason: string;
    path: string;
  };
  /** A step of an amendment (avenant): requested, validated (to sign), refused (with its reason), signed (in force). */
  amendmentStep: {
    reference: string;
    number: number;
    step: 'requested' | 'toAgree' | 'agreed' | 'programmeRefused' | 'validated' | 'refused' | 'signed';
    kinds: string[];
    reason?: string;
    path: string;
  };
  /** The professional tutor's space (evaluation, attestation); `path` is derived from `hostSpaceLinkId` when sent. */
  hostSpaceOpened: { reference: string; studentName: string; endDate: IsoDate; reminder?: boolean; path: string; hostSpaceLinkId?: number };
  /** The student's evaluation of the host is open in their space. */
  studentEvaluationOpened: { reference: string; organisationName: string; reminder?: boolean; path: string };
  /** The one-time code a signatory asked for on their link's page; `code` and `path` are derived when sent, never stored. */
  signatureCode: {
    reference: string;
    /** Set when the code signs an amendment of the convention. */
    amendmentNumber?: number;
    party: ConventionParty;
    minutes: number;
    signatureRequestId: number;
    /** The code's expiry (ISO): with the request's id, what the code is derived from. */
    codeExpiresAt: string;
    code: string;
    path: string;
  };
  /** The one-time code the host asked for to sign the attestation; `code` and `path` are derived when sent. */
  attestationCode: { reference: string; minutes: number; hostSpaceLinkId: number; codeExpiresAt: string; code: string; path: string };
}

export type NotificationKind = keyof NotificationData;

export const notificationKinds: readonly NotificationKind[] = [
  'subjectProposed',
  'subjectDecided',
  'conventionSubmitted',
  'dailyDigest',
  'hostCreated',
  'conventionReturned',
  'conventionCancelled',
  'conventionValidated',
  'certificateRejected',
  'conventionComplete',
  'startReminder',
  'signatureRequested',
  'signatureRefused',
  'amendmentStep',
  'hostSpaceOpened',
  'studentEvaluationOpened',
  'signatureCode',
  'attestationCode',
];

/** The outbox payload of a mail: everything needed to render and send it later. */
export interface MailPayload<K extends NotificationKind = NotificationKind> {
  template: K;
  to: MailRecipient;
  data: NotificationData[K];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
