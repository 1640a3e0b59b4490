import { eq } from 'drizzle-orm';
import { conventionEvents, outbox, signatures } from '../../../src/models/schema';
import { cancelConvention } from '../../../src/services/office/cancelConvention';
import { recordDeanSignature } from '../../../src/services/office/recordDeanSignature';
import { recordSignature } from '../../../src/services/office/recordSignature';
import { returnConvention } from '../../../src/services/office/returnConvention';
import { reviewCertificate } from '../../../src/services/office/reviewCertificate';
import { validateConvention } from '../../../src/services/office/validateConvention';
import { testClock, today, tomorrow } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { certificateOf, circuitOf, conventionReadyToValidate, launchOffice, reload, storeCertificate } from './officeJourney';

const pstage = useTestPstage();
const parties = ['student', 'host_signatory', 'professional_tutor', 'academic_tutor'] as const;

async function validated() {
  const { officeUserId } = await launchOffice(pstage);
  const { convention } = await conventionReadyToValidate(pstage);
  const updated = await validateConvention(
    pstage.database.db,
    { officeUserId, conventionId: convention.id, version: convention.version, overrideReason: null },
    testClock,
  );
  return { officeUserId, convention: updated };
}

async function signAll(officeUserId: number, conventionId: number, only: readonly (typeof parties)[number][] = parties) {
  for (const party of only) {
    const { version } = await reload(pstage, conventionId);
    await recordSignature(pstage.database.db, { officeUserId, conventionId, version, party, signedAt: today, method: 'paper' }, testClock);
  }
  return reload(pstage, conventionId);
}

const mails = async () =>
  (await pstage.database.db.select().from(outbox))
    .filter((row) => row.kind === 'mail')
    .map((row) => row.payload as { template: string; to: { email: string }; data: Record<string, unknown> });

describe('signatures', () => {
  it('records each party, and the fourth moves the convention to signed by the parties', async () => {
    const { officeUserId, convention } = await validated();
    let after = await signAll(officeUserId, convention.id, parties.slice(0, 3));
    expect(after.state).toBe('validated');
    after = await signAll(officeUserId, convention.id, ['academic_tutor']);
    expect(after.state).toBe('signed_by_parties');
    const rows = await pstage.database.db.select().from(signatures).where(eq(signatures.conventionId, convention.id));
    expect(rows.map((row) => row.party).sort()).toEqual([...parties].sort());
    expect(rows[0]).toMatchObject({ signedAt: today, method: 'paper', recordedBy: officeUserId });
    const events = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.event, 'record_signature'));
    expect(events).toHaveLength(4);
  });

  it('refuses the same party twice, with nothing written', async () => {
    const { officeUserId, convention } = await validated();
    const after = await signAll(officeUserId, convention.id, ['student']);
    await expect(
      recordSignature(
        pstage.database.db,
        { officeUserId, conventionId: convention.id, version: after.version, party: 'student', signedAt: today, method: 'electronic' },
        testClock,
      ),
    ).rejects.toMatchObject({ status: 409, messageKey: 'workflow.error.alreadySigned' });
    expect((await reload(pstage, convention.id)).version).toBe(after.version);
    expect(await pstage.database.db.select().from(signatures)).toHaveLength(1);
  });

  it('refuses a date in the future or before the validation, next to the date field', async () => {
    const { officeUserId, convention } = await validated();
    await expect(
      recordSignature(
        pstage.database.db,
        { officeUserId, conventionId: convention.id, version: convention.version, party: 'student', signedAt: tomorrow, method: 'paper' },
        testClock,
      ),
    ).rejects.toMatchObject({ status: 422, messageKey: 'office.errors.signedInFuture', params: { field: 'signedAt' } });
    await expect(
      recordSignature(
        pstage.database.db,
        {
          officeUserId,
          conventionId: convention.id,
          version: convention.version,
          party: 'student',
          signedAt: '2020-01-01',
          method: 'paper',
        },
        testClock,
      ),
    ).rejects.toMatchObject({
      status: 422,
      messageKey: 'office.errors.signedBeforeValidation',
      params: { field: 'signedAt', date: today },
    });
    expect(await pstage.database.db.select().from(signatures)).toHaveLength(0);
  });

  it('refuses a signature before the convention is validated', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    await expect(
      recordSignature(
        pstage.database.db,
        { officeUserId, conventionId: convention.id, version: convention.version, party: 'student', signedAt: today, method: 'paper' },
        testClock,
      ),
    ).rejects.toMatchObject({ status: 409, messageKey: 'workflow.error.invalidTransition' });
  });
});

