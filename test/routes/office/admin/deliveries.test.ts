import { eq, sql } from 'drizzle-orm';
import { outboxRepository } from '../../../../src/models/outboxRepository';
import { auditLog, outbox, programmes } from '../../../../src/models/schema';
import { useTestPstage } from '../../../support/pstage';
import { launchOffice, post } from './support';

const pstage = useTestPstage();

/** A mail the SMTP server keeps refusing for now: the worker will try again in an hour. */
async function retryingMail() {
  const db = pstage.database.db;
  const { id } = await outboxRepository.enqueue(db, {
    kind: 'mail',
    payload: {
      template: 'conventionReturned',
      to: { email: 'camille@example.fr', name: 'Camille Martin', locale: 'fr' },
      data: { reason: 'motif confidentiel' },
    },
  });
  await outboxRepository.markFailed(db, id, '421 4.7.0 try again later', new Date(Date.now() + 3_600_000));
  return id;
}

async function row(id: number) {
  const [message] = await pstage.database.db.select().from(outbox).where(eq(outbox.id, id));
  return message;
}

describe('"retry now" on a delivery that is still being retried', () => {
  it('makes it due at once without resetting its attempts, with an audit entry', async () => {
    const { client, csrf } = await launchOffice(pstage);
    const id = await retryingMail();
    const page = await client.request('/office/deliveries');
    expect(page.text).toContain('En cours de nouvel essai');
    expect(page.text).toContain(`<form method="post" action="/office/deliveries/${id}/retry">`);
    expect(page.text).toContain(`Réessayer maintenant l&#39;envoi n° ${id}`);

    const retried = await post(client, csrf, `/office/deliveries/${id}/retry`);

    expect(retried).toMatchObject({ status: 303, location: '/office/deliveries?done=retried' });
    const message = await row(id);
    expect(message).toMatchObject({ status: 'pending', attempts: 1, lastError: '421 4.7.0 try again later' });
    expect(message.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await outboxRepository.claimDue(pstage.database.db, { limit: 10, lockMs: 60_000 })).map((due) => due.id)).toEqual([id]);
    const entries = await pstage.database.db.select().from(auditLog).where(eq(auditLog.targetType, 'outbox'));
    expect(entries.map((entry) => [entry.action, entry.targetId])).toEqual([['outbox.retryNow', String(id)]]);
    expect((await client.follow('/office/deliveries?done=retried')).text).toContain('L&#39;envoi est remis dans la file');
  });

  it('is refused for a message that is sent, superseded or skipped (409), without an audit entry', async () => {
    const { client, csrf } = await launchOffice(pstage);
    const db = pstage.database.db;
    const sent = await outboxRepository.enqueue(db, { kind: 'mail', payload: {} });
    await outboxRepository.markSent(db, sent.id);
    const superseded = await outboxRepository.enqueue(db, { kind: 'ags', payload: {}, supersedeKey: 'k' });
    await outboxRepository.enqueue(db, { kind: 'ags', payload: {}, supersedeKey: 'k' });
    const skipped = await outboxRepository.enqueue(db, { kind: 'ags', payload: {} });
    await outboxRepository.markSkipped(db, skipped.id, 'No AGS endpoint');
    for (const id of [sent.id, superseded.id, skipped.id]) {
      const refused = await post(client, csrf, `/office/deliveries/${id}/retry`);
      expect([id, refused.status]).toEqual([id, 409]);
      expect(refused.text).toContain('Cet envoi n&#39;est ni abandonné ni en attente d&#39;un nouvel essai');
    }
    expect(await db.select().from(auditLog).where(eq(auditLog.targetType, 'outbox'))).toEqual([]);
  });

  it.each([
    ['a student', 'camille-martin'],
    ['a programme head', 'jean-dupont'],
  ])('is refused to %s (403), and without the CSRF token to the office too, and nothing changes', async (_who, persona) => {
    const id = await retryingMail();
    const before = await row(id);
    const other = await pstage.launch(persona, 'm1-info');
    const ownToken =
      /name="_csrf" value="([^"]+)"/.exec(other.page.text)?.[1] ??
      /name="_csrf" value="([^"]+)"/.exec((await other.client.request('/student')).text)?.[1];
    expect(ownToken).toBeDefined();
    expect((await post(other.client, ownToken!, `/office/deliveries/${id}/retry`)).status).toBe(403);
    const office = await launchOffice(pstage);
    expect((await office.client.request(`/office/deliveries/${id}/retry`, { form: {} })).status).toBe(403);
    expect(await row(id)).toEqual(before);
    expect(await pstage.database.db.select().from(auditLog).where(eq(auditLog.targetType, 'outbox'))).toEqual([]);
  });
});

