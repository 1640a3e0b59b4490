import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { Config } from '../config';

export interface OutgoingMail extends Mail.Options {
  /** The outbox row being delivered: names the .eml file of the file transport. */
  outboxId?: number;
}

export interface MailTransport {
  kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<{ messageId: string; file?: string }>;
  close(): void;
}

export const mailFolder = (dataDir: string) => path.join(dataDir, 'mail');

/** Without SMTP settings every mail becomes an .eml file under `<dataDir>/mail`, listed at /dev/mail. */
export function createMailTransport(config: Pick<Config, 'smtp' | 'dataDir'>): MailTransport {
  return config.smtp ? createSmtpTransport(config.smtp) : createFileTransport(mailFolder(config.dataDir));
}

export function createSmtpTransport(smtp: NonNullable<Config['smtp']>): MailTransport {
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    // Bounded waits: a hung server must not hold an outbox lease for long.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      const { outboxId: _outboxId, ...options } = mail;
      const info = await transporter.sendMail(options);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

export function createFileTransport(folder: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(mail) {
      const { outboxId, ...options } = mail;
      const info = await transporter.sendMail(options);
      await mkdir(folder, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${outboxId === undefined ? 'direct' : `outbox-${outboxId}`}.eml`;
      const file = path.join(folder, name);
      // Written then renamed, so the development mailbox never lists a half-written message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return { messageId: info.messageId, file };
    },
    close: () => undefined,
  };
}
