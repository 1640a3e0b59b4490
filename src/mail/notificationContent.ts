import { amendmentTitle } from '../documents/amendmentPdf';
import type { MailLocale, MissingForCompletion, NotificationData, NotificationKind } from './notificationTypes';

/** Every notification has the same parts: what happened, details, what to do next, a link back into Pstage. */
export interface MailContent {
  subject: string;
  paragraphs: string[];
  details: { label: string; value: string }[];
  list?: { title: string; items: { text: string; url: string }[] };
  steps: string[];
  /** Absent for someone with no space in Pstage and no personal link for this message. */
  link?: { label: string; url: string };
}

export interface ContentContext {
  t: (key: string, options?: Record<string, unknown>) => string;
  date: (isoDate: string) => string;
  url: (path: string) => string;
  language: MailLocale;
}

type Builder<K extends NotificationKind> = (data: NotificationData[K], c: ContentContext) => MailContent;

const label = (c: ContentContext, key: string, value: string | undefined) =>
  value ? [{ label: c.t(`mail.common.labels.${key}`), value }] : [];

const dateRange = (c: ContentContext, start: string, end: string) =>
  c.t('mail.common.dateRange', { start: c.date(start), end: c.date(end) });

/**
 * A mail about an amendment names it as its PDF is titled ("Avenant n° N à la convention CONV-…") and reads its
 * texts under `<kind>.amendment`; about the convention, the kind's own texts.
 */
function documentOf(c: ContentContext, kind: NotificationKind, d: { reference: string; amendmentNumber?: number }) {
  if (d.amendmentNumber === undefined)
    return { key: (name: string) => `mail.${kind}.${name}`, title: d.reference, inSentence: d.reference };
  const title = amendmentTitle(d.amendmentNumber, d.reference, c.language);
  return { key: (name: string) => `mail.${kind}.amendment.${name}`, title, inSentence: title.charAt(0).toLowerCase() + title.slice(1) };
}

/** After the subject's decision, what the student does next depends on their convention on it. */
function subjectDecidedSteps(validated: boolean, conventionState: 'none' | 'draft' | 'submitted' | undefined): string[] {
  if (!validated) return ['stepRejected1', 'stepRejected2', ...(conventionState === 'submitted' ? ['stepRejectedSubmitted'] : [])];
  const first = { none: 'stepValidatedNoConvention', draft: 'stepValidated1', submitted: 'stepValidatedSubmitted' }[
    conventionState ?? 'draft'
  ];
  return [first, 'stepValidated2'];
}

const link = (c: ContentContext, kind: NotificationKind, path: string) => ({ label: c.t(`mail.${kind}.link`), url: c.url(path) });