describe('post-backs skipped for a programme whose course gave no AGS endpoint', () => {
  async function skippedPostBack(programmeId: number) {
    const { id } = await outboxRepository.enqueue(pstage.database.db, { kind: 'ags', payload: { programmeId, studentUserId: 1 } });
    await outboxRepository.markSkipped(pstage.database.db, id, 'No AGS endpoint');
  }

  it('are summed up by programme on the deliveries page, in French and in English, and not listed as failing', async () => {
    await pstage.launch('camille-martin', 'm1-info');
    const [programme] = await pstage.database.db.select().from(programmes);
    await pstage.database.db.update(programmes).set({ lineItemsUrl: null, lineItemUrl: null }).where(eq(programmes.id, programme.id));
    await skippedPostBack(programme.id);
    await skippedPostBack(programme.id);
    const { client } = await launchOffice(pstage);

    const page = await client.request('/office/deliveries');
    expect(page.text).toContain('Aucun envoi en échec.');
    expect(page.text).toContain('Progression non reportée dans l&#39;e-campus');
    const line = new RegExp(`<tr><td>${programme.title}</td><td>2</td><td>[^<]+</td></tr>`);
    expect(page.text).toMatch(line);

    await pstage.database.db.execute(sql`update sessions set data = jsonb_set(data, '{locale}', '"en"')`);
    const english = await client.request('/office/deliveries');
    expect(english.text).toContain('Progress not posted to the LMS');
    expect(english.text).toContain('<th scope="col">Post-backs not sent</th>');
    expect(english.text).toMatch(line);
  });

  it('are no longer shown once the programme has an AGS endpoint again', async () => {
    await pstage.launch('camille-martin', 'm1-info');
    const [programme] = await pstage.database.db.select().from(programmes);
    expect(programme.lineItemsUrl).toBeTruthy();
    await skippedPostBack(programme.id);
    const { client } = await launchOffice(pstage);
    expect((await client.request('/office/deliveries')).text).not.toContain('Progression non reportée');
  });
});

describe('a delivery that failed for good', () => {
  it('shows its last error in French and in English, with the recipient but nothing of the message content', async () => {
    const db = pstage.database.db;
    const { id } = await outboxRepository.enqueue(db, {
      kind: 'mail',
      payload: {
        template: 'conventionReturned',
        to: { email: 'camille@example.fr', name: 'Camille Martin', locale: 'fr' },
        data: { reason: 'motif confidentiel', reference: 'CS-2026-0001' },
      },
    });
    await outboxRepository.markFailed(db, id, '550 5.1.1 mailbox unavailable', new Date(), { permanent: true });
    const { client } = await launchOffice(pstage);

    const french = await client.request('/office/deliveries');
    expect(french.text).toContain('Envois en échec : 1');
    expect(french.text).toContain('Abandonné');
    expect(french.text).toContain('<th scope="col">Dernière erreur</th>');
    expect(french.text).toContain('550 5.1.1 mailbox unavailable');
    expect(french.text).toContain('Camille Martin &lt;camille@example.fr&gt;');
    expect(french.text).not.toContain('motif confidentiel');

    await db.execute(sql`update sessions set data = jsonb_set(data, '{locale}', '"en"')`);
    const english = await client.request('/office/deliveries');
    expect(english.text).toContain('Failed deliveries: 1');
    expect(english.text).toContain('Given up');
    expect(english.text).toContain('<th scope="col">Last error</th>');
    expect(english.text).toContain('550 5.1.1 mailbox unavailable');
    expect(english.text).toContain(`Retry delivery no. ${id} now`);
    expect(english.text).not.toContain('motif confidentiel');
  });
});
