import { outbox } from '../../../src/models/schema';
import type { MailPayload, NotificationKind } from '../../../src/mail/notificationTypes';
import type { TestPstage } from '../../support/pstage';

/** The mails queued in the outbox, optionally of one template, oldest first. */
export async function queuedMails<K extends NotificationKind>(pstage: TestPstage, template?: K) {
  const rows = await pstage.database.db.select().from(outbox).orderBy(outbox.id);
  return rows
    .filter((row) => row.kind === 'mail')
    .map((row) => ({ id: row.id, dedupeKey: row.dedupeKey, payload: row.payload as unknown as MailPayload<K> }))
    .filter((row) => !template || row.payload.template === template);
}
