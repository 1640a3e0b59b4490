import { eq } from 'drizzle-orm';
import { officeGrantRepository } from '../../../../src/models/officeGrantRepository';
import { auditLog, officeGrants, users } from '../../../../src/models/schema';
import { useTestPstage } from '../../../support/pstage';
import { launchOffice, post } from './support';

const pstage = useTestPstage();

async function userId(name: string) {
  const [user] = await pstage.database.db.select().from(users).where(eq(users.name, name));
  return user.id;
}

describe('the office staff', () => {
  it('grants the office role to a user Pstage knows, with a reason; it applies to their open session at once; then revokes it', async () => {
    const teacher = await pstage.launch('claire-lambert', 'm1-info');
    expect((await teacher.client.request('/office')).status).toBe(403);
    const { client } = await launchOffice(pstage);
    const claire = await userId('Claire Lambert');

    const search = await client.request('/office/staff?q=lambert');
    expect(search.text).toContain(`value="${claire}"`);
    expect(search.text).toContain('Claire Lambert');
    const granted = await client.submit(
      '/office/staff?q=lambert',
      { q: 'lambert', userId: String(claire), reason: 'Renfort pour la rentrée' },
      '/office/staff/grant',
    );
    expect(granted).toMatchObject({ status: 303, location: '/office/staff?done=granted' });
    const [grant] = await pstage.database.db.select().from(officeGrants).where(eq(officeGrants.userId, claire));
    expect(grant.reason).toBe('Renfort pour la rentrée');
    const page = await client.request('/office/staff?done=granted');
    expect(page.text).toContain('Le rôle service des stages a été accordé.');
    expect(page.text).toContain('Renfort pour la rentrée');
    expect((await teacher.client.request('/office')).status).toBe(200);

    const revoked = await client.submit('/office/staff', { userId: String(claire) }, '/office/staff/revoke');
    expect(revoked).toMatchObject({ status: 303, location: '/office/staff?done=revoked' });
    expect(await officeGrantRepository.isGranted(pstage.database.db, claire)).toBe(false);
    expect((await teacher.client.request('/office')).status).toBe(403);
    const entries = await pstage.database.db.select().from(auditLog).where(eq(auditLog.targetType, 'user'));
    expect(entries.map((entry) => [entry.action, entry.targetId])).toEqual([
      ['office.grant', String(claire)],
      ['office.revoke', String(claire)],
    ]);
    expect(entries[0].details).toEqual({ reason: 'Renfort pour la rentrée' });
  });

  it('asks for a reason and a user, next to the fields, keeping the search', async () => {
    await pstage.launch('claire-lambert', 'm1-info');
    const { client } = await launchOffice(pstage);
    const refused = await client.submit('/office/staff?q=lambert', { q: 'lambert', reason: '' }, '/office/staff/grant');
    expect(refused).toMatchObject({ status: 303, location: '/office/staff?q=lambert#grant' });
    const page = await client.request('/office/staff?q=lambert');
    expect(page.text).toMatch(/id="reason-error"[^>]*>Ce champ est obligatoire/);
    expect(page.text).toMatch(/id="userId-error"[^>]*>/);
    expect(page.text).toContain('href="#reason"');
    expect(await pstage.database.db.select().from(officeGrants)).toHaveLength(0);
  });

  it('refuses a second grant, a grant to an unknown user, and a revocation of someone without a grant', async () => {
    await pstage.launch('claire-lambert', 'm1-info');
    const { client, csrf } = await launchOffice(pstage);
    const claire = await userId('Claire Lambert');
    await officeGrantRepository.grant(pstage.database.db, claire, null, 'OFFICE_BOOTSTRAP');
    expect((await post(client, csrf, '/office/staff/grant', { userId: String(claire), reason: 'encore' })).status).toBe(409);
    expect((await post(client, csrf, '/office/staff/grant', { userId: '9999', reason: 'inconnu' })).status).toBe(404);
    const [officeUser] = await pstage.database.db.select().from(users).where(eq(users.email, 'stages@univ.example.fr'));
    // the office persona holds the role from its LMS roles, not from a grant: nothing to revoke here
    expect((await post(client, csrf, '/office/staff/revoke', { userId: String(officeUser.id) })).status).toBe(404);
    expect(await pstage.database.db.select().from(officeGrants)).toHaveLength(1);
  });

  it('refuses to revoke the last grant from oneself, and says so on the page', async () => {
    const { client, csrf } = await launchOffice(pstage);
    const [me] = await pstage.database.db.select().from(users);
    await officeGrantRepository.grant(pstage.database.db, me.id, null, 'OFFICE_BOOTSTRAP');
    const page = await client.request('/office/staff');
    expect(page.text).toContain('Dernier rôle accordé : vous ne pouvez pas vous le retirer.');
    expect(page.text).toContain('configuration (OFFICE_BOOTSTRAP)');
    const refused = await post(client, csrf, '/office/staff/revoke', { userId: String(me.id) });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('vous ne pouvez pas vous le retirer');
    expect(await officeGrantRepository.isGranted(pstage.database.db, me.id)).toBe(true);
  });
});
