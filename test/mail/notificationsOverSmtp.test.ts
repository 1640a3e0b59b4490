import { eq } from 'drizzle-orm';
import pino from 'pino';
import { createNotificationRenderer } from '../../src/mail/notificationMail';
import { createMailHandler } from '../../src/mail/sender';
import { createMailTransport, type MailTransport } from '../../src/mail/transport';
import { conventions, programmes, subjects } from '../../src/models/schema';
import { createNotificationScheduler } from '../../src/services/notifications/scheduler';
import { createOutboxWorker } from '../../src/services/outbox/worker';
import { useTestPstage } from '../support/pstage';
import { nextYear, submitConventionAsStudent } from '../support/studentJourney';
import { SmtpTestServer } from './support/smtpTestServer';

const pstage = useTestPstage();
const logger = pino({ level: 'silent' });
let smtp: SmtpTestServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = new SmtpTestServer();
  transport = createMailTransport({ smtp: { host: '127.0.0.1', port: await smtp.start(), secure: false }, dataDir: '/tmp/unused' });
});
afterAll(async () => {
  transport.close();
  await smtp.stop();
});
beforeEach(() => {
  smtp.messages.length = 0;
});

/** The server's outbox worker, with links to the running test app, sending to the SMTP server on 127.0.0.1. */
const deliver = () =>
  createOutboxWorker({
    db: pstage.database.db,
    logger,
    handlers: {
      mail: createMailHandler({
        transport,
        from: 'Pstage <no-reply@pstage.test>',
        render: createNotificationRenderer({ publicBaseUrl: pstage.url }),
      }),
    },
  }).runOnce();

const inbox = (address: string) => smtp.messages.filter((message) => message.envelopeTo.includes(address)).map((message) => message.mail);
const whole = (mail: { subject?: string; text?: string; html?: string | false }) => `${mail.subject}\n${mail.text}\n${mail.html}`;

describe('every notification reaches its recipient through a real SMTP server', () => {
  it('subject proposed, convention submitted, the digest and the start reminders: right people, right language, a link, nobody else’s data', async () => {
    await pstage.launch('jean-dupont', 'm1-info');
    await pstage.launch('sophie-bernard', 'l3-chimie');
    const camille = await submitConventionAsStudent(pstage, { persona: 'camille-martin' });
    const elodie = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    await pstage.database.db.update(conventions).set({ submittedAt: new Date(`${nextYear}-02-23T10:00:00Z`) });
    await createNotificationScheduler({
      db: pstage.database.db,
      officeEmail: pstage.services.config.officeEmail,
      logger,
      clock: () => new Date(`${nextYear}-02-24T08:00:00Z`),
    }).runOnce();

    const counts = await deliver();
    expect(counts).toMatchObject({ retrying: 0, failed: 0 });
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const [programme] = await pstage.database.db.select().from(programmes).where(eq(programmes.title, 'M1 Informatique'));
    const [camilleSubject] = await pstage.database.db.select().from(subjects).where(eq(subjects.id, camille.subject!.id));
    const head = inbox('jean.dupont@univ.example.fr');
    expect(head.map((mail) => mail.subject).sort()).toEqual([
      '[Pstage] Sujet de stage à examiner : Camille Martin',
      '[Pstage] Sujet de stage à examiner : Élodie Lefèvre',
    ]);
    expect(head.find((mail) => mail.subject!.includes('Camille'))!.text).toContain(
      `${pstage.url}/programme/${programme.id}/subjects/${camilleSubject.id}`,
    );
    expect(inbox('sophie.bernard@univ.example.fr')).toHaveLength(0);

    const officeMail = inbox(pstage.services.config.officeEmail);
    expect(officeMail.map((mail) => mail.subject).sort()).toEqual(
      [
        `[Pstage] 2 nouvelles conventions le 23/02/${nextYear}`,
        `[Pstage] Convention ${camille.convention.reference} : le stage commence le 02/03/${nextYear} et la convention n'est pas complète`,
        `[Pstage] Convention ${camille.convention.reference} soumise par Camille Martin`,
        `[Pstage] Convention ${elodie.convention.reference} : le stage commence le 02/03/${nextYear} et la convention n'est pas complète`,
        `[Pstage] Convention ${elodie.convention.reference} soumise par Élodie Lefèvre`,
        // Both students chose the same SIRET: the second one reuses the host record, which is new only once.
        "[Pstage] Nouvel organisme d'accueil à vérifier : Société Générale Informatique",
      ].sort(),
    );
    const digest = officeMail.find((mail) => mail.subject!.includes('nouvelles conventions'))!;
    expect(digest.text).toContain(`${pstage.url}/office/conventions/${camille.convention.id}`);
    expect(digest.text).toContain(`${pstage.url}/office/conventions/${elodie.convention.id}`);

    const [toCamille] = inbox('camille.martin@etu.example.fr');
    expect(inbox('camille.martin@etu.example.fr')).toHaveLength(1);
    expect(toCamille.headers.get('content-language')).toBe('fr');
    expect(toCamille.text).toContain('Bonjour Camille Martin,');
    expect(toCamille.text).toContain(`${pstage.url}/student/conventions/${camille.convention.id}`);
    const [toElodie] = inbox('elodie.lefevre@etu.example.fr');
    expect(toElodie.subject).toBe(
      `[Pstage] Agreement ${elodie.convention.reference}: the internship starts on 02/03/${nextYear} and the agreement is not complete`,
    );
    expect(toElodie.headers.get('content-language')).toBe('en');
    for (const [mail, others] of [
      [toCamille, [elodie.convention.reference!, 'Élodie', 'Lefèvre']],
      [toElodie, [camille.convention.reference!, 'Camille']],
    ] as const) {
      for (const other of others) expect(whole(mail)).not.toContain(other);
    }
  });

  it('a mail’s link opened without a Pstage session lands on a page that says to launch Pstage from the LMS; with the session it opens the page', async () => {
    const camille = await submitConventionAsStudent(pstage);
    await createNotificationScheduler({
      db: pstage.database.db,
      officeEmail: pstage.services.config.officeEmail,
      logger,
      clock: () => new Date(`${nextYear}-02-24T08:00:00Z`),
    }).runOnce();
    await deliver();
    const [mail] = inbox('camille.martin@etu.example.fr');
    const link = /http:\/\/127\.0\.0\.1:\d+\/student\/conventions\/\d+/.exec(mail.text!)![0];
    expect(mail.text).toContain('relancez Pstage depuis votre cours');

    const anonymous = await fetch(link, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('Relancez Pstage depuis votre espace e-campus');
    // The scheduler's pass above ran in February and closed every session older than that (its pruning):
    // Camille launches again from the LMS, as the page told her to, and the link opens.
    const relaunched = await pstage.launch('camille-martin', 'm1-info');
    expect((await relaunched.client.request(link)).status).toBe(200);
    expect(camille.convention.id).toBe(Number(/\/(\d+)$/.exec(link)![1]));
  });
});
