import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { auditLog, signatureRequests } from '../../../src/models/schema';
import { movableClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { sentForSignature } from '../../support/signatureCircuit';
import { useSignatureMailbox } from '../../support/signatureMailbox';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { acceptCertificateAsOffice, launchOffice, validateAsOffice } from '../../services/office/officeJourney';

const clock = movableClock({ movesNow: true });
const pstage = useTestPstage({ clock });
const mailbox = useSignatureMailbox(pstage);
const { deliver, linkIn, codeIn } = mailbox;

beforeEach(() => {
  clock.reset();
  pstage.services.config.signature.deanEmail = 'doyen@univ.example.fr';
});

const pendingOf = async (conventionId: number) =>
  (
    await pstage.database.db
      .select()
      .from(signatureRequests)
      .where(and(eq(signatureRequests.conventionId, conventionId), eq(signatureRequests.status, 'pending')))
  )
    .map((row) => row.party)
    .sort();

async function signByLink(link: string, name: string, email: string) {
  await request(pstage.url).post(`${link}/code`).type('form').send({});
  await deliver();
  return request(pstage.url)
    .post(`${link}/sign`)
    .type('form')
    .send({ fullName: name, code: codeIn(email), consent: 'yes' });
}

describe('the office orders the signatories', () => {
  it('set before sending, one after the other: only the first gets a link, the next one once they signed', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    await acceptCertificateAsOffice(pstage, convention.id);
    const office = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    expect((await office.client.request(page)).text).toContain('id="signatureOrder"');
    const sequence = ['host_signatory', 'academic_tutor', 'professional_tutor', 'student'];
    const ordered = await office.client.submit(page, { mode: 'sequential', sequence }, `${page}/signature-order`);
    expect(ordered).toMatchObject({ status: 303, location: `${page}?done=signatureOrder` });
    // The form shows the order chosen.
    const shown = (await office.client.request(page)).text;
    expect(shown).toMatch(/id="signatureOrder-sequence-1"[^>]*>\s*<option value="host_signatory" selected>/);
    expect((await office.client.submit(page, {}, `${page}/send-for-signature`)).location).toBe(`${page}?done=sendForSignature`);
    expect(await pendingOf(convention.id)).toEqual(['host_signatory']);
    await deliver();
    const [host] = await pstage.database.db
      .select()
      .from(signatureRequests)
      .where(and(eq(signatureRequests.conventionId, convention.id), eq(signatureRequests.party, 'host_signatory')));
    expect((await signByLink(linkIn(host.email), host.name, host.email)).status).toBe(200);
    expect(await pendingOf(convention.id)).toEqual(['academic_tutor']);
    const [entry] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'signature.order_changed'));
    expect(entry.details).toMatchObject({ from: 'parallel', to: sequence, revoked: [], sent: [] });
  }, 120_000);

  it('changed during the circuit: the links out of turn are revoked; back to parallel, the others get new links', async () => {
    const { convention, office, requests } = await sentForSignature(pstage, mailbox);
    const page = `/office/conventions/${convention.id}`;
    const links = Object.fromEntries(requests.filter((row) => row.party !== 'student').map((row) => [row.party, linkIn(row.email)]));
    expect(await pendingOf(convention.id)).toEqual(['academic_tutor', 'host_signatory', 'professional_tutor', 'student']);
    const sequence = ['professional_tutor', 'host_signatory', 'academic_tutor', 'student'];
    await office.client.submit(page, { mode: 'sequential', sequence }, `${page}/signature-order`);
    expect(await pendingOf(convention.id)).toEqual(['professional_tutor']);
    expect((await request(pstage.url).get(links.host_signatory)).status).toBe(404);
    expect((await request(pstage.url).get(links.academic_tutor)).status).toBe(404);
    // The one whose turn it still is keeps the link they have.
    expect((await request(pstage.url).get(links.professional_tutor)).status).toBe(200);
    const [changed] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'signature.order_changed'));
    expect((changed.details as { revoked: string[] }).revoked.sort()).toEqual(['academic_tutor', 'host_signatory', 'student']);

    await office.client.submit(page, { mode: 'parallel' }, `${page}/signature-order`);
    expect(await pendingOf(convention.id)).toEqual(['academic_tutor', 'host_signatory', 'professional_tutor', 'student']);
    await deliver();
    const host = requests.find((row) => row.party === 'host_signatory')!;
    const newLink = linkIn(host.email);
    expect(newLink).not.toBe(links.host_signatory);
    expect((await signByLink(newLink, host.name, host.email)).status).toBe(200);
  }, 120_000);

  it('a sequence that names a party twice or leaves one out is refused on the form, nothing changes', async () => {
    const { convention, office } = await sentForSignature(pstage, mailbox);
    const page = `/office/conventions/${convention.id}`;
    const twice = ['host_signatory', 'host_signatory', 'professional_tutor', 'student'];
    expect(await office.client.submit(page, { mode: 'sequential', sequence: twice }, `${page}/signature-order`)).toMatchObject({
      location: `${page}#signatureOrder`,
    });
    expect((await office.client.request(page)).text).toContain('Choisissez chaque partie une fois et une seule.');
    const unknown = await office.client.submit(page, { mode: 'sequential', sequence: ['dean'] }, `${page}/signature-order`);
    expect(unknown.location).toBe(`${page}#signatureOrder`);
    expect(await office.client.submit(page, { mode: 'later' }, `${page}/signature-order`)).toMatchObject({
      location: `${page}#signatureOrder`,
    });
    expect(await pendingOf(convention.id)).toEqual(['academic_tutor', 'host_signatory', 'professional_tutor', 'student']);
    expect(await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'signature.order_changed'))).toHaveLength(0);
  }, 120_000);
});
