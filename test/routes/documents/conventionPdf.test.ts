import { eq } from 'drizzle-orm';
import { sha256 } from '../../../src/documents/hash';
import { formatNumber } from '../../../src/format';
import { documents, organisations } from '../../../src/models/schema';
import { conventionPdfFor } from '../../../src/services/documents/conventionPdf';
import { flatten, pdfPages, prose } from '../../documents/pdfText';
import { useTestPstage } from '../../support/pstage';
import { minorPersonal, nextYear, submitConventionAsStudent, validLeave, validLegalRepresentative } from '../../support/studentJourney';
import { completeAsOffice, validateAsOffice } from '../../services/office/officeJourney';

const pstage = useTestPstage();
const pdfPath = (id: number) => `/documents/conventions/${id}/convention.pdf`;

describe('the convention PDF, served to the right people', () => {
  it('prints the weekly schedule entered day by day, from the stored convention', async () => {
    const week = { scheduleKind: 'irregular', dayHours1: '7', dayHours2: '9,5', dayHours3: '7', dayHours4: '7', dayHours5: '4' };
    const { client, convention } = await submitConventionAsStudent(pstage, { internship: week });
    expect(convention.weeklySchedule).toEqual([7, 9.5, 7, 7, 4, 0, 0]);
    const text = prose(await pdfPages((await client.download(pdfPath(convention.id))).bytes, '-raw'));
    expect(text).toContain('Heures par jour lundi 7 h, mardi 9,5 h, mercredi 7 h, jeudi 7 h, vendredi 4 h');
    expect(text).toContain('Durée hebdomadaire de présence 34,5 heures par semaine');
  });

  it('prints the total computed from the calendar, which the law counts, not a different total declared by hand', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage, {
      internship: { declaredTotalHours: '100', declaredTotalReason: 'Estimation de l’organisme' },
    });
    expect(convention.declaredTotalHours).toBe(100);
    const computed = convention.computedTotalHours!;
    expect(computed).not.toBe(100);
    const text = prose(await pdfPages((await client.download(pdfPath(convention.id))).bytes, '-raw'));
    expect(text).toContain(`Durée totale de présence effective ${formatNumber(computed, 'fr')} heures`);
    expect(text).not.toContain('Durée totale de présence effective 100 heures');
  });

  it('before validation it is a preview marked as a non-valid draft on every page, built from the live records', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    const served = await client.download(pdfPath(convention.id));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('x-pstage-document')).toBe('draft');
    const pages = await pdfPages(served.bytes);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('BROUILLON — document non valable');
    expect(prose(pages)).toContain('Statut de la convention : soumise');
    expect(await pstage.database.db.select().from(documents)).toHaveLength(0);
  });

  it('once validated it is the final document: no draft marking, the sample data with accents and fr-FR amounts, every D124-4 item', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const served = await client.download(pdfPath(convention.id));
    expect(served.status).toBe(200);
    expect(served.headers.get('x-pstage-document')).toBe('final');
    const pages = await pdfPages(served.bytes);
    const text = prose(pages);
    expect(text).not.toMatch(/BROUILLON|non valable/);
    expect(text).toContain('Statut de la convention : validée');
    for (const page of pages) expect(page).toContain(convention.reference!);
    for (const expected of [
      'Université de démonstration',
      'Mme Marie Doyenne',
      'Société Générale Informatique',
      '73282932000074',
      'Direction informatique',
      'Mme Claire Moreau',
      'Mme Camille Martin',
      '1 rue des Écoles',
      'CPAM de Paris',
      'M. Paul Durand',
      'Mme Anne Leroy',
      'Analyse de logs',
      'Développer un outil de suivi',
      'TypeScript, PostgreSQL',
      `02/03/${nextYear}`,
      `26/06/${nextYear}`,
      'lundi, mardi, mercredi, jeudi, vendredi',
      '35 h',
      '4,50 €',
      'Congés accordés 5 jour(s) de congé sur la durée du stage',
      String(validLeave.absenceTerms),
      String(validLeave.hostInternalRules),
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.match(/Fait à …+, le …+/g)).toHaveLength(5);
    // D124-4, one heading or statement per item (the renderer's own tests check each wording in detail).
    const flat = flatten(pages);
    for (const item of [
      /Intitulé de la formation|Formation/,
      /enseignement/i,
      /Tuteur|tutrice/i,
      /Compétences/,
      /Activités/,
      /Période|Dates/,
      /présence effective/i,
      /nuit/i,
      /dimanche/i,
      /jours fériés/i,
      /Encadrement|suivi/i,
      /Gratification/,
      /Protection sociale/i,
      /responsabilité civile/i,
      /Absences|congés/i,
      /Suspension|résiliation/i,
      /interruption/i,
      /Avantages/i,
      /règlement intérieur/i,
      /Attestation de stage/i,
      /trois exemplaires originaux/i,
    ]) {
      expect(flat).toMatch(item);
    }
  });

  it('names a minor student’s legal representative, with their civility, among the parties and the signatories', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage, {
      personal: minorPersonal,
      legalRepresentative: validLegalRepresentative,
    });
    const text = prose(await pdfPages((await client.download(pdfPath(convention.id))).bytes, '-raw'));
    expect(text).toContain('Son représentant légal (stagiaire mineur(e) au premier jour du stage) Nom M. Thierry Petit');
    expect(text).toContain('thierry.petit@example.fr');
    expect(text).toContain('Le représentant légal du ou de la stagiaire mineur(e) M. Thierry Petit');
    expect(text.match(/Fait à …+, le …+/g)).toHaveLength(6);
  });

  it('is stored once with its SHA-256 and served byte for byte the same, even after the host record is edited', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const first = await client.download(pdfPath(convention.id));
    const [stored] = await pstage.database.db.select().from(documents).where(eq(documents.conventionId, convention.id));
    expect(stored).toMatchObject({ kind: 'convention_pdf', contentType: 'application/pdf', size: first.bytes.length });
    expect(stored.sha256).toBe(sha256(first.bytes));
    expect(first.headers.get('etag')).toBe(`"${stored.sha256}"`);

    await pstage.database.db
      .update(organisations)
      .set({ name: 'Nouvelle Raison Sociale' })
      .where(eq(organisations.id, convention.organisationId!));
    const second = await client.download(pdfPath(convention.id));
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    expect(prose(await pdfPages(second.bytes))).not.toContain('Nouvelle Raison Sociale');
    expect(await pstage.database.db.select({ id: documents.id }).from(documents)).toHaveLength(1);
  });

  it('shows the parties as the office validated them, even when the host is renamed before anyone downloads it', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    await pstage.database.db
      .update(organisations)
      .set({ name: 'Nouvelle Raison Sociale' })
      .where(eq(organisations.id, convention.organisationId!));
    const text = prose(await pdfPages((await client.download(pdfPath(convention.id))).bytes));
    expect(text).toContain('Société Générale Informatique');
    expect(text).not.toContain('Nouvelle Raison Sociale');
  });

  it('first downloads at the same time by three people still store one document, served identical to all', async () => {
    // Three sessions (requests of one session are handled one after the other); a real race on PostgreSQL (DATABASE_URL).
    const { client, convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const others = [await pstage.launch('office', 'office'), await pstage.launch('jean-dupont', 'm1-info')].map(
      (launched) => launched.client,
    );
    const served = await Promise.all([client, ...others].map((reader) => reader.download(pdfPath(convention.id))));
    const stored = await pstage.database.db.select().from(documents);
    expect(stored).toHaveLength(1);
    for (const copy of served) expect(sha256(copy.bytes)).toBe(stored[0].sha256);
  });

  it('concurrent first renderings of the final PDF, as the service sees them, store one document', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const viewer = { userId: convention.studentUserId, office: false };
    const rendered = await Promise.all(
      [1, 2, 3, 4].map(() =>
        conventionPdfFor(pstage.database.db, pstage.services.config.institution, viewer, convention.id, pstage.services.pdfRenderer),
      ),
    );
    expect(await pstage.database.db.select({ id: documents.id }).from(documents)).toHaveLength(1);
    expect(new Set(rendered.map((pdf) => pdf.sha256)).size).toBe(1);
  });

  it('is in English when the student launched Pstage in English, whoever downloads it', async () => {
    const { convention } = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    const { client: office } = await pstage.launch('office', 'office');
    const served = await office.download(pdfPath(convention.id));
    const text = prose(await pdfPages(served.bytes));
    expect(text).toContain('Internship agreement');
    expect(text).toContain('DRAFT — not valid');
    expect(text).toContain('Monday, Tuesday');
    expect(served.headers.get('content-disposition')).toContain('-draft.pdf');
  });

  it('is refused once the convention is cancelled', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    const cancelled = await client.submit(
      `/student/conventions/${convention.id}`,
      { reason: 'Stage trouvé ailleurs', confirmed: 'yes' },
      `/student/conventions/${convention.id}/cancel`,
    );
    expect(cancelled.status).toBe(303);
    const served = await client.download(pdfPath(convention.id));
    expect(served.status).toBe(404);
    expect(served.text).toContain('Cette convention a été annulée');
  });

  it('the student status page links to the preview, then to the final PDF, then says when the attestation comes', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    const statusPath = `/student/conventions/${convention.id}`;
    expect((await client.request(statusPath)).text).toContain(
      `<a href="${pdfPath(convention.id)}">Aperçu de la convention (brouillon, non valable)</a>`,
    );
    await validateAsOffice(pstage, convention.id);
    const validated = (await client.request(statusPath)).text;
    expect(validated).toContain(`<a href="${pdfPath(convention.id)}">Imprimer la convention (PDF)</a>`);
    expect(validated).not.toContain('attestation.pdf');
    await completeAsOffice(pstage, convention.id);
    const complete = (await client.request(statusPath)).text;
    expect(complete).not.toContain('attestation.pdf');
    expect(complete).toContain(
      `Attestation de stage : L’attestation de stage ne peut être établie qu’à la fin du stage : pas avant le 26/06/${nextYear}`,
    );
  });
});

describe('the attestation de stage', () => {
  // Once the internship has ended it is printed from the office's figures: test/routes/office/conventions/internshipEnd.test.ts.
  it('is refused before the convention is complete, then before the internship has ended', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const early = await client.download(`/documents/conventions/${convention.id}/attestation.pdf`);
    expect(early.status).toBe(409);
    expect(early.text).toContain('L’attestation de stage n’est disponible qu’une fois la convention complète');
    await completeAsOffice(pstage, convention.id);
    const beforeEnd = await client.download(`/documents/conventions/${convention.id}/attestation.pdf`);
    expect(beforeEnd.status).toBe(409);
    expect(beforeEnd.text).toContain(`pas avant le 26/06/${nextYear}, son dernier jour`);
  });
});