describe('the civil-liability certificate', () => {
  it('accepted: the document is marked, the decision is in the history', async () => {
    const { officeUserId, convention } = await validated();
    const certificate = await storeCertificate(pstage, convention);
    await reviewCertificate(
      pstage.database.db,
      {
        officeUserId,
        conventionId: convention.id,
        version: convention.version,
        decision: 'accepted',
        documentId: certificate.id,
      },
      circuitOf(pstage),
    );
    expect(await certificateOf(pstage, certificate.id)).toMatchObject({ status: 'accepted', statusReason: null });
    expect((await reload(pstage, convention.id)).version).toBe(convention.version + 1);
    expect(await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.event, 'certificate_accepted'))).toHaveLength(
      1,
    );
  });

  it('rejected with a reason the student reads in a mail; without a reason it is refused', async () => {
    const { officeUserId, convention } = await validated();
    const certificate = await storeCertificate(pstage, convention);
    await expect(
      reviewCertificate(
        pstage.database.db,
        {
          officeUserId,
          conventionId: convention.id,
          version: convention.version,
          decision: 'rejected',
          documentId: certificate.id,
          reason: ' ',
        },
        circuitOf(pstage),
      ),
    ).rejects.toMatchObject({ status: 422, params: { field: 'reason' } });
    await reviewCertificate(
      pstage.database.db,
      {
        officeUserId,
        conventionId: convention.id,
        version: convention.version,
        decision: 'rejected',
        documentId: certificate.id,
        reason: 'Attestation expirée',
      },
      circuitOf(pstage),
    );
    expect(await certificateOf(pstage, certificate.id)).toMatchObject({ status: 'rejected', statusReason: 'Attestation expirée' });
    expect(await mails()).toContainEqual(
      expect.objectContaining({
        template: 'certificateRejected',
        to: expect.objectContaining({ email: 'camille.martin@etu.example.fr' }),
        data: expect.objectContaining({ reason: 'Attestation expirée' }),
      }),
    );
  });

  it('a decision on a certificate older than the one now uploaded is a conflict', async () => {
    const { officeUserId, convention } = await validated();
    const older = await storeCertificate(pstage, convention);
    const newer = await storeCertificate(pstage, convention);
    await expect(
      reviewCertificate(
        pstage.database.db,
        {
          officeUserId,
          conventionId: convention.id,
          version: convention.version,
          decision: 'accepted',
          documentId: older.id,
        },
        circuitOf(pstage),
      ),
    ).rejects.toMatchObject({ status: 409, messageKey: 'errors.conflict' });
    // The older one, never decided on, was replaced by the newer upload; the newer one is still to be checked.
    expect(await certificateOf(pstage, older.id)).toBeUndefined();
    expect(await certificateOf(pstage, newer.id)).toMatchObject({ status: 'submitted' });
  });
});

