import { eq, sql } from 'drizzle-orm';
import { auditLog, programmes } from '../../../src/models/schema';
import { BrowserlessClient, type FormFields } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';
import { fillStepsBeforeInternship } from '../../support/studentJourney';
import { launchOffice } from '../office/admin/support';
import { launchHead } from './programmeHelpers';

const pstage = useTestPstage();

/** What the staff member does: open the settings page, then post the form with its CSRF token and what it showed. */
async function saveSettings(client: BrowserlessClient, programmeId: number, fields: FormFields) {
  const path = `/programme/${programmeId}/settings`;
  const page = await client.request(path);
  const seen = /name="seen" value="([^"]*)"/.exec(page.text)![1];
  return client.request(path, { form: { _csrf: BrowserlessClient.csrfToken(page.text), seen, ...fields } });
}

async function programmeRow(id: number) {
  const [row] = await pstage.database.db.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

describe("the programme's settings", () => {
  it('are linked from the panel and show the teaching hours the LMS link sent', async () => {
    const { client, page, programmeId } = await launchHead(pstage);
    expect(page.text).toContain(`href="/programme/${programmeId}/settings"`);
    expect(page.text).not.toContain('data-hours-warning');
    const settings = await client.request(`/programme/${programmeId}/settings`);
    expect(settings.status).toBe(200);
    expect(settings.text).toContain('data-teaching-hours-source="launch"');
    expect(settings.text).toContain('420 heures par an, transmises par le lien e-campus');
    expect(settings.text).toContain('id="teachingHours" name="teachingHours" value="420"');
    expect(settings.text).toMatch(/value="compulsory" checked/);
    expect(settings.text).toMatch(/value="optional" checked/);
    expect(settings.text).toContain('aria-current="page"');
  });

  it('saves the teaching hours and internship types, with an audit entry; hours entered by hand survive later launches', async () => {
    const { client, programmeId } = await launchHead(pstage);
    const saved = await saveSettings(client, programmeId, { teachingHours: ' 1 250 ', internshipTypes: ['optional'] });
    expect(saved).toMatchObject({ status: 303, location: `/programme/${programmeId}/settings?done=saved` });
    expect(await programmeRow(programmeId)).toMatchObject({
      teachingHours: 1250,
      teachingHoursSource: 'manual',
      internshipTypes: ['optional'],
    });
    const [entry] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'programme.settings'));
    expect(entry).toMatchObject({ targetType: 'programme', targetId: String(programmeId) });
    expect(entry.details).toMatchObject({
      teachingHours: { from: 420, to: 1250, fromSource: 'launch' },
      internshipTypes: { from: ['compulsory', 'optional'], to: ['optional'] },
    });
    const page = await client.request(saved.location!);
    expect(page.text).toContain('Les paramètres de la formation sont enregistrés.');
    expect(page.text).toContain('1250 heures par an, saisies dans Pstage');

    // The course link still carries teaching_hours=420: neither the head's nor a student's launch replaces the value entered by hand.
    await launchHead(pstage);
    await pstage.launch('camille-martin', 'm1-info');
    expect(await programmeRow(programmeId)).toMatchObject({ teachingHours: 1250, teachingHoursSource: 'manual' });
  });

  it('a launch still fills or updates hours that came from the LMS, and records where they came from', async () => {
    const { programmeId } = await launchHead(pstage);
    await pstage.database.db
      .update(programmes)
      .set({ teachingHours: 300, teachingHoursSource: 'launch' })
      .where(eq(programmes.id, programmeId));
    await launchHead(pstage);
    expect(await programmeRow(programmeId)).toMatchObject({ teachingHours: 420, teachingHoursSource: 'launch' });
    await pstage.database.db
      .update(programmes)
      .set({ teachingHours: null, teachingHoursSource: null })
      .where(eq(programmes.id, programmeId));
    await launchHead(pstage);
    expect(await programmeRow(programmeId)).toMatchObject({ teachingHours: 420, teachingHoursSource: 'launch' });
  });

  it('warns on the panel and the settings page when the hours are missing or under the legal 200 h, with a link to fix them', async () => {
    const { client, programmeId } = await launchHead(pstage);
    await pstage.database.db
      .update(programmes)
      .set({ teachingHours: null, teachingHoursSource: null })
      .where(eq(programmes.id, programmeId));
    const panel = await client.request(`/programme/${programmeId}`);
    expect(panel.text).toContain('data-hours-warning');
    expect(panel.text).toContain('vos étudiants ne peuvent pas créer leur convention');
    expect((await client.request(`/programme/${programmeId}/settings`)).text).toContain(
      'Aucun volume d&#39;enseignement annuel n&#39;est enregistré',
    );

    await saveSettings(client, programmeId, { teachingHours: '150', internshipTypes: ['compulsory', 'optional'] });
    const low = await client.request(`/programme/${programmeId}/settings`);
    expect(low.text).toContain('data-hours-low');
    expect(low.text).toContain('Le volume d&#39;enseignement annuel est de 150 h');
    expect((await client.request(`/programme/${programmeId}`)).text).toContain('data-hours-warning');
  });

  it('refuses bad input next to each field and in the summary, keeps the values, and writes nothing', async () => {
    const { client, programmeId } = await launchHead(pstage);
    const refused = await saveSettings(client, programmeId, { teachingHours: '42,5 h' });
    expect(refused).toMatchObject({ status: 303, location: `/programme/${programmeId}/settings` });
    const page = await client.request(refused.location!);
    expect(page.text).toContain('id="teachingHours-error"');
    expect(page.text).toContain('Saisissez un nombre entier d&#39;heures, par exemple 420.');
    expect(page.text).toContain('aria-describedby="teachingHours-hint teachingHours-error"');
    expect(page.text).toContain('value="42,5 h"');
    expect(page.text).toContain('id="internshipTypes-error"');
    expect(page.text).toContain('Cochez au moins un type de stage.');
    expect(page.text).toContain('href="#teachingHours"');
    expect(page.text).toContain('href="#internshipTypes"');
    expect(page.text).not.toMatch(/value="compulsory" checked/);

    const tooMany = await saveSettings(client, programmeId, { teachingHours: '4000', internshipTypes: 'compulsory' });
    const again = await client.request(tooMany.location!);
    expect(again.text).toContain('Ce volume dépasse 3 000 heures par an');
    expect(again.text).toMatch(/value="compulsory" checked/);
    expect(again.text).not.toMatch(/value="optional" checked/);

    const crafted = await saveSettings(client, programmeId, { teachingHours: '400', internshipTypes: ['compulsory', 'gapYear'] });
    expect(crafted.location).toBe(`/programme/${programmeId}/settings`);
    expect((await client.request(crafted.location!)).text).toContain('id="internshipTypes-error"');

    expect(await programmeRow(programmeId)).toMatchObject({
      teachingHours: 420,
      teachingHoursSource: 'launch',
      internshipTypes: ['compulsory', 'optional'],
    });
    expect(await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'programme.settings'))).toHaveLength(0);
  });

  it('when two staff members save at once, the one whose page is older gets a conflict with their values kept, and nothing is overwritten', async () => {
    const jean = await launchHead(pstage);
    const claire = await launchHead(pstage, 'claire-lambert', 'm1-info');
    const path = `/programme/${jean.programmeId}/settings`;
    const jeanPage = await jean.client.request(path);
    const seen = /name="seen" value="([^"]*)"/.exec(jeanPage.text)![1];
    expect((await saveSettings(claire.client, claire.programmeId, { teachingHours: '500', internshipTypes: 'compulsory' })).location).toBe(
      `${path}?done=saved`,
    );

    const late = await jean.client.request(path, {
      form: { _csrf: BrowserlessClient.csrfToken(jeanPage.text), seen, teachingHours: '440', internshipTypes: ['compulsory', 'optional'] },
    });
    expect(late).toMatchObject({ status: 303, location: path });
    expect(await programmeRow(jean.programmeId)).toMatchObject({ teachingHours: 500, internshipTypes: ['compulsory'] });
    expect(await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'programme.settings'))).toHaveLength(1);
    const back = await jean.client.request(path);
    expect(back.text).toContain('a enregistré les paramètres pendant que vous les modifiiez');
    expect(back.text).toContain('value="440"');
    expect(back.text).toContain(`name="seen" value="${seen}"`);

    const current = await jean.client.request(path);
    expect(current.text).toContain('value="500"');
    expect(
      (await saveSettings(jean.client, jean.programmeId, { teachingHours: '440', internshipTypes: ['compulsory', 'optional'] })).location,
    ).toBe(`${path}?done=saved`);
    expect(await programmeRow(jean.programmeId)).toMatchObject({ teachingHours: 440, internshipTypes: ['compulsory', 'optional'] });
  });

  it('speaks English to a head whose launch was in English', async () => {
    const { client, programmeId } = await launchHead(pstage);
    // As an English launch would have recorded it (no English-speaking head among the personas).
    await pstage.database.db.execute(sql`update sessions set data = jsonb_set(data, '{locale}', '"en"')`);
    const refused = await saveSettings(client, programmeId, { teachingHours: 'douze', internshipTypes: 'optional' });
    const page = await client.request(refused.location!);
    expect(page.text).toContain('Programme settings');
    expect(page.text).toContain('Enter a whole number of hours, for example 420.');
    expect(page.text).toContain('Optional internship');
    expect((await programmeRow(programmeId)).teachingHoursSource).toBe('launch');
  });

  it("the student's internship step offers only the types the programme chose", async () => {
    const { client: head, programmeId } = await launchHead(pstage);
    await saveSettings(head, programmeId, { teachingHours: '420', internshipTypes: 'optional' });
    const { client, page } = await pstage.launch('camille-martin', 'm1-info');
    const started = await client.request('/student/conventions', { form: { _csrf: BrowserlessClient.csrfToken(page.text) } });
    const base = started.location!.replace(/\/personal$/, '');
    await fillStepsBeforeInternship(client, base);
    const step = await client.request(`${base}/internship`);
    expect(step.status).toBe(200);
    expect(step.text).toContain('<option value="optional"');
    expect(step.text).not.toContain('<option value="compulsory"');
  });

  it('is refused to the head of another programme and to a student (403), reading or writing, with nothing written', async () => {
    const jean = await launchHead(pstage);
    const sophie = await launchHead(pstage, 'sophie-bernard', 'l3-chimie');
    const m1 = jean.programmeId;
    expect((await sophie.client.request(`/programme/${m1}/settings`)).status).toBe(403);
    expect(
      (
        await sophie.client.request(`/programme/${m1}/settings`, {
          form: { _csrf: sophie.csrf, teachingHours: '100', internshipTypes: 'optional' },
        })
      ).status,
    ).toBe(403);
    const { client: student, page } = await pstage.launch('camille-martin', 'm1-info');
    expect((await student.request(`/programme/${m1}/settings`)).status).toBe(403);
    expect(
      (
        await student.request(`/programme/${m1}/settings`, {
          form: { _csrf: BrowserlessClient.csrfToken(page.text), teachingHours: '100', internshipTypes: 'optional' },
        })
      ).status,
    ).toBe(403);
    expect(await programmeRow(m1)).toMatchObject({
      teachingHours: 420,
      teachingHoursSource: 'launch',
      internshipTypes: ['compulsory', 'optional'],
    });
  });

  it("the office sees each programme's teaching hours and where they came from on the statistics page, flagged when they block conventions", async () => {
    const { client: head, programmeId: m1 } = await launchHead(pstage);
    const { programmeId: l3 } = await launchHead(pstage, 'sophie-bernard', 'l3-chimie');
    await saveSettings(head, m1, { teachingHours: '450', internshipTypes: 'compulsory' });
    await pstage.database.db.update(programmes).set({ teachingHours: null, teachingHoursSource: null }).where(eq(programmes.id, l3));
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/statistics');
    expect(page.status).toBe(200);
    const rows = (id: number) => new RegExp(`<tr data-programme="${id}">([\\s\\S]*?)</tr>`).exec(page.text)?.[1] ?? '';
    expect(rows(m1)).toContain('M1 Informatique');
    expect(rows(m1)).toContain('450');
    expect(rows(m1)).toContain('le responsable, dans Pstage');
    expect(rows(m1)).not.toContain('bloquées');
    expect(rows(l3)).toContain('Non renseigné : conventions bloquées');
  });
});
