import { notificationMail } from '../../src/mail/notificationMail';
import { notificationKinds, type NotificationData, type NotificationKind } from '../../src/mail/notificationTypes';

const baseUrl = 'https://pstage.example.fr';

const samples: { [K in NotificationKind]: NotificationData[K] } = {
  subjectProposed: {
    studentName: 'Alice Martin',
    subjectTitle: 'Analyse de données',
    programmeTitle: 'Master MIAGE',
    path: '/programme/3/subjects/7',
  },
  subjectDecided: {
    subjectTitle: 'Analyse de données',
    decision: 'rejected',
    comment: 'Préciser les missions',
    path: '/student/subjects/7',
  },
  conventionSubmitted: {
    reference: 'CS-2026-0042',
    studentName: 'Alice Martin',
    programmeTitle: 'Master MIAGE',
    organisationName: 'ACME SAS',
    startDate: '2026-04-01',
    endDate: '2026-08-31',
    path: '/office/conventions/42',
  },
  dailyDigest: {
    date: '2026-03-12',
    conventions: [
      {
        reference: 'CS-2026-0042',
        studentName: 'Alice Martin',
        programmeTitle: 'Master MIAGE',
        organisationName: 'ACME SAS',
        startDate: '2026-04-01',
        path: '/office/conventions/42',
      },
      {
        reference: 'CS-2026-0043',
        studentName: 'Bruno Petit',
        programmeTitle: 'Licence Info',
        organisationName: 'Globex',
        startDate: '2026-05-02',
        path: '/office/conventions/43',
      },
    ],
    path: '/office',
  },
  hostCreated: {
    organisationName: 'ACME SAS',
    siret: '73282932000074',
    city: 'Lyon',
    createdByName: 'Alice Martin',
    path: '/office/organisations/5',
  },
  conventionReturned: { reference: 'CS-2026-0042', reason: 'Dates incohérentes', path: '/student/conventions/42' },
  conventionCancelled: { reference: 'CS-2026-0042', reason: 'Stage abandonné', path: '/student/conventions/42' },
  conventionValidated: {
    reference: 'CS-2026-0042',
    organisationName: 'ACME SAS',
    startDate: '2026-04-01',
    endDate: '2026-08-31',
    signatories: [
      { party: 'student' },
      { party: 'hostSignatory', name: 'Claire Dubois' },
      { party: 'professionalTutor', name: 'Denis Roy' },
      { party: 'academicTutor', name: 'Emma Lenoir' },
    ],
    copies: 3,
    certificateMissing: true,
    path: '/student/conventions/42',
  },
  certificateRejected: { reference: 'CS-2026-0042', reason: 'Attestation expirée', path: '/student/conventions/42/certificate' },
  conventionComplete: {
    reference: 'CS-2026-0042',
    studentName: 'Alice Martin',
    organisationName: 'ACME SAS',
    startDate: '2026-04-01',
    endDate: '2026-08-31',
    recipientRole: 'academicTutor',
    path: '/programme/3/conventions/42',
  },
  startReminder: {
    reference: 'CS-2026-0042',
    startDate: '2026-04-01',
    missing: ['hostSignatorySignature', 'certificate'],
    path: '/student/conventions/42',
  },
  signatureRequested: {
    reference: 'CS-2026-0042',
    organisationName: 'Acme',
    party: 'hostSignatory',
    expiresOn: '2026-04-01',
    inSpace: false,
    path: '/sign/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
  },
  signatureRefused: {
    reference: 'CS-2026-0042',
    party: 'hostSignatory',
    name: 'Paul Durand',
    reason: 'Les dates ne conviennent pas',
    path: '/office/conventions/42',
  },
  amendmentStep: {
    reference: 'CS-2026-0042',
    number: 2,
    step: 'refused',
    kinds: ['dates', 'gratification'],
    reason: 'Le tuteur ne peut pas prolonger',
    path: '/student/conventions/42/amendments',
  },
  hostSpaceOpened: {
    reference: 'CS-2026-0042',
    studentName: 'Alice Martin',
    endDate: '2026-06-26',
    path: '/host/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
  },
  studentEvaluationOpened: { reference: 'CS-2026-0042', organisationName: 'Acme', path: '/student/conventions/42/evaluation' },
  signatureCode: {
    reference: 'CS-2026-0042',
    party: 'hostSignatory',
    minutes: 10,
    signatureRequestId: 7,
    codeExpiresAt: '2027-01-15T10:10:00.000Z',
    code: '042137',
    path: '/sign/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
  },
  attestationCode: {
    reference: 'CS-2026-0042',
    minutes: 10,
    hostSpaceLinkId: 3,
    codeExpiresAt: '2027-01-15T10:10:00.000Z',
    code: '042137',
    path: '/host/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
  },
};

