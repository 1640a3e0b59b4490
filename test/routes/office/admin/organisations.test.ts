import { eq } from 'drizzle-orm';
import { auditLog, contacts, conventions, organisations, services } from '../../../../src/models/schema';
import { useTestPstage } from '../../../support/pstage';
import { currentAcademicYear } from '../../../support/clock';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { createHost, launchOffice, post, rowsReferencingOrganisation } from './support';

const pstage = useTestPstage();

describe("the office's organisations", () => {
  it('lists the hosts students created and not yet validated first, and searches all hosts by name, SIRET, city and country', async () => {
    await submitConventionAsStudent(pstage);
    await createHost(pstage, { name: 'Laboratoire Berlin', siret: null, country: 'DE', city: 'Berlin', postalCode: '10115' });
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/organisations');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Organismes créés par les étudiants, à vérifier (2)');
    expect(page.text).toContain('Société Générale Informatique');
    expect(page.text).not.toContain('Résultats');
    const byName = await client.request('/office/organisations?name=generale');
    expect(byName.text).toContain('Résultats : 1');
    const byCountry = await client.request('/office/organisations?country=de');
    expect(byCountry.text).toContain('Résultats : 1');
    expect(byCountry.text).toMatch(/<td><a href="\/office\/organisations\/\d+">Laboratoire Berlin<\/a><\/td>/);
    expect((await client.request('/office/organisations?siret=7328')).text).toContain('Résultats : 1');
    expect((await client.request('/office/organisations?city=lyon')).text).toContain('Résultats : 1');
    expect((await client.request('/office/organisations?city=paris')).text).toContain('Résultats : 0');
  });

  it("shows one host with its services, contacts and this year's conventions linking to the convention page", async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const { client } = await launchOffice(pstage);
    await pstage.database.db.update(conventions).set({ academicYear: '2020-2021' }).where(eq(conventions.id, convention.id));
    const page = await client.request(`/office/organisations/${convention.organisationId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Direction informatique');
    expect(page.text).toContain('Paul Durand');
    expect(page.text).toContain('Claire Moreau');
    // a convention of another academic year is not among this year's interns
    expect(page.text).toContain('Aucune convention cette année.');
    await pstage.database.db.update(conventions).set({ academicYear: currentAcademicYear }).where(eq(conventions.id, convention.id));
    const again = await client.request(`/office/organisations/${convention.organisationId}`);
    expect(again.text).toContain(`href="/office/conventions/${convention.id}"`);
    expect(again.text).toContain('Camille Martin');
  });

  it('warns when the host quota and the professional tutor cap are exceeded at the same time', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const db = pstage.database.db;
    await db.update(organisations).set({ headcountBand: '10-19' }).where(eq(organisations.id, convention.organisationId!));
    const year = currentAcademicYear;
    const [row] = await db.select().from(conventions).where(eq(conventions.id, convention.id));
    const { id: _id, reference: _reference, ...copy } = row;
    for (let index = 0; index < 3; index += 1) await db.insert(conventions).values({ ...copy, academicYear: year });
    await db.update(conventions).set({ academicYear: year }).where(eq(conventions.id, convention.id));
    const { client } = await launchOffice(pstage);
    const page = await client.request(`/office/organisations/${convention.organisationId}`);
    expect(page.text).toContain('jusqu&#39;à 4 stagiaires en même temps, au-delà du plafond de 3');
    expect(page.text).toContain('Paul Durand encadre jusqu&#39;à 4 stagiaires en même temps');
  });

  it('validates a host, with an audit entry', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const { client, csrf } = await launchOffice(pstage);
    const posted = await post(client, csrf, `/office/organisations/${convention.organisationId}/validate`, { version: '1' });
    expect(posted).toMatchObject({ status: 303, location: `/office/organisations/${convention.organisationId}?done=validated` });
    const [host] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, convention.organisationId!));
    expect(host.validated).toBe(true);
    const entries = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.validate'));
    expect(entries).toHaveLength(1);
    expect(entries[0].targetId).toBe(String(host.id));
    const page = await client.request(posted.location!);
    expect(page.text).toContain('L&#39;organisme d&#39;accueil est validé.');
    expect(page.text).not.toContain('Valider l&#39;organisme');
  });

  it('edits a host; a wrong SIRET comes back next to its field with the values kept and nothing saved', async () => {
    const host = await createHost(pstage);
    const { client } = await launchOffice(pstage);
    const form = await client.request(`/office/organisations/${host.id}/edit`);
    expect(form.text).toContain('value="Atelier Numérique"');
    const fields = {
      name: 'Atelier Numérique Lyon',
      country: 'FR',
      siret: '73282932000075',
      headcountBand: '20-49',
      sector: 'private',
      street: '3 rue Basse',
      postalCode: '69002',
      city: 'Lyon',
    };
    const refused = await client.submit(`/office/organisations/${host.id}/edit`, fields);
    expect(refused).toMatchObject({ status: 303, location: `/office/organisations/${host.id}/edit` });
    const page = await client.request(refused.location!);
    expect(page.text).toMatch(/id="siret-error"[^>]*>[^<]*(clé|chiffre|invalide)/i);
    expect(page.text).toContain('aria-describedby="siret-hint siret-error"');
    expect(page.text).toContain('href="#siret"');
    expect(page.text).toContain('value="Atelier Numérique Lyon"');
    expect(page.text).toContain('value="3 rue Basse"');
    const [unchanged] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, host.id));
    expect(unchanged.name).toBe('Atelier Numérique');

    const saved = await client.submit(`/office/organisations/${host.id}/edit`, { ...fields, siret: '732 829 320 00074' });
    expect(saved).toMatchObject({ status: 303, location: `/office/organisations/${host.id}?done=edited` });
    const [edited] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, host.id));
    expect(edited).toMatchObject({
      name: 'Atelier Numérique Lyon',
      siret: '73282932000074',
      searchName: 'atelier numerique lyon',
      headcountBand: '20-49',
      street: '3 rue Basse',
      city: 'LYON',
    });
    const [entry] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.edit'));
    expect(entry.details).toEqual({ changed: expect.arrayContaining(['name', 'headcountBand', 'street', 'postalCode']) });
  });

  it('merges two duplicates: services, contacts and conventions move to the survivor, nothing points at the removed host, frozen snapshots stay', async () => {
    const first = await submitConventionAsStudent(pstage);
    const second = await submitConventionAsStudent(pstage, {
      persona: 'elodie-lefevre',
      organisationName: 'Societe Generale Informatique SA',
      siret: '55210055400013',
    });
    const db = pstage.database.db;
    const survivorId = first.convention.organisationId!;
    const duplicateId = second.convention.organisationId!;
    expect(survivorId).not.toBe(duplicateId);
    const snapshot = { organisation: { id: duplicateId, name: 'Societe Generale Informatique SA' }, frozenAt: '2026-01-01T00:00:00.000Z' };
    await db.update(conventions).set({ state: 'validated', frozenSnapshot: snapshot }).where(eq(conventions.id, second.convention.id));
    const duplicateServices = await db.select().from(services).where(eq(services.organisationId, duplicateId));
    const duplicateContacts = await db.select().from(contacts).where(eq(contacts.organisationId, duplicateId));
    expect(duplicateServices.length).toBeGreaterThan(0);
    expect(duplicateContacts.length).toBeGreaterThan(0);

    const { client } = await launchOffice(pstage);
    const page = await client.request(`/office/organisations/${survivorId}`);
    expect(page.text).toContain('Doublons possibles');
    expect(page.text).toContain(`name="candidateId" value="${duplicateId}"`);
    const merged = await client.submit(
      `/office/organisations/${survivorId}`,
      { candidateId: String(duplicateId), candidateVersion: '1', survivorId: String(survivorId) },
      `/office/organisations/${survivorId}/merge`,
    );
    expect(merged).toMatchObject({ status: 303, location: `/office/organisations/${survivorId}?done=merged` });

    expect(await db.select().from(organisations).where(eq(organisations.id, duplicateId))).toHaveLength(0);
    expect(await rowsReferencingOrganisation(pstage, duplicateId)).toBe(0);
    for (const service of duplicateServices)
      expect((await db.select().from(services).where(eq(services.id, service.id)))[0].organisationId).toBe(survivorId);
    for (const contact of duplicateContacts)
      expect((await db.select().from(contacts).where(eq(contacts.id, contact.id)))[0].organisationId).toBe(survivorId);
    const [moved] = await db.select().from(conventions).where(eq(conventions.id, second.convention.id));
    expect(moved.organisationId).toBe(survivorId);
    expect(moved.serviceId).toBe(second.convention.serviceId);
    expect(moved.professionalTutorId).toBe(second.convention.professionalTutorId);
    expect(moved.frozenSnapshot).toEqual(snapshot);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'organisation.merge'));
    expect(entry).toMatchObject({ targetType: 'organisation', targetId: String(survivorId) });
    expect(entry.details).toMatchObject({ removedId: duplicateId, conventions: [second.convention.id] });
    const after = await client.request(merged.location!);
    expect(after.text).toContain('Les doublons ont été fusionnés');
  });

  it('lets the office keep the other record, and refuses to merge two hosts that are not duplicates', async () => {
    const a = await createHost(pstage, { name: 'Atelier Numérique' });
    const b = await createHost(pstage, { name: 'Atelier Numerique', siret: null });
    const c = await createHost(pstage, { name: 'Boulangerie Dupain', siret: '55210055400013' });
    const { client } = await launchOffice(pstage);
    const kept = await client.submit(
      `/office/organisations/${a.id}`,
      { candidateId: String(b.id), candidateVersion: '1', survivorId: String(b.id) },
      `/office/organisations/${a.id}/merge`,
    );
    expect(kept).toMatchObject({ status: 303, location: `/office/organisations/${b.id}?done=merged` });
    const remaining = await pstage.database.db.select().from(organisations);
    expect(remaining.map((row) => row.id).sort()).toEqual([b.id, c.id].sort());
    const refused = await client.submit(
      `/office/organisations/${b.id}`,
      { candidateId: String(c.id), candidateVersion: '1', survivorId: String(b.id) },
      `/office/organisations/${b.id}/merge`,
    );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('ne sont pas des doublons');
    const crafted = await client.submit(
      `/office/organisations/${b.id}`,
      { candidateId: String(c.id), candidateVersion: '1', survivorId: '999' },
      `/office/organisations/${b.id}/merge`,
    );
    expect(crafted.status).toBe(400);
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(2);
  });

  it('refuses to give a host the SIRET of another record, next to the SIRET field, and saves nothing', async () => {
    await createHost(pstage);
    const other = await createHost(pstage, { name: 'Boulangerie Dupain', siret: '55210055400013', postalCode: '33000', city: 'Bordeaux' });
    const { client } = await launchOffice(pstage);
    await client.request(`/office/organisations/${other.id}/edit`);
    const refused = await client.submit(`/office/organisations/${other.id}/edit`, {
      name: 'Boulangerie Dupain',
      country: 'FR',
      siret: '73282932000074',
      headcountBand: '1-9',
      sector: 'private',
      street: '1 rue du Four',
      postalCode: '33000',
      city: 'Bordeaux',
    });
    expect(refused.location).toBe(`/office/organisations/${other.id}/edit`);
    const page = await client.request(refused.location!);
    expect(page.text).toMatch(/id="siret-error"[^>]*>[^<]*fusionnez/);
    const [unchanged] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, other.id));
    expect(unchanged.siret).toBe('55210055400013');
  });

  it('answers 404 for a host that does not exist or a crafted id', async () => {
    const { client } = await launchOffice(pstage);
    expect((await client.request('/office/organisations/999')).status).toBe(404);
    expect((await client.request('/office/organisations/abc')).status).toBe(404);
  });
});
