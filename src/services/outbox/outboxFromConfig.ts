import type { Logger } from 'pino';
import type { Config } from '../../config';
import { createNotificationRenderer } from '../../mail/notificationMail';
import { createMailHandler } from '../../mail/sender';
import { createMailTransport, type MailTransport } from '../../mail/transport';
import type { Database } from '../../models/database';
import type { DatabaseAvailability } from '../../models/databaseAvailability';
import { personalLinkResolver } from '../personalLinks/personalLinkResolver';
import { createOutboxWorker, type OutboxHandler, type OutboxWorker } from './worker';

/**
 * The outbox as the server runs it: SMTP (or .eml files without SMTP settings) for mails, and the
 * AGS post-back handler when the LTI side provides one. Call `start()` after listening, `stop()` on shutdown.
 */
export function createOutboxFromConfig(options: {
  config: Pick<Config, 'smtp' | 'dataDir' | 'mailFrom' | 'publicBaseUrl' | 'encryptionKey'>;
  db: Database;
  logger: Logger;
  ags?: OutboxHandler;
  intervalMs?: number;
  availability?: DatabaseAvailability;
}): { worker: OutboxWorker; transport: MailTransport; start(): void; stop(): Promise<void> } {
  const { config } = options;
  const transport = createMailTransport(config);
  const mail = createMailHandler({
    transport,
    from: config.mailFrom,
    render: createNotificationRenderer({ publicBaseUrl: config.publicBaseUrl }),
    resolve: personalLinkResolver(config.encryptionKey),
  });
  const worker = createOutboxWorker({
    db: options.db,
    logger: options.logger.child({ component: 'outbox' }),
    intervalMs: options.intervalMs,
    availability: options.availability,
    handlers: options.ags ? { mail, ags: options.ags } : { mail },
  });
  return {
    worker,
    transport,
    start: () => worker.start(),
    async stop() {
      await worker.stop();
      transport.close();
    },
  };
}
