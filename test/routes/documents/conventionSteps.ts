import { eq } from 'drizzle-orm';
import { conventionRepository, type Convention } from '../../../src/models/conventionRepository';
import { conventions, organisations, subjects, users } from '../../../src/models/schema';
import { buildFrozenSnapshot } from '../../../src/services/conventions/frozenSnapshot';
import { fireConventionEvent } from '../../../src/services/conventions/conventionTransition';
import type { Finding } from '../../../src/domain/legal/finding';
import { signatureParties } from '../../../src/domain/workflow';
import type { BrowserlessClient } from '../../support/browserlessClient';
import { testClock } from '../../support/clock';
import type { TestPstage } from '../../support/pstage';

/** A shortcut through the office's decisions: validate the subject and the host, then the convention with its frozen snapshot. */
export async function validateAsOffice(pstage: TestPstage, conventionId: number): Promise<Convention> {
  const { db } = pstage.database;
  return db.transaction(async (tx) => {
    const convention = (await conventionRepository.findById(tx, conventionId))!;
    await tx.update(subjects).set({ state: 'validated' }).where(eq(subjects.id, convention.subjectId!));
    await tx.update(organisations).set({ validated: true }).where(eq(organisations.id, convention.organisationId!));
    return fireConventionEvent({
      tx, convention, version: convention.version, event: { type: 'validate' }, actor: 'office', actorUserId: convention.studentUserId, at: testClock.now(),
      facts: { subjectValidated: true, academicTutorAssigned: true, hostOrganisationValidated: true, findings: convention.legalFindings as Finding[] },
      changes: { frozenSnapshot: { ...(await buildFrozenSnapshot(tx, convention)) } },
    });
  });
}

/** Every signature recorded, then the office's final check. */
export async function completeAsOffice(pstage: TestPstage, conventionId: number): Promise<Convention> {
  const { db } = pstage.database;
  let convention = (await conventionRepository.findById(db, conventionId))!;
  const signed: (typeof signatureParties)[number][] = [];
  for (const party of signatureParties) {
    convention = await db.transaction((tx) =>
      fireConventionEvent({ tx, convention, version: convention.version, event: { type: 'record_signature', party }, actor: 'office', actorUserId: convention.studentUserId, at: testClock.now(), facts: { signedParties: [...signed] } }));
    signed.push(party);
  }
  return db.transaction((tx) =>
    fireConventionEvent({ tx, convention, version: convention.version, event: { type: 'final_check' }, actor: 'office', actorUserId: convention.studentUserId, at: testClock.now(), facts: { signedParties: signed, certificateAccepted: true, deanSignatureRecorded: true } }));
}

export async function stateOf(pstage: TestPstage, conventionId: number) {
  const [row] = await pstage.database.db.select({ state: conventions.state }).from(conventions).where(eq(conventions.id, conventionId));
  return row.state;
}

export async function userIdOf(pstage: TestPstage, name: string): Promise<number> {
  const [row] = await pstage.database.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.name, name));
  return row.id;
}

/** A GET with the client's session, keeping the body as bytes. */
export async function download(client: BrowserlessClient, path: string) {
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(new URL(path, client.baseUrl), { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}
