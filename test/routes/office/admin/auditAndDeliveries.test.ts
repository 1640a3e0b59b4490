import { eq, sql } from 'drizzle-orm';
import { auditRepository } from '../../../../src/models/auditRepository';
import { outboxRepository } from '../../../../src/models/outboxRepository';
import { auditLog, outbox, users } from '../../../../src/models/schema';
import { useTestPstage } from '../../../support/pstage';
import { download, launchOffice, post } from './support';

const pstage = useTestPstage();

describe('the audit log', () => {
  it('shows every entry newest first, filtered by action, target and actor, paginated', async () => {
    const { client } = await launchOffice(pstage);
    const db = pstage.database.db;
    const [office] = await db.select().from(users);
    for (let index = 0; index < 55; index += 1) {
      await auditRepository.record(db, { actorUserId: null, action: 'outbox.retry', targetType: 'outbox', targetId: index });
    }
    await auditRepository.record(db, {
      actorUserId: office.id,
      action: 'convention.validate',
      targetType: 'convention',
      targetId: 7,
      details: { reason: 'dérogation' },
    });
    await auditRepository.record(db, { actorUserId: office.id, action: 'convention.cancel', targetType: 'convention', targetId: 8 });
    await auditRepository.record(db, { actorUserId: office.id, action: 'organisation.merge', targetType: 'organisation', targetId: 3 });

    const all = await client.request('/office/audit');
    expect(all.text).toContain('Entrées : 58, les plus récentes d&#39;abord');
    const position = (action: string) => all.text.indexOf(`<code>${action}</code>`);
    expect(position('organisation.merge')).toBeGreaterThan(0);
    expect(position('organisation.merge')).toBeLessThan(position('convention.cancel'));
    expect(position('convention.cancel')).toBeLessThan(position('convention.validate'));
    expect(position('convention.validate')).toBeLessThan(position('outbox.retry'));
    expect(all.text).toContain('Page 1 sur 2');
    const second = await client.request('/office/audit?page=2');
    expect((second.text.match(/<code>outbox\.retry<\/code>/g) ?? []).length).toBe(8);

    const oneConvention = await client.request('/office/audit?targetType=convention&targetId=7');
    expect(oneConvention.text).toContain('Entrées : 1');
    expect(oneConvention.text).toContain('<a href="/office/conventions/7">convention 7</a>');
    expect(oneConvention.text).toContain('dérogation');
    expect((await client.request('/office/audit?action=convention.')).text).toContain('Entrées : 2');
    expect((await client.request('/office/audit?targetType=organisation')).text).toContain(
      '<a href="/office/organisations/3">organisation 3</a>',
    );
    const byActor = await client.request(`/office/audit?actor=${encodeURIComponent(office.name.split(' ')[0])}`);
    expect(byActor.text).toContain('Entrées : 3');
    expect((await client.request(`/office/audit?actor=${office.id}`)).text).toContain('Entrées : 3');
  });
});

describe('failed deliveries', () => {
  async function failingMessages() {
    const db = pstage.database.db;
    const failed = await outboxRepository.enqueue(db, {
      kind: 'mail',
      payload: {
        template: 'conventionValidated',
        to: { email: 'camille@example.fr', name: 'Camille Martin', locale: 'fr' },
        data: { secret: 'not shown' },
      },
    });
    await outboxRepository.markFailed(db, failed.id, '550 mailbox unavailable', new Date(), { permanent: true });
    const retrying = await outboxRepository.enqueue(db, {
      kind: 'ags',
      payload: { programmeId: 1, studentUserId: 999, conventionReference: 'CONV-2026-000009' },
    });
    await outboxRepository.markFailed(db, retrying.id, 'LMS answered 503', new Date(Date.now() + 60_000));
    const sent = await outboxRepository.enqueue(db, {
      kind: 'mail',
      payload: { template: 'subjectValidated', to: { email: 'sent@example.fr', name: 'Sent', locale: 'fr' }, data: {} },
    });
    await outboxRepository.markSent(db, sent.id);
    return { failed: failed.id, retrying: retrying.id, sent: sent.id };
  }

  it('lists the mails and LMS post-backs that failed, with recipient, attempts, last error and next attempt, and nothing of the content', async () => {
    const { client } = await launchOffice(pstage);
    const ids = await failingMessages();
    const page = await client.request('/office/deliveries');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Envois en échec : 2');
    expect(page.text).toContain('Camille Martin &lt;camille@example.fr&gt;');
    expect(page.text).toContain('550 mailbox unavailable');
    expect(page.text).toContain('LMS answered 503');
    expect(page.text).toContain('CONV-2026-000009');
    expect(page.text).toContain('Abandonné');
    expect(page.text).toContain('En cours de nouvel essai');
    expect(page.text).not.toContain('sent@example.fr');
    expect(page.text).not.toContain('not shown');
    expect(page.text).toContain(`action="/office/deliveries/${ids.failed}/retry"`);
    expect(page.text).toContain(`action="/office/deliveries/${ids.retrying}/retry"`);
  });

  it('puts a failed message back in the queue, with an audit entry; a message already sent is refused', async () => {
    const { client, csrf } = await launchOffice(pstage);
    const ids = await failingMessages();
    const retried = await post(client, csrf, `/office/deliveries/${ids.failed}/retry`);
    expect(retried).toMatchObject({ status: 303, location: '/office/deliveries?done=retried' });
    const [message] = await pstage.database.db.select().from(outbox).where(eq(outbox.id, ids.failed));
    expect(message).toMatchObject({ status: 'pending', attempts: 0 });
    const [entry] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'outbox.retry'));
    expect(entry.targetId).toBe(String(ids.failed));
    expect((await post(client, csrf, `/office/deliveries/${ids.sent}/retry`)).status).toBe(409);
    expect((await post(client, csrf, '/office/deliveries/nope/retry')).status).toBe(404);
  });
});

describe('an English-speaking office member', () => {
  it('reads the pages in English, while the CSV keeps its French headers for French Excel', async () => {
    const { client } = await launchOffice(pstage);
    await pstage.database.db.execute(sql`update sessions set data = jsonb_set(data, '{locale}', '"en"')`);
    const page = await client.request('/office/internships');
    expect(page.text).toContain('<h1>Internship database</h1>');
    expect(page.text).toContain('Export the selection as CSV (Excel)');
    expect((await client.request('/office/organisations')).text).toContain('No organisation waiting for review.');
    expect((await client.request('/office/staff')).text).toContain('Roles granted in Pstage (0)');
    expect((await client.request('/office/statistics')).text).toContain('Conventions by state');
    expect((await client.request('/office/audit')).text).toContain('<h1>Audit log</h1>');
    expect((await client.request('/office/deliveries')).text).toContain('No failed delivery.');
    const csv = await download(client, '/office/internships/export.csv');
    expect(csv.bytes.subarray(3).toString('utf8')).toMatch(/^Référence;Année universitaire;/);
  });
});
