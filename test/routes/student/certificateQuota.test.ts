import { and, eq } from 'drizzle-orm';
import { auditLog, conventions, documents } from '../../../src/models/schema';
import { reviewCertificate } from '../../../src/services/office/reviewCertificate';
import { uploadCertificateForm } from '../../support/certificateUpload';
import { startTestPstage, type TestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { circuitOf, launchOffice } from '../../services/office/officeJourney';

let pstage: TestPstage;
beforeAll(async () => {
  pstage = await startTestPstage({ CERTIFICATE_QUOTA: '3' });
}, 90_000);
afterAll(async () => pstage?.stop());
beforeEach(async () => pstage.reset());

const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`);

async function storedCertificates() {
  return pstage.database.db
    .select({ id: documents.id, filename: documents.filename, status: documents.status })
    .from(documents)
    .where(eq(documents.kind, 'civil_liability'))
    .orderBy(documents.id);
}

/** The office refuses the convention's newest certificate, with a reason, through the use case. */
async function refuseNewest(conventionId: number, officeUserId: number, reason: string) {
  const [convention] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, conventionId));
  const newest = (await storedCertificates()).at(-1)!;
  await reviewCertificate(
    pstage.database.db,
    {
      officeUserId,
      conventionId,
      version: convention.version,
      decision: 'rejected',
      documentId: newest.id,
      reason,
    },
    circuitOf(pstage),
  );
}

describe('the certificates a student may keep stored', () => {
  it('a new upload replaces the one still awaiting the office, and the replacement is in the audit log', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    await uploadCertificateForm(client, pdf('first'), 'premiere.pdf');
    const [first] = await storedCertificates();
    expect(await uploadCertificateForm(client, pdf('second'), 'seconde.pdf')).toEqual({
      status: 303,
      location: '/student/certificate?done=uploaded',
    });
    const kept = await storedCertificates();
    expect(kept).toEqual([{ id: expect.any(Number), filename: 'seconde.pdf', status: 'submitted' }]);
    const [entry] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'certificate.replaced'));
    expect(entry).toMatchObject({
      targetType: 'convention',
      targetId: String(convention.id),
      details: { documentId: kept[0].id, replacedDocumentIds: [first.id] },
    });
    const page = await client.request('/student/certificate');
    expect(page.text).not.toContain('premiere.pdf');
    expect(page.text).toContain('Une nouvelle attestation remplace celle qui attend encore la vérification pour la même convention');
  });

  it('refused certificates stay with their reason; past the quota the upload is refused with a clear error, nothing removed', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    const { officeUserId } = await launchOffice(pstage);
    for (const [index, name] of ['a.pdf', 'b.pdf', 'c.pdf'].entries()) {
      expect((await uploadCertificateForm(client, pdf(name), name)).location).toBe('/student/certificate?done=uploaded');
      await refuseNewest(convention.id, officeUserId, `Attestation ${index + 1} illisible`);
    }
    const before = await storedCertificates();
    expect(before.map((certificate) => [certificate.filename, certificate.status])).toEqual([
      ['a.pdf', 'rejected'],
      ['b.pdf', 'rejected'],
      ['c.pdf', 'rejected'],
    ]);
    expect(await uploadCertificateForm(client, pdf('d'), 'd.pdf')).toEqual({ status: 303, location: '/student/certificate' });
    expect(await storedCertificates()).toEqual(before);
    const page = await client.request('/student/certificate');
    expect(page.text).toMatch(
      /id="certificate-error"[^>]*>Vous avez déjà le nombre maximal d&#39;attestations déposées\. Les attestations acceptées ou refusées restent au dossier : pour en déposer une autre, contactez le service des stages\./,
    );
    expect(page.text).toContain('href="#certificate"');
    expect(page.text).toContain('Attestation 1 illisible');
  });

  it('at the quota, a certificate still awaiting the office can still be replaced', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    const { officeUserId } = await launchOffice(pstage);
    for (const name of ['a.pdf', 'b.pdf']) {
      await uploadCertificateForm(client, pdf(name), name);
      await refuseNewest(convention.id, officeUserId, 'Illisible');
    }
    await uploadCertificateForm(client, pdf('c'), 'c.pdf');
    expect(await uploadCertificateForm(client, pdf('d'), 'd.pdf')).toEqual({ status: 303, location: '/student/certificate?done=uploaded' });
    const kept = await storedCertificates();
    expect(kept.map((certificate) => certificate.filename)).toEqual(['a.pdf', 'b.pdf', 'd.pdf']);
    const pending = await pstage.database.db
      .select()
      .from(documents)
      .where(and(eq(documents.kind, 'civil_liability'), eq(documents.status, 'submitted')));
    expect(pending.map((certificate) => certificate.filename)).toEqual(['d.pdf']);
  });
});
