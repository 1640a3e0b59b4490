import { eq } from 'drizzle-orm';
import { conventionEvents, documents, outbox, signatures } from '../../../../src/models/schema';
import { today } from '../../../support/clock';
import { BrowserlessClient } from '../../../support/browserlessClient';
import { uploadCertificateForm } from '../../../support/certificateUpload';
import { useTestPstage } from '../../../support/pstage';
import { conventionReadyToValidate, launchOffice, reload } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

/** The student uploads the certificate through their own page, as a browser would (multipart, the CSRF token first). */
async function uploadCertificate(student: BrowserlessClient) {
  const posted = await uploadCertificateForm(student, Buffer.from('%PDF-1.4\n%%EOF\n'), 'attestation-rc.pdf');
  expect(posted.status).toBe(303);
}

const section = (html: string, id: string) =>
  html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

describe('the office acts on one convention through its page', () => {
  it('runs the whole procedure to a complete convention, each step in the history and the page', async () => {
    const { client: student, convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;

    let response = await client.submit(page, { overrideReason: '' }, `${page}/validate`);
    expect(response).toMatchObject({ status: 303, location: `${page}?done=validate` });
    let html = (await client.request(`${page}?done=validate`)).text;
    expect(html).toContain('La convention est validée ; l&#39;étudiant est prévenu.');
    expect(html).toContain('Validée, en attente des signatures');
    expect(html).toContain('tels qu&#39;ils étaient à la validation du');
    expect(html).toContain(`href="/documents/conventions/${convention.id}/convention.pdf"`);

    for (const party of ['student', 'host_signatory', 'professional_tutor', 'academic_tutor']) {
      response = await client.submit(
        page,
        { party, signedAt: today, method: party === 'student' ? 'electronic' : 'paper' },
        `${page}/signatures`,
      );
      expect([party, response.location]).toEqual([party, `${page}?done=signature`]);
    }
    html = (await client.request(page)).text;
    expect(html).toContain('Signée, en attente du contrôle final');
    expect(html).toMatch(/Stagiaire<\/th>\s*<td>\d\d\/\d\d\/\d{4}<\/td><td>Électronique<\/td>/);

    await uploadCertificate(student);
    const [certificate] = await pstage.database.db.select().from(documents);
    html = (await client.request(page)).text;
    expect(html).toContain(`href="/documents/certificates/${certificate.id}"`);
    response = await client.submit(page, { documentId: String(certificate.id), decision: 'accepted' }, `${page}/certificate`);
    expect(response.location).toBe(`${page}?done=certificate`);

    response = await client.submit(page, { signedAt: today }, `${page}/dean-signature`);
    expect(response.location).toBe(`${page}?done=dean`);
    html = (await client.request(`${page}?done=dean`)).text;
    expect(html).toContain('La signature du doyen est enregistrée : la convention est complète.');
    expect(html).toContain('<strong id="convention-state">Complète</strong>');
    // The attestation de stage waits for the end of the internship (test/routes/office/conventions/internshipEnd.test.ts).
    expect(html).not.toContain(`href="/documents/conventions/${convention.id}/attestation.pdf"`);
    expect(html).toContain('Enregistrer la fin du stage');
    const history = html.slice(html.indexOf('id="history"'), html.indexOf('</ol>', html.indexOf('id="history"')));
    for (const label of [
      'Soumise par l&#39;étudiant',
      'Validée',
      'Signature du stagiaire enregistrée',
      'Attestation d&#39;assurance acceptée',
      'Contrôle final et signature du doyen : complète',
    ])
      expect(history).toContain(label);
    expect(history).toContain('Service des stages (service des stages)');
    expect(html).toContain('Contrôle final et signature du doyen : convention complète');
    expect(html).toContain('Signature du tuteur de stage enregistrée');
    expect((await reload(pstage, convention.id)).state).toBe('complete');
    const templates = (await pstage.database.db.select().from(outbox)).map((row) => (row.payload as { template?: string }).template);
    expect(templates).toEqual(expect.arrayContaining(['conventionValidated', 'conventionComplete']));
  });

  it('shows the workflow refusal in the form and in the summary, with nothing written', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    await pstage.database.db.execute(`update subjects set state = 'proposed'` as never);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    const response = await client.submit(page, { overrideReason: 'Urgent' }, `${page}/validate`);
    expect(response).toMatchObject({ status: 303, location: `${page}#validate` });
    const html = (await client.request(page)).text;
    expect(section(html, 'validate')).toContain(
      'role="alert" id="validate-refusal">Le sujet de stage n&#39;a pas encore été validé par le responsable de la formation.',
    );
    expect(html).toMatch(/id="error-summary"[\s\S]*<li>Le sujet de stage/);
    expect(section(html, 'validate')).toContain('>Urgent</textarea>');
    expect(await reload(pstage, convention.id)).toMatchObject({ state: 'submitted', version: convention.version });
    const after = (await client.request(page)).text;
    expect(after).not.toContain('validate-refusal');
  });

  it('a missing reason is shown next to the field, tied by aria-describedby, and linked from the summary', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    expect((await client.submit(page, { reason: '   ' }, `${page}/return`)).location).toBe(`${page}#return`);
    const html = (await client.request(page)).text;
    expect(html).toContain('<div id="return-reason-error" class="invalid-feedback d-block">Ce champ est obligatoire.</div>');
    expect(html).toContain('aria-describedby="return-reason-hint return-reason-error" aria-invalid="true"');
    expect(html).toContain('href="#return-reason">Motif du renvoi : Ce champ est obligatoire.');
    expect((await client.submit(page, { reason: 'Précisez les activités', confirmed: 'yes' }, `${page}/return`)).location).toBe(
      `${page}?done=return`,
    );
    expect(await reload(pstage, convention.id)).toMatchObject({ state: 'draft' });
    const events = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.event, 'return'));
    expect(events[0]).toMatchObject({ reason: 'Précisez les activités', actorRole: 'office' });
  });

  it('a signature date in the future or outside 2000–2100 and a rejection without a reason come back as field errors', async () => {
    const { client: student, convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    await client.submit(page, {}, `${page}/validate`);
    expect((await client.submit(page, { party: 'student', signedAt: '2099-01-01', method: 'paper' }, `${page}/signatures`)).location).toBe(
      `${page}#signature`,
    );
    let html = (await client.request(page)).text;
    expect(html).toContain(
      '<div id="signature-signedAt-error" class="invalid-feedback d-block">La date ne peut pas être dans le futur.</div>',
    );
    expect(html).toContain('value="2099-01-01"');
    expect((await client.submit(page, { party: 'student', signedAt: '2999-01-01', method: 'paper' }, `${page}/signatures`)).location).toBe(
      `${page}#signature`,
    );
    html = (await client.request(page)).text;
    expect(html).toContain(
      '<div id="signature-signedAt-error" class="invalid-feedback d-block">Indiquez une date comprise entre 2000 et 2100.</div>',
    );
    expect((await client.submit(page, { party: 'student', signedAt: '2020-01-01', method: 'paper' }, `${page}/signatures`)).location).toBe(
      `${page}#signature`,
    );
    html = (await client.request(page)).text;
    expect(html).toMatch(
      /id="signature-signedAt-error"[^>]*>La date ne peut pas être antérieure à la validation de la convention \(\d\d\/\d\d\/\d{4}\)\./,
    );
    expect(await pstage.database.db.select().from(signatures)).toHaveLength(0);

    await uploadCertificate(student);
    const [certificate] = await pstage.database.db.select().from(documents);
    expect(
      (await client.submit(page, { documentId: String(certificate.id), decision: 'rejected', reason: '' }, `${page}/certificate`)).location,
    ).toBe(`${page}#certificate`);
    html = (await client.request(page)).text;
    expect(html).toContain(
      'id="certificate-reason-error" class="invalid-feedback d-block">Indiquez le motif du refus : l&#39;étudiant le lira.',
    );
    expect(html).toMatch(/id="certificate-decision-1" value="rejected" checked/);
    expect(
      (
        await client.submit(
          page,
          { documentId: String(certificate.id), decision: 'rejected', reason: 'Attestation illisible' },
          `${page}/certificate`,
        )
      ).location,
    ).toBe(`${page}?done=certificate`);
    html = (await client.request(page)).text;
    expect(html).toContain('<strong>Refusée</strong> — <span class="text-pre-line">Attestation illisible</span>');
    const studentStatus = (await student.request(`/student/conventions/${convention.id}`)).text;
    expect(studentStatus).toContain('Attestation d&#39;assurance refusée');
    expect(studentStatus).toContain('Attestation illisible');
  });

  it('two staff members on the same version: the second is told someone changed the convention, nothing is overwritten', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const first = await launchOffice(pstage);
    const second = await pstage.launch('office', 'office');
    const page = `/office/conventions/${convention.id}`;
    const firstPage = (await first.client.request(page)).text;
    const secondPage = (await second.client.request(page)).text;
    const post = (client: BrowserlessClient, html: string, action: string, fields: Record<string, string>) =>
      client.request(`${page}/${action}`, {
        form: { _csrf: BrowserlessClient.csrfToken(html), version: /name="version" value="(\d+)"/.exec(html)![1], ...fields },
      });
    expect((await post(first.client, firstPage, 'validate', { overrideReason: 'Vu avec le responsable' })).location).toBe(
      `${page}?done=validate`,
    );
    expect((await post(second.client, secondPage, 'return', { reason: 'Dates à revoir', confirmed: 'yes' })).location).toBe(
      `${page}#return`,
    );
    const html = (await second.client.request(page)).text;
    expect(html).toContain(
      'Cet enregistrement a été modifié par quelqu&#39;un d&#39;autre entre-temps. Rechargez la page pour voir la version actuelle.',
    );
    expect(html).toContain('Validée, en attente des signatures');
    const events = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.conventionId, convention.id));
    expect(events.map((event) => event.event)).not.toContain('return');
    expect(await reload(pstage, convention.id)).toMatchObject({ state: 'validated', version: convention.version + 1 });
  });

  it('crafted fields: the dean as a party, another certificate, an unknown convention; refused, nothing written, no 500', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    await client.submit(page, {}, `${page}/validate`);
    expect((await client.submit(page, { party: 'dean', signedAt: today, method: 'paper' }, `${page}/signatures`)).location).toBe(
      `${page}#signature`,
    );
    expect((await client.request(page)).text).toContain(
      '<div id="signature-party-error" class="invalid-feedback d-block">Faites un choix.</div>',
    );
    expect((await client.submit(page, { documentId: '424242', decision: 'accepted' }, `${page}/certificate`)).status).toBe(303);
    expect((await client.submit(page, { reason: 'x', confirmed: 'yes' }, '/office/conventions/999999/cancel')).status).toBe(404);
    expect(await pstage.database.db.select().from(signatures)).toHaveLength(0);
    expect((await reload(pstage, convention.id)).version).toBe(convention.version + 1);
  });

  it('a crafted post without a version is a conflict, not a write', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = await client.request(`/office/conventions/${convention.id}`);
    const response = await client.request(`/office/conventions/${convention.id}/cancel`, {
      form: { _csrf: BrowserlessClient.csrfToken(page.text), reason: 'x', confirmed: 'yes' },
    });
    expect(response.status).toBe(303);
    expect(await reload(pstage, convention.id)).toMatchObject({ state: 'submitted', version: convention.version });
  });
});
