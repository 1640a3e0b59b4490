import { and, eq } from 'drizzle-orm';
import { memberships, programmes, rosterSyncs, users } from '../../src/models/schema';
import { toRosterMember } from '../../src/lti/nrps';
import { refreshRoster } from '../../src/services/programme/roster';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

async function programmeNamed(title: string) {
  const [programme] = await pstage.database.db.select().from(programmes).where(eq(programmes.title, title));
  return programme;
}

async function rosterOf(programmeId: number) {
  return pstage.database.db
    .select({
      sub: users.sub,
      name: users.name,
      studentNumber: users.studentNumber,
      email: users.email,
      role: memberships.role,
      source: memberships.source,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.programmeId, programmeId))
    .orderBy(users.sub);
}

describe('the course roster from the LMS (NRPS)', () => {
  it('fetches the members with the platform token when the head opens the panel, and stores them as users and memberships', async () => {
    const { page } = await pstage.launch('jean-dupont', 'm1-info');
    expect(page.status).toBe(200);
    const programme = await programmeNamed('M1 Informatique');
    const roster = await rosterOf(programme.id);
    expect(roster.map((member) => `${member.sub}:${member.role}`)).toEqual([
      '101:student',
      '102:student',
      '103:student',
      '104:student',
      '105:student',
      '201:staff',
      '202:staff',
    ]);
    expect(roster.find((member) => member.sub === '103')).toMatchObject({
      name: 'Thomas Roux',
      studentNumber: '21907001',
      email: 'thomas.roux@etu.example.fr',
      source: 'nrps',
    });
    expect(roster.find((member) => member.sub === '201')).toMatchObject({ source: 'launch' });
    // Students who never launched are listed with their student number.
    expect(page.text).toContain('Thomas Roux');
    expect(page.text).toContain('21907002');
    expect(page.text).not.toContain('Hugo Petit');
    const [sync] = await pstage.database.db.select().from(rosterSyncs).where(eq(rosterSyncs.programmeId, programme.id));
    expect(sync.syncedAt).not.toBeNull();
    expect(sync.lastError).toBeNull();
  });

  it('uses the cached roster while it is recent, and fetches again when it is old or on demand', async () => {
    const { client, page } = await pstage.launch('jean-dupont', 'm1-info');
    const programme = await programmeNamed('M1 Informatique');
    const db = pstage.database.db;
    const thomas = (await db.select().from(users).where(eq(users.sub, '103')))[0];
    await db.delete(memberships).where(and(eq(memberships.userId, thomas.id), eq(memberships.programmeId, programme.id)));

    const cached = await client.request(`/programme/${programme.id}`);
    expect(cached.text).not.toContain('Thomas Roux');

    const refreshed = await client.request(`/programme/${programme.id}/roster/refresh`, {
      form: { _csrf: BrowserlessClient.csrfToken(page.text) },
    });
    expect(refreshed.status).toBe(303);
    const after = await client.follow(refreshed.location!);
    expect(after.text).toContain('Thomas Roux');
    expect(after.text).toContain('La liste des participants du cours a été mise à jour.');

    await db.delete(memberships).where(and(eq(memberships.userId, thomas.id), eq(memberships.programmeId, programme.id)));
    const old = new Date(Date.now() - 10 * 60_000);
    await db.update(rosterSyncs).set({ syncedAt: old, attemptedAt: old }).where(eq(rosterSyncs.programmeId, programme.id));
    const reopened = await client.request(`/programme/${programme.id}`);
    expect(reopened.text).toContain('Thomas Roux');
  });

  it('keeps showing the cached roster with a notice when the LMS answers 500, and recovers afterwards', async () => {
    const { client, page } = await pstage.launch('jean-dupont', 'm1-info');
    const programme = await programmeNamed('M1 Informatique');
    pstage.devPlatform!.setOutage('error500');
    try {
      const refreshed = await client.request(`/programme/${programme.id}/roster/refresh`, {
        form: { _csrf: BrowserlessClient.csrfToken(page.text) },
      });
      expect(refreshed.location).toContain('done=rosterFailed');
      const shown = await client.request(refreshed.location!);
      expect(shown.status).toBe(200);
      expect(shown.text).toContain('id="roster-unavailable"');
      expect(shown.text).toContain('la liste affichée est celle enregistrée dans Pstage');
      expect(shown.text).toContain('Manon Garnier');
      const [sync] = await pstage.database.db.select().from(rosterSyncs).where(eq(rosterSyncs.programmeId, programme.id));
      expect(sync.lastError).toBeTruthy();
      expect(sync.syncedAt).not.toBeNull();
    } finally {
      pstage.devPlatform!.setOutage(null);
    }
    const recovered = await client.request(`/programme/${programme.id}/roster/refresh`, {
      form: { _csrf: BrowserlessClient.csrfToken(page.text) },
    });
    expect(recovered.location).toContain('done=rosterRefreshed');
    const shown = await client.request(recovered.location!);
    expect(shown.text).not.toContain('id="roster-unavailable"');
  }, 30_000);

  it('lands the head on the panel even when the LMS roster was never reachable, with the students Pstage knows', async () => {
    await pstage.launch('camille-martin', 'm1-info');
    pstage.devPlatform!.setOutage('error500');
    try {
      const { page } = await pstage.launch('jean-dupont', 'm1-info');
      expect(page.status).toBe(200);
      expect(page.text).toContain('id="roster-unavailable"');
      expect(page.text).toContain('Elle n&#39;a encore jamais pu être récupérée.');
      expect(page.text).toContain('Camille Martin');
      expect(page.text).not.toContain('Thomas Roux');
    } finally {
      pstage.devPlatform!.setOutage(null);
    }
  }, 30_000);

  it('removes the memberships of members who left the course, keeping their history visible as departed', async () => {
    await pstage.launch('jean-dupont', 'm1-info');
    const programme = await programmeNamed('M1 Informatique');
    const db = pstage.database.db;
    // Someone the roster once listed who is no longer in the course.
    const [gone] = await db.insert(users).values({ iss: programme.iss, sub: '999', name: 'Ancien Étudiant' }).returning();
    await db
      .insert(memberships)
      .values({ userId: gone.id, programmeId: programme.id, role: 'student', source: 'nrps', lastSeenAt: new Date(Date.now() - 3600_000) });
    const outcome = await refreshRoster(pstage.services, programme, { force: true });
    expect(outcome.status).toBe('refreshed');
    expect(await db.select().from(memberships).where(eq(memberships.userId, gone.id))).toHaveLength(0);
  });

  it.each([
    [{ user_id: 'a', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'] }, 'student', true],
    [{ user_id: 'b', roles: ['Learner'], status: 'Active' as const }, 'student', true],
    [{ user_id: 'c', roles: ['Instructor'] }, 'staff', true],
    [{ user_id: 'd', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'] }, 'staff', true],
    [{ user_id: 'e', roles: ['Learner'], status: 'Inactive' as const }, 'student', false],
    [{ user_id: 'f', roles: ['Learner'], status: 'Deleted' as const }, 'student', false],
    [{ user_id: 'g', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor'] }, null, true],
  ])('maps the NRPS member %j to role %s (active: %s)', (member, role, active) => {
    expect(toRosterMember(member)).toMatchObject({ role, active });
  });
});