const builders: { [K in NotificationKind]: Builder<K> } = {
  subjectProposed: (d, c) => ({
    subject: c.t('mail.subjectProposed.subject', d),
    paragraphs: [c.t('mail.subjectProposed.intro', d)],
    details: [...label(c, 'student', d.studentName), ...label(c, 'programme', d.programmeTitle), ...label(c, 'subject', d.subjectTitle)],
    steps: ['step1', 'step2', 'step3'].map((step) => c.t(`mail.subjectProposed.${step}`)),
    link: link(c, 'subjectProposed', d.path),
  }),
  subjectDecided: (d, c) => {
    const validated = d.decision === 'validated';
    return {
      subject: c.t(validated ? 'mail.subjectDecided.subjectValidated' : 'mail.subjectDecided.subjectRejected'),
      paragraphs: [c.t(validated ? 'mail.subjectDecided.introValidated' : 'mail.subjectDecided.introRejected', d)],
      details: [
        ...label(c, 'subject', d.subjectTitle),
        ...label(c, 'decision', c.t(`mail.subjectDecided.${d.decision}`)),
        ...label(c, 'comment', d.comment),
        ...label(c, 'academicTutor', d.academicTutorName),
      ],
      steps: subjectDecidedSteps(validated, d.conventionState).map((step) => c.t(`mail.subjectDecided.${step}`, d)),
      link: link(c, 'subjectDecided', d.path),
    };
  },
  conventionSubmitted: (d, c) => ({
    subject: c.t('mail.conventionSubmitted.subject', d),
    paragraphs: [c.t('mail.conventionSubmitted.intro', d)],
    details: [
      ...label(c, 'reference', d.reference),
      ...label(c, 'student', d.studentName),
      ...label(c, 'programme', d.programmeTitle),
      ...label(c, 'organisation', d.organisationName),
      ...label(c, 'dates', dateRange(c, d.startDate, d.endDate)),
    ],
    steps: ['step1', 'step2'].map((step) => c.t(`mail.conventionSubmitted.${step}`)),
    link: link(c, 'conventionSubmitted', d.path),
  }),
  dailyDigest: (d, c) => {
    const count = d.conventions.length;
    const date = c.date(d.date);
    return {
      subject: c.t('mail.dailyDigest.subject', { count, date }),
      paragraphs: [count > 0 ? c.t('mail.dailyDigest.intro', { count, date }) : c.t('mail.dailyDigest.none')],
      details: [],
      list: {
        title: c.t('mail.dailyDigest.listTitle'),
        items: d.conventions.map((item) => ({
          text: c.t('mail.dailyDigest.item', { ...item, startDate: c.date(item.startDate) }),
          url: c.url(item.path),
        })),
      },
      steps: ['step1', 'step2'].map((step) => c.t(`mail.dailyDigest.${step}`)),
      link: link(c, 'dailyDigest', d.path),
    };
  },
  hostCreated: (d, c) => ({
    subject: c.t('mail.hostCreated.subject', d),
    paragraphs: [c.t('mail.hostCreated.intro', d)],
    details: [
      ...label(c, 'organisation', d.organisationName),
      ...label(c, 'siret', d.siret),
      ...label(c, 'city', d.city),
      ...label(c, 'country', d.country),
      ...label(c, 'createdBy', d.createdByName),
    ],
    steps: ['step1', 'step2'].map((step) => c.t(`mail.hostCreated.${step}`)),
    link: link(c, 'hostCreated', d.path),
  }),
  conventionReturned: (d, c) => ({
    subject: c.t('mail.conventionReturned.subject', d),
    paragraphs: [c.t('mail.conventionReturned.intro', d)],
    details: [...label(c, 'reference', d.reference), ...label(c, 'reason', d.reason)],
    steps: ['step1', 'step2'].map((step) => c.t(`mail.conventionReturned.${step}`)),
    link: link(c, 'conventionReturned', d.path),
  }),
  conventionCancelled: (d, c) => ({
    subject: c.t('mail.conventionCancelled.subject', d),
    paragraphs: [c.t('mail.conventionCancelled.intro', d)],
    details: [...label(c, 'reference', d.reference), ...label(c, 'reason', d.reason)],
    steps: ['step1', 'step2'].map((step) => c.t(`mail.conventionCancelled.${step}`)),
    link: link(c, 'conventionCancelled', d.path),
  }),
  conventionValidated: (d, c) => {
    const names = (list: { party: string; name?: string }[]) =>
      list.map((s) => (s.name ? `${s.name} (${c.t(`mail.parties.${s.party}`)})` : c.t(`mail.parties.${s.party}`))).join(', ');
    const key = (name: string) => `mail.conventionValidated.${name}`;
    const certificate = d.certificateMissing ? [c.t(key('stepCertificate'))] : [];
    const details = [
      ...label(c, 'reference', d.reference),
      ...label(c, 'organisation', d.organisationName),
      ...label(c, 'dates', dateRange(c, d.startDate, d.endDate)),
    ];
    if (d.circuit === 'online') {
      const paper = d.paperSignatories ?? [];
      return {
        subject: c.t(key('subjectOnline'), d),
        paragraphs: [c.t(key('intro'), d)],
        details,
        steps: [
          ...(d.signatories.length > 0 ? [c.t(key('stepOnline'), { signatories: names(d.signatories) })] : []),
          ...(d.studentOnline ? [c.t(key('stepOnlineStudent'))] : []),
          ...(paper.length > 0 ? [c.t(key('stepOnlinePaper'), { signatories: names(paper) })] : []),
          c.t(key(d.deanOnline ? 'stepDeanOnline' : 'stepDeanOffice')),
          ...certificate,
          c.t(key('stepOnlineEnd')),
        ],
        link: { label: c.t(key('linkOnline')), url: c.url(d.path) },
      };
    }
    const print = d.copies ? c.t(key('stepPrint'), { count: d.copies }) : c.t(key('stepPrintPerSignatory'));
    return {
      subject: c.t(key('subject'), d),
      paragraphs: [c.t(key('intro'), d)],
      details,
      steps: [
        print,
        c.t(key('stepSign'), { signatories: names(d.signatories) }),
        ...certificate,
        c.t(key('stepReturn')),
        ...(d.mayGoOnline ? [c.t(key('stepMayGoOnline'))] : []),
      ],
      link: link(c, 'conventionValidated', d.path),
    };
  },
  certificateRejected: (d, c) => ({
    subject: c.t('mail.certificateRejected.subject', d),
    paragraphs: [c.t('mail.certificateRejected.intro', d)],
    details: [...label(c, 'reference', d.reference), ...label(c, 'reason', d.reason)],
    steps: ['step1', 'step2'].map((step) => c.t(`mail.certificateRejected.${step}`)),
    link: link(c, 'certificateRejected', d.path),
  }),
  conventionComplete: (d, c) => {
    const role = d.recipientRole === 'student' ? 'Student' : 'AcademicTutor';
    return {
      subject: c.t('mail.conventionComplete.subject', d),
      paragraphs: [c.t('mail.conventionComplete.intro', d)],
      details: [
        ...label(c, 'reference', d.reference),
        ...label(c, 'student', d.studentName),
        ...label(c, 'organisation', d.organisationName),
        ...label(c, 'dates', dateRange(c, d.startDate, d.endDate)),
      ],
      steps: [1, 2].map((n) => c.t(`mail.conventionComplete.step${role}${n}`, { startDate: c.date(d.startDate) })),
      link: link(c, 'conventionComplete', d.path),
    };
  },
  startReminder: (d, c) => {
    const startDate = c.date(d.startDate);
    const missing = d.missing.map((item: MissingForCompletion) => c.t(`mail.missing.${item}`)).join(', ');
    return {
      subject: c.t('mail.startReminder.subject', { ...d, startDate }),
      paragraphs: [c.t('mail.startReminder.intro', { ...d, startDate })],
      details: [...label(c, 'reference', d.reference), ...label(c, 'startDate', startDate), ...label(c, 'missing', missing)],
      steps: ['step1', 'step2'].map((step) => c.t(`mail.startReminder.${step}`)),
      link: link(c, 'startReminder', d.path),
    };
  },
  signatureRequested: (d, c) => {
    const { key, title, inSentence } = documentOf(c, 'signatureRequested', d);
    const values = { ...d, title, inSentence, role: c.t(`signature.roles.${d.party}`), expiresOn: c.date(d.expiresOn) };
    const amended = d.amendmentNumber !== undefined;
    return {
      subject: c.t(key(d.reminder ? 'subjectReminder' : 'subject'), values),
      paragraphs: [c.t(key('intro'), values)],
      details: [
        ...label(c, 'reference', d.reference),
        ...label(c, 'document', amended ? title : undefined),
        ...label(c, 'organisation', d.organisationName),
        ...label(c, 'signsAs', values.role),
        ...label(c, 'linkValidUntil', values.expiresOn),
      ],
      steps: (d.inSpace ? ['stepSpace1', 'step2', 'step3'] : ['step1', 'step2', 'step3']).map((step) =>
        c.t(amended && step !== 'step1' && step !== 'step3' ? key(step) : `mail.signatureRequested.${step}`, values),
      ),
      link: { label: c.t(key(d.inSpace ? 'linkSpace' : 'link')), url: c.url(d.path) },
    };
  },
  signatureRefused: (d, c) => {
    const { key, title, inSentence } = documentOf(c, 'signatureRefused', d);
    const values = { ...d, title, inSentence, role: c.t(`signature.roles.${d.party}`) };
    return {
      subject: c.t(key('subject'), values),
      paragraphs: [c.t(key('intro'), values)],
      details: [
        ...label(c, 'reference', d.reference),
        ...label(c, 'document', d.amendmentNumber === undefined ? undefined : title),
        ...label(c, 'signatory', `${d.name} (${values.role})`),
        ...label(c, 'reason', d.reason),
      ],
      steps: ['step1', 'step2'].map((step) => c.t(key(step))),
      link: { label: c.t(key('link')), url: c.url(d.path) },
    };
  },
  amendmentStep: (d, c) => {
    const kinds = d.kinds.map((kind) => c.t(`amendment.kinds.${kind}`)).join(', ');
    return {
      subject: c.t(`mail.amendmentStep.subject.${d.step}`, { title: amendmentTitle(d.number, d.reference, c.language) }),
      paragraphs: [c.t(`mail.amendmentStep.intro.${d.step}`, d)],
      details: [
        ...label(c, 'reference', d.reference),
        { label: c.t('mail.amendmentStep.kinds'), value: kinds },
        ...label(c, 'reason', d.reason),
      ],
      steps: [c.t(`mail.amendmentStep.next.${d.step}`), ...(d.path ? [] : [c.t('mail.amendmentStep.noLink')])],
      ...(d.path ? { link: link(c, 'amendmentStep', d.path) } : {}),
    };
  },
  hostSpaceOpened: (d, c) => {
    const values = { ...d, endDate: c.date(d.endDate) };
    return {
      subject: c.t(d.reminder ? 'mail.hostSpaceOpened.subjectReminder' : 'mail.hostSpaceOpened.subject', values),
      paragraphs: [c.t('mail.hostSpaceOpened.intro', values)],
      details: [...label(c, 'reference', d.reference), ...label(c, 'student', d.studentName), ...label(c, 'endDate', values.endDate)],
      steps: ['step1', 'step2'].map((step) => c.t(`mail.hostSpaceOpened.${step}`, values)),
      link: { label: c.t('mail.hostSpaceOpened.link'), url: c.url(d.path) },
    };
  },
  studentEvaluationOpened: (d, c) => ({
    subject: c.t(d.reminder ? 'mail.studentEvaluationOpened.subjectReminder' : 'mail.studentEvaluationOpened.subject', d),
    paragraphs: [c.t('mail.studentEvaluationOpened.intro', d)],
    details: [...label(c, 'reference', d.reference), ...label(c, 'organisation', d.organisationName)],
    steps: ['step1'].map((step) => c.t(`mail.studentEvaluationOpened.${step}`)),
    link: { label: c.t('mail.studentEvaluationOpened.link'), url: c.url(d.path) },
  }),
  signatureCode: (d, c) => {
    const { key, title, inSentence } = documentOf(c, 'signatureCode', d);
    const values = { ...d, title, inSentence, role: c.t(`signature.roles.${d.party}`) };
    return {
      subject: c.t(key('subject'), values),
      paragraphs: [c.t(key('intro'), values), c.t('mail.signatureCode.code', values)],
      details: [
        ...label(c, 'reference', d.reference),
        ...label(c, 'document', d.amendmentNumber === undefined ? undefined : title),
        ...label(c, 'signsAs', values.role),
      ],
      steps: ['step1', 'step2'].map((step) => c.t(`mail.signatureCode.${step}`, values)),
      link: link(c, 'signatureCode', d.path),
    };
  },
  attestationCode: (d, c) => ({
    subject: c.t('mail.attestationCode.subject', d),
    paragraphs: [c.t('mail.attestationCode.intro', d), c.t('mail.attestationCode.code', d)],
    details: [...label(c, 'reference', d.reference)],
    steps: ['step1', 'step2'].map((step) => c.t(`mail.attestationCode.${step}`, d)),
    link: link(c, 'attestationCode', d.path),
  }),
};

export function notificationContent<K extends NotificationKind>(kind: K, data: NotificationData[K], context: ContentContext): MailContent {
  const builder = builders[kind] as Builder<K> | undefined;
  if (!builder) throw new Error(`Unknown notification: ${kind}`);
  return builder(data, context);
}
