import { eq } from 'drizzle-orm';
import { outbox } from '../../../src/models/schema';
import { recordDeanSignature } from '../../../src/services/office/recordDeanSignature';
import { recordSignature } from '../../../src/services/office/recordSignature';
import { testClock, today } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { minorPersonal, submitConventionAsStudent, validLegalRepresentative } from '../../support/studentJourney';
import { acceptCertificateAsOffice, circuitOf, launchOffice, recordSignaturesAsOffice, reload, validateAsOffice } from './officeJourney';

const pstage = useTestPstage();
const adultParties = ['student', 'host_signatory', 'professional_tutor', 'academic_tutor'] as const;

async function validatedMinorConvention() {
  const submitted = await submitConventionAsStudent(pstage, { personal: minorPersonal, legalRepresentative: validLegalRepresentative });
  await validateAsOffice(pstage, submitted.convention.id);
  return submitted;
}

describe('the legal representative of a minor student signs the convention', () => {
  it('nothing is signed by the parties, nor complete, without their signature', async () => {
    const { convention, client, base } = await validatedMinorConvention();
    const { officeUserId, client: office } = await launchOffice(pstage);
    const signedByAdults = await recordSignaturesAsOffice(pstage, convention.id, adultParties);
    expect(signedByAdults.state).toBe('validated');
    const { version } = await acceptCertificateAsOffice(pstage, convention.id);
    await expect(
      recordDeanSignature(pstage.database.db, { officeUserId, conventionId: convention.id, version, signedAt: today }, circuitOf(pstage)),
    ).rejects.toMatchObject({
      status: 409,
      messageKey: 'workflow.error.signaturesMissing',
      params: { count: 1, parties: 'legal_representative' },
    });

    const officePage = (await office.request(`/office/conventions/${convention.id}`)).text;
    expect(officePage).toContain('<option value="legal_representative">Représentant légal du stagiaire mineur</option>');
    expect(officePage).toMatch(/Représentant légal du stagiaire mineur<\/th>\s*<td colspan="3">Pas encore/);
    expect(officePage).toMatch(/id="legal-representative">M\. Thierry Petit — thierry\.petit@example\.fr/);
    expect((await client.request(base)).text).toContain('Représentant légal du stagiaire mineur\u00a0: en attente');

    expect((await recordSignaturesAsOffice(pstage, convention.id, ['legal_representative'])).state).toBe('signed_by_parties');
    expect((await client.request(base)).text).toMatch(/Représentant légal du stagiaire mineur\u00a0: <strong>signée, original reçu le/);
    const after = await reload(pstage, convention.id);
    const complete = await recordDeanSignature(
      pstage.database.db,
      { officeUserId, conventionId: convention.id, version: after.version, signedAt: today },
      circuitOf(pstage),
    );
    expect(complete.state).toBe('complete');
  });

  it('is named among the signatories in the mail that tells the student the convention is validated', async () => {
    await validatedMinorConvention();
    const mails = await pstage.database.db.select().from(outbox).where(eq(outbox.kind, 'mail'));
    const validated = mails
      .map((row) => row.payload as { template: string; data: { signatories: unknown[] } })
      .find((mail) => mail.template === 'conventionValidated');
    expect(validated?.data.signatories).toEqual([
      { party: 'student' },
      { party: 'legalRepresentative', name: 'Thierry Petit' },
      { party: 'hostSignatory', name: 'Claire Moreau' },
      { party: 'professionalTutor', name: 'Paul Durand' },
      { party: 'academicTutor', name: 'Anne Leroy' },
    ]);
  });
});

describe('an adult student has no legal representative', () => {
  it('their convention is signed by the four parties, and a representative’s signature is refused', async () => {
    const { convention, client, base } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const { officeUserId, client: office } = await launchOffice(pstage);
    const { version } = await reload(pstage, convention.id);
    await expect(
      recordSignature(
        pstage.database.db,
        { officeUserId, conventionId: convention.id, version, party: 'legal_representative', signedAt: today, method: 'paper' },
        testClock,
      ),
    ).rejects.toMatchObject({ messageKey: 'workflow.error.notAParty' });
    expect((await office.request(`/office/conventions/${convention.id}`)).text).not.toContain('Représentant légal');
    expect((await client.request(base)).text).not.toContain('Représentant légal');
    expect((await recordSignaturesAsOffice(pstage, convention.id, adultParties)).state).toBe('signed_by_parties');
  });
});
