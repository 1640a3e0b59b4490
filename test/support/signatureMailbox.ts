import pino from 'pino';
import { createNotificationRenderer } from '../../src/mail/notificationMail';
import { createMailHandler } from '../../src/mail/sender';
import { createMailTransport, type MailTransport } from '../../src/mail/transport';
import { createOutboxWorker } from '../../src/services/outbox/worker';
import { personalLinkResolver } from '../../src/services/personalLinks/personalLinkResolver';
import { SmtpTestServer } from '../mail/support/smtpTestServer';
import type { TestPstage } from './pstage';

/**
 * A real SMTP server on 127.0.0.1 for the file, the outbox delivered to it on demand, and the personal signature
 * links read back from the mails, as a signatory would click them.
 */
export function useSignatureMailbox(pstage: TestPstage) {
  const smtp = new SmtpTestServer();
  let transport: MailTransport;
  beforeAll(async () => {
    transport = createMailTransport({ smtp: { host: '127.0.0.1', port: await smtp.start(), secure: false }, dataDir: '/tmp/unused' });
  });
  afterAll(async () => {
    transport.close();
    await smtp.stop();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
    smtp.refusedRecipients.clear();
  });
  const mailsTo = (address: string) =>
    smtp.messages.filter((message) => message.envelopeTo.includes(address)).map((message) => message.mail);
  return {
    mailsTo,
    /** The SMTP server answers 550 (no such user) to this address from now on in the test. */
    refuse: (address: string) => smtp.refusedRecipients.add(address),
    deliver: () =>
      createOutboxWorker({
        db: pstage.database.db,
        logger: pino({ level: 'silent' }),
        handlers: {
          mail: createMailHandler({
            transport,
            from: 'Pstage <no-reply@pstage.test>',
            render: createNotificationRenderer({ publicBaseUrl: pstage.url }),
            resolve: personalLinkResolver(pstage.services.config.encryptionKey),
          }),
        },
      }).runOnce(),
    /** The 6-digit code of the last signing-code mail the address received. */
    codeIn(address: string): string {
      const mail = mailsTo(address)
        .filter((message) => /code de signature|signing code/i.test(message.subject ?? ''))
        .at(-1);
      const match = /(?:Votre code|Your code) ?: (\d{6})/.exec(mail?.text ?? '');
      if (!match) throw new Error(`no signing code in the mails to ${address}`);
      return match[1];
    },
    /** The personal link of the last signature mail the address received, as a path. */
    linkIn(address: string): string {
      const mail = mailsTo(address)
        .filter((message) => /signature|rappel/i.test(message.subject ?? ''))
        .at(-1);
      const match = new RegExp(`${pstage.url}(/sign/[A-Za-z0-9_-]+)`).exec(mail?.text ?? '');
      if (!match) throw new Error(`no signature link in the mails to ${address}`);
      return match[1];
    },
  };
}