describe('notification mails', () => {
  it.each(notificationKinds.flatMap((kind) => (['fr', 'en'] as const).map((locale) => [kind, locale] as const)))(
    '%s in %s has a subject, the next steps, an absolute link and no missing string',
    async (kind, locale) => {
      const mail = await notificationMail(kind, samples[kind] as never, locale, { publicBaseUrl: baseUrl, recipientName: 'Alice Martin' });
      const reference = (samples[kind] as { reference?: string }).reference;
      if (reference) expect(mail.subject).toContain(reference);
      expect(mail.subject).toMatch(/^\[Pstage\] /);
      const path = (samples[kind] as { path: string }).path;
      expect(mail.text).toContain(`${baseUrl}${path}`);
      expect(mail.html).toContain(`href="${baseUrl}${path}"`);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.text).toContain(locale === 'fr' ? 'Et maintenant ?' : 'What next?');
      expect(mail.text).toContain(locale === 'fr' ? 'relancez Pstage depuis votre cours' : 'launch Pstage again from your course');
      for (const output of [mail.subject, mail.text, mail.html]) {
        expect(output).not.toMatch(/mail\.[a-zA-Z]+\./);
        expect(output).not.toContain('undefined');
      }
    },
  );

  it('escapes what users typed in the HTML part and keeps it as typed in the text part', async () => {
    const reason = '<script>alert("x")</script> & co';
    const mail = await notificationMail('conventionReturned', { reference: 'CS-1', reason, path: '/student' }, 'fr', {
      publicBaseUrl: baseUrl,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co');
    expect(mail.text).toContain(reason);
  });

  it('never links outside Pstage', async () => {
    const mail = await notificationMail('conventionReturned', { reference: 'CS-1', reason: 'x', path: '//evil.example/' }, 'fr', {
      publicBaseUrl: baseUrl,
    });
    expect(mail.text).not.toContain('evil.example');
    expect(mail.text).toContain(`${baseUrl}/`);
  });

  it('the digest lists every convention of the day with its link, in the plural', async () => {
    const mail = await notificationMail('dailyDigest', samples.dailyDigest, 'fr', { publicBaseUrl: baseUrl });
    expect(mail.subject).toBe('[Pstage] 2 nouvelles conventions le 12/03/2026');
    expect(mail.text).toContain('CS-2026-0043 — Bruno Petit (Licence Info), Globex, début le 02/05/2026');
    expect(mail.html).toContain(`href="${baseUrl}/office/conventions/43"`);
  });

  it('the validated convention says what to print and who signs', async () => {
    const mail = await notificationMail('conventionValidated', samples.conventionValidated, 'en', { publicBaseUrl: baseUrl });
    expect(mail.text).toContain('print 3 copies');
    expect(mail.text).toContain("Claire Dubois (the host organisation's representative)");
    expect(mail.text).toContain('civil-liability insurance certificate');
  });

  const amendmentVariants = [
    ['signatureRequested', { ...samples.signatureRequested, amendmentNumber: 2 }],
    ['signatureRequested', { ...samples.signatureRequested, amendmentNumber: 2, reminder: true }],
    ['signatureRequested', { ...samples.signatureRequested, amendmentNumber: 2, inSpace: true }],
    ['signatureRefused', { ...samples.signatureRefused, amendmentNumber: 2 }],
    ['signatureCode', { ...samples.signatureCode, amendmentNumber: 2 }],
    ...(['requested', 'toAgree', 'agreed', 'programmeRefused', 'validated', 'refused', 'signed'] as const).map(
      (step) => ['amendmentStep', { ...samples.amendmentStep, step }] as const,
    ),
  ] as const;
  it.each((['fr', 'en'] as const).flatMap((locale) => amendmentVariants.map(([kind, data]) => [locale, kind, data] as const)))(
    'in %s, the %s mail of an amendment names it as its PDF is titled, in the subject and the text, and never as the convention',
    async (locale, kind, data) => {
      const mail = await notificationMail(kind, data as never, locale, { publicBaseUrl: baseUrl });
      const title = locale === 'fr' ? 'venant n° 2 à la convention CS-2026-0042' : 'mendment no. 2 to agreement CS-2026-0042';
      expect(mail.subject).toContain(title);
      expect(mail.text).toContain(title);
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(
        /la convention de stage CS|signer la convention|Lisez la convention|internship convention CS|Read the convention/,
      );
      for (const output of [mail.subject, mail.text, mail.html]) {
        expect(output).not.toMatch(/mail\.[a-zA-Z]+\./);
        expect(output).not.toContain('undefined');
      }
    },
  );

  it('an amendment mail to a host party, who has no space in Pstage, carries no link (the office sends the amendment)', async () => {
    for (const step of ['validated', 'signed', 'toAgree', 'agreed', 'programmeRefused'] as const) {
      const data = { ...samples.amendmentStep, step, path: '' };
      const mail = await notificationMail('amendmentStep', data, 'fr', { publicBaseUrl: baseUrl });
      expect(mail.html).not.toContain(`href="${baseUrl}`);
      expect(mail.text).not.toContain(baseUrl);
      expect(mail.text).not.toContain('relancez Pstage depuis votre cours');
      expect(mail.text).toContain('Le service des stages vous transmet l');
      expect(mail.subject).not.toContain('mail.');
    }
  });

  const circuitVariants = [
    ['conventionValidated', { ...samples.conventionValidated, circuit: 'paper', mayGoOnline: true }],
    [
      'conventionValidated',
      {
        ...samples.conventionValidated,
        circuit: 'online',
        paperSignatories: [{ party: 'professionalTutor', name: 'Marc Roux' }],
        studentOnline: true,
        deanOnline: true,
      },
    ],
    ['conventionValidated', { ...samples.conventionValidated, circuit: 'online', paperSignatories: [], deanOnline: false }],
    ...(['none', 'draft', 'submitted'] as const).flatMap((conventionState) =>
      (['validated', 'rejected'] as const).map(
        (decision) => ['subjectDecided', { ...samples.subjectDecided, decision, conventionState, reference: 'CS-2026-0042' }] as const,
      ),
    ),
  ] as const;
  it.each((['fr', 'en'] as const).flatMap((locale) => circuitVariants.map(([kind, data]) => [locale, kind, data] as const)))(
    'in %s, every variant of the %s mail has its texts',
    async (locale, kind, data) => {
      const mail = await notificationMail(kind, data as never, locale, { publicBaseUrl: baseUrl });
      for (const output of [mail.subject, mail.text, mail.html]) {
        expect(output).not.toMatch(/mail\.[a-zA-Z]+\./);
        expect(output).not.toContain('undefined');
        expect(output).not.toContain('{{');
      }
    },
  );

  it('a refused signature tells what the office can do: send it again or cancel it (it cannot correct a validated convention)', async () => {
    const mail = await notificationMail('signatureRefused', samples.signatureRefused, 'fr', { publicBaseUrl: baseUrl });
    expect(mail.text).toContain("renvoie la convention à la signature ou l'annule");
    expect(mail.text).not.toContain('corrige la convention');
  });

  it('a rejected subject shows the comment', async () => {
    const mail = await notificationMail('subjectDecided', samples.subjectDecided, 'fr', { publicBaseUrl: baseUrl });
    expect(mail.subject).toBe("[Pstage] Votre sujet de stage n'est pas validé");
    expect(mail.text).toContain('- Commentaire : Préciser les missions');
  });
});
