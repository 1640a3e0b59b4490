import { eq } from 'drizzle-orm';
import { AppError } from '../../../../src/errors';
import { auditLog, organisations } from '../../../../src/models/schema';
import { userRepository } from '../../../../src/models/userRepository';
import { editOrganisation, mergeOrganisations } from '../../../../src/services/office/admin/organisations';
import { useTestPstage } from '../../../support/pstage';
import { createHost, host } from './support';

const pstage = useTestPstage();

/** Outcomes of promises run at once: 'ok' or the HTTP status of the AppError. */
async function outcomes(runs: Promise<unknown>[]) {
  const settled = await Promise.allSettled(runs);
  return settled
    .map((result) =>
      result.status === 'fulfilled' ? 'ok' : result.reason instanceof AppError ? result.reason.status : String(result.reason),
    )
    .sort();
}

async function officeUserId() {
  const user = await userRepository.upsertFromLaunch(pstage.database.db, {
    iss: 'https://lms.example',
    sub: 'office-1',
    name: 'Office',
    givenName: null,
    familyName: null,
    email: null,
    studentNumber: null,
    locale: 'fr',
  });
  return user.id;
}

// Run on PGlite by default (transactions one at a time) and on PostgreSQL when DATABASE_URL is set, where the
// two transactions really overlap: the conditional update is what decides, not the order of the calls.
describe('concurrent office changes to one host', () => {
  it('two edits from the same version at the same moment: one is saved, the other is a conflict, one audit entry', async () => {
    const actor = await officeUserId();
    const target = await createHost(pstage);
    const results = await outcomes([
      editOrganisation(pstage.database.db, actor, target.id, 1, host({ street: '1 rue A' })),
      editOrganisation(pstage.database.db, actor, target.id, 1, host({ street: '2 rue B' })),
    ]);
    expect(results).toEqual([409, 'ok']);
    const [row] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, target.id));
    expect(row.version).toBe(2);
    expect(['1 rue A', '2 rue B']).toContain(row.street);
    expect(await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.edit'))).toHaveLength(1);
  });

  it('two opposite merges of the same pair at the same moment: one merges, the other is a conflict (no deadlock, no error)', async () => {
    const actor = await officeUserId();
    const a = await createHost(pstage, { name: 'Atelier Numérique' });
    const b = await createHost(pstage, { name: 'Atelier Numerique', siret: null });
    const results = await outcomes([
      mergeOrganisations(pstage.database.db, actor, { survivorId: a.id, survivorVersion: 1, duplicateId: b.id, duplicateVersion: 1 }),
      mergeOrganisations(pstage.database.db, actor, { survivorId: b.id, survivorVersion: 1, duplicateId: a.id, duplicateVersion: 1 }),
    ]);
    expect(results).toEqual([409, 'ok']);
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(1);
    expect(await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.merge'))).toHaveLength(1);
  });
});
