import { eq } from 'drizzle-orm';
import { auditLog, outbox } from '../../../src/models/schema';
import { movableClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { sentForSignature } from '../../support/signatureCircuit';
import { useSignatureMailbox } from '../../support/signatureMailbox';

const clock = movableClock({ movesNow: true });
const pstage = useTestPstage({ clock });
const mailbox = useSignatureMailbox(pstage);

beforeEach(() => clock.reset());

describe('a bounce that comes back after the SMTP server accepted the mail, reported by the office', () => {
  it('shows the signatory’s mail as not delivered on the convention and the failed deliveries, until the address is corrected', async () => {
    const { convention, office, requests } = await sentForSignature(pstage, mailbox);
    const host = requests.find((row) => row.party === 'host_signatory')!;
    const page = `/office/conventions/${convention.id}`;
    expect((await office.client.request(page)).text).not.toContain(`id="delivery-failed-${host.id}"`);

    const empty = await office.client.submit(page, { requestId: String(host.id), note: ' ' }, `${page}/signature-bounce`);
    expect(empty.location).toBe(`${page}#signatureBounce`);
    expect((await office.client.request(page)).text).toContain('Indiquez ce que dit le message d’erreur de remise.');

    const reported = await office.client.submit(
      page,
      { requestId: String(host.id), note: '550 5.1.1 <signataire@acme.example.fr>: user unknown' },
      `${page}/signature-bounce`,
    );
    expect(reported).toMatchObject({ status: 303, location: `${page}?done=signatureBounce` });
    const file = (await office.client.request(page)).text;
    expect(file).toContain(`id="delivery-failed-${host.id}"`);
    expect(file).toContain('user unknown');
    const deliveries = (await office.client.request('/office/deliveries')).text;
    expect(deliveries).toContain(host.email);
    expect(deliveries).toContain(`href="${page}#signature-requests"`);
    const [entry] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'signature.bounce_reported'));
    expect(entry.details).toMatchObject({ party: 'host_signatory', email: host.email });

    await office.client.submit(page, { requestId: String(host.id), email: 'direction@acme.example.fr' }, `${page}/signatory-email`);
    await mailbox.deliver();
    expect((await office.client.request(page)).text).not.toContain('Courriel non remis au signataire');
    expect(mailbox.linkIn('direction@acme.example.fr')).toMatch(/^\/sign\//);
  }, 120_000);

  it('a request whose mail has not been sent yet cannot bounce', async () => {
    const { convention, office, requests } = await sentForSignature(pstage, mailbox);
    const host = requests.find((row) => row.party === 'host_signatory')!;
    await pstage.database.db.update(outbox).set({ status: 'pending' }).where(eq(outbox.status, 'sent'));
    const page = `/office/conventions/${convention.id}`;
    const refused = await office.client.submit(page, { requestId: String(host.id), note: 'user unknown' }, `${page}/signature-bounce`);
    expect(refused.location).toBe(`${page}#signatureBounce`);
    expect((await office.client.request(page)).text).toContain('Aucun courriel n’a encore été envoyé à ce signataire.');
  }, 120_000);
});
