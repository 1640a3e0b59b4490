import { eq, sql } from 'drizzle-orm';
import { organisations, sessions, subjects, teachers } from '../../../../src/models/schema';
import { useTestPstage } from '../../../support/pstage';
import { conventionReadyToValidate, launchOffice, reload } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

describe('one convention seen by the office', () => {
  it('once validated, shows the host as frozen at validation even after the organisation record is edited', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    expect((await client.submit(page, {}, `${page}/validate`)).location).toBe(`${page}?done=validate`);
    await pstage.database.db
      .update(organisations)
      .set({ name: 'Nom changé après coup' })
      .where(eq(organisations.id, convention.organisationId!));
    const html = (await client.request(page)).text;
    expect(html).toContain('Société Générale Informatique');
    expect(html).not.toContain('Nom changé après coup');
    expect(html).toContain('(copie figée)');
    expect(html).toContain(
      'Emploi du temps de la semaine</dt><dd class="col-sm-8">lundi, mardi, mercredi, jeudi, vendredi : 7 h par jour (35 h par semaine)',
    );
    expect(html).toContain('CPAM de Paris (201057500512358)');
  });

  it('the tutor the programme head assigned becomes the convention’s at validation, the student’s choice is shown beside it before', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const [assigned] = await pstage.database.db
      .insert(teachers)
      .values({
        programmeId: convention.programmeId,
        civility: 'M.',
        firstName: 'Luc',
        lastName: 'Bernard',
        email: 'luc.bernard@univ.example.fr',
      })
      .returning();
    await pstage.database.db.update(subjects).set({ academicTutorId: assigned.id }).where(eq(subjects.id, convention.subjectId!));
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    let html = (await client.request(page)).text;
    expect(html).toContain('Désigné par le responsable de la formation : M. Luc Bernard (luc.bernard@univ.example.fr)');
    expect(html).toContain('Indiqué par l&#39;étudiant : Mme Anne Leroy');
    await client.submit(page, {}, `${page}/validate`);
    expect((await reload(pstage, convention.id)).academicTutorId).toBe(assigned.id);
    html = (await client.request(page)).text;
    expect(html).not.toContain('Indiqué par l&#39;étudiant');
  });

  it('speaks English to office staff who launched in English, refusals included', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    await pstage.database.db.update(subjects).set({ state: 'proposed' });
    const { client } = await launchOffice(pstage);
    await pstage.database.db.update(sessions).set({ data: sql`jsonb_set(${sessions.data}, '{locale}', '"en"')` });
    const page = `/office/conventions/${convention.id}`;
    let html = (await client.request(page)).text;
    expect(html).toContain(`Agreement ${convention.reference}`);
    expect(html).toContain('What blocks validation');
    expect(html).toContain('Subject not validated');
    await client.submit(page, {}, `${page}/validate`);
    html = (await client.request(page)).text;
    expect(html).toContain('The internship subject has not been validated by the programme head yet.');
    expect((await client.request('/office/conventions')).text).toContain('1 agreement');
    expect((await client.request('/office')).text).toContain('Internships starting soon or started without a complete agreement');
  });
});