describe('the final check and the dean signature', () => {
  it('is refused while a party has not signed', async () => {
    const { officeUserId, convention } = await validated();
    const after = await signAll(officeUserId, convention.id, parties.slice(0, 3));
    await expect(
      recordDeanSignature(
        pstage.database.db,
        { officeUserId, conventionId: convention.id, version: after.version, signedAt: today },
        circuitOf(pstage),
      ),
    ).rejects.toMatchObject({
      status: 409,
      messageKey: 'workflow.error.signaturesMissing',
      params: { count: 1, parties: 'academic_tutor' },
    });
    expect(await pstage.database.db.select().from(signatures).where(eq(signatures.party, 'dean'))).toHaveLength(0);
  });

  it('is refused while the certificate is not accepted', async () => {
    const { officeUserId, convention } = await validated();
    await storeCertificate(pstage, convention);
    const after = await signAll(officeUserId, convention.id);
    await expect(
      recordDeanSignature(
        pstage.database.db,
        { officeUserId, conventionId: convention.id, version: after.version, signedAt: today },
        circuitOf(pstage),
      ),
    ).rejects.toMatchObject({ status: 409, messageKey: 'workflow.error.certificateNotAccepted' });
    expect((await reload(pstage, convention.id)).state).toBe('signed_by_parties');
  });

  it('completes the convention, records the dean, and tells the student and the academic tutor', async () => {
    const { officeUserId, convention } = await validated();
    const certificate = await storeCertificate(pstage, convention);
    let after = await signAll(officeUserId, convention.id);
    await reviewCertificate(
      pstage.database.db,
      {
        officeUserId,
        conventionId: convention.id,
        version: after.version,
        decision: 'accepted',
        documentId: certificate.id,
      },
      circuitOf(pstage),
    );
    after = await reload(pstage, convention.id);
    const complete = await recordDeanSignature(
      pstage.database.db,
      { officeUserId, conventionId: convention.id, version: after.version, signedAt: today },
      circuitOf(pstage),
    );
    expect(complete.state).toBe('complete');
    expect(await pstage.database.db.select().from(signatures).where(eq(signatures.party, 'dean'))).toHaveLength(1);
    const completeMails = (await mails()).filter((mail) => mail.template === 'conventionComplete');
    expect(completeMails.map((mail) => [mail.to.email, mail.data.recipientRole]).sort()).toEqual([
      ['anne.leroy@univ.example.fr', 'academicTutor'],
      ['camille.martin@etu.example.fr', 'student'],
    ]);
    const ags = (await pstage.database.db.select().from(outbox)).filter((row) => row.kind === 'ags' && row.status === 'pending');
    expect(ags.map((row) => (row.payload as { conventionState?: string }).conventionState)).toContain('complete');
  });
});

describe('return and cancel', () => {
  it('returns a submitted convention to the student with the reason, mailed', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    const updated = await returnConvention(
      pstage.database.db,
      { officeUserId, conventionId: convention.id, version: convention.version, reason: 'Précisez les activités' },
      testClock,
    );
    expect(updated.state).toBe('draft');
    expect(await mails()).toContainEqual(
      expect.objectContaining({ template: 'conventionReturned', data: expect.objectContaining({ reason: 'Précisez les activités' }) }),
    );
  });

  it('cancels a validated convention with a reason, mailed; refuses without a reason', async () => {
    const { officeUserId, convention } = await validated();
    await expect(
      cancelConvention(
        pstage.database.db,
        { officeUserId, conventionId: convention.id, version: convention.version, reason: '  ' },
        testClock,
      ),
    ).rejects.toMatchObject({ status: 409, messageKey: 'workflow.error.reasonRequired' });
    const updated = await cancelConvention(
      pstage.database.db,
      { officeUserId, conventionId: convention.id, version: convention.version, reason: 'Stage abandonné' },
      testClock,
    );
    expect(updated.state).toBe('cancelled');
    const [event] = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.event, 'cancel'));
    expect(event).toMatchObject({ actorRole: 'office', reason: 'Stage abandonné', fromState: 'validated' });
    expect(await mails()).toContainEqual(
      expect.objectContaining({ template: 'conventionCancelled', data: expect.objectContaining({ reason: 'Stage abandonné' }) }),
    );
  });

  it('cannot cancel a complete convention', async () => {
    const { officeUserId, convention } = await validated();
    const certificate = await storeCertificate(pstage, convention);
    let after = await signAll(officeUserId, convention.id);
    await reviewCertificate(
      pstage.database.db,
      {
        officeUserId,
        conventionId: convention.id,
        version: after.version,
        decision: 'accepted',
        documentId: certificate.id,
      },
      circuitOf(pstage),
    );
    after = await reload(pstage, convention.id);
    const complete = await recordDeanSignature(
      pstage.database.db,
      { officeUserId, conventionId: convention.id, version: after.version, signedAt: today },
      circuitOf(pstage),
    );
    await expect(
      cancelConvention(
        pstage.database.db,
        { officeUserId, conventionId: convention.id, version: complete.version, reason: 'Trop tard' },
        testClock,
      ),
    ).rejects.toMatchObject({ status: 409, messageKey: 'workflow.error.invalidTransition' });
  });
});
