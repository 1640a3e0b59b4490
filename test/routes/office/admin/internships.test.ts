import { Writable } from 'node:stream';
import { translator } from '../../../../src/middleware/i18n';
import { conventions } from '../../../../src/models/schema';
import { prepareInternshipExport } from '../../../../src/services/office/admin/internships';
import { useTestPstage } from '../../../support/pstage';
import { readCsv } from '../../../support/readCsv';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { createHost, download, insertConvention, launchOffice } from './support';

const pstage = useTestPstage();

async function dataSet() {
  const { convention } = await submitConventionAsStudent(pstage);
  const quoted = await createHost(pstage, { name: 'Dupont; "Fils" & Cie', siret: '55210055400013', city: 'Bordeaux', postalCode: '33000' });
  const abroad = await createHost(pstage, { name: 'Forschung GmbH', siret: null, country: 'DE', city: 'Berlin', postalCode: '10115' });
  const older = await insertConvention(pstage, convention, {
    academicYear: '2024-2025',
    state: 'complete',
    startDate: '2025-04-07',
    endDate: '2025-06-27',
    organisationId: quoted.id,
    gratificationAmount: 4.35,
    gratificationUnit: 'hour',
    computedTotalHours: 420.5,
    declaredTotalHours: 400,
    student: { ...convention.student, firstName: 'Élodie', lastName: 'Lefèvre', studentNumber: 'E2024001' },
  });
  const unpaid = await insertConvention(pstage, convention, {
    state: 'cancelled',
    startDate: '2027-01-04',
    endDate: '2027-02-12',
    organisationId: abroad.id,
    gratificationAmount: null,
    student: { ...convention.student, firstName: 'Hugo', lastName: 'Petit', studentNumber: 'H2026002' },
  });
  await insertConvention(pstage, convention, { state: 'draft', student: { ...convention.student, lastName: 'Brouillon' } });
  return { convention, older, unpaid };
}

describe('the internship database', () => {
  it('lists every convention but drafts, newest start first, each linking to its page', async () => {
    const { convention, older, unpaid } = await dataSet();
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/internships');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Conventions : 3');
    expect(page.text).not.toContain('Brouillon');
    const order = [convention.id, unpaid.id, older.id].map((id) => page.text.indexOf(`href="/office/conventions/${id}"`));
    expect(order.every((index) => index > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page.text).toContain('4,35\u00a0€ de l&#39;heure');
  });

  it.each([
    ['academicYear=2024-2025', ['older']],
    ['state=cancelled', ['unpaid']],
    ['country=de', ['unpaid']],
    ['host=dupont', ['older']],
    ['host=5521005', ['older']],
    ['gratified=no', ['unpaid']],
    ['gratified=yes', ['convention', 'older']],
    ['startFrom=2027-01-01&startTo=2027-01-31', ['unpaid']],
    ['student=lefevre', ['older']],
    ['student=LEFÈVRE élodie', ['older']],
    ['student=H2026002', ['unpaid']],
    ['student=hugo petit', ['unpaid']],
    ['student=nobody', []],
  ])('filters with %s', async (query, expected) => {
    const rows = await dataSet();
    const { client } = await launchOffice(pstage);
    const page = await client.request(`/office/internships?${query}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Conventions : ${expected.length}`);
    for (const [name, row] of Object.entries(rows)) {
      expect(page.text.includes(`href="/office/conventions/${row.id}"`)).toBe(expected.includes(name));
    }
  });

  it('filters by programme', async () => {
    const { convention } = await dataSet();
    const { client } = await launchOffice(pstage);
    expect((await client.request(`/office/internships?programmeId=${convention.programmeId}`)).text).toContain('Conventions : 3');
    expect((await client.request(`/office/internships?programmeId=${convention.programmeId + 100}`)).text).toContain('Conventions : 0');
  });

  it('shows a wrong date in the filter next to its field, value kept, and no 500', async () => {
    await dataSet();
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/internships?startFrom=2027-02-31&host=dupont');
    expect(page.status).toBe(400);
    expect(page.text).toMatch(/id="startFrom-error"[^>]*>/);
    expect(page.text).toContain('aria-invalid="true"');
    expect(page.text).toContain('value="dupont"');
    expect(page.text).toContain('href="#startFrom"');
  });

  it('paginates 50 conventions a page, keeping the filter in the links', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    for (let index = 0; index < 55; index += 1) await insertConvention(pstage, convention, { gratificationAmount: 5 });
    const { client } = await launchOffice(pstage);
    const first = await client.request('/office/internships?gratified=yes');
    expect(first.text).toContain('Page 1 sur 2');
    // The next link continues after the page's last row (keyset); page 2 asked by number gives the same rows.
    const next = /href="(\/office\/internships\?gratified=yes&amp;page=2&amp;after=[\d-]*_\d+)"/.exec(first.text)?.[1];
    expect(next).toBeDefined();
    expect((first.text.match(/href="\/office\/conventions\/\d+"/g) ?? []).length).toBe(50);
    const second = await client.request('/office/internships?gratified=yes&page=2');
    const ids = (html: string) => html.match(/href="\/office\/conventions\/\d+"/g) ?? [];
    expect(ids(second.text)).toHaveLength(6);
    const followed = await client.request(next!.replace(/&amp;/g, '&'));
    expect(ids(followed.text)).toEqual(ids(second.text));
    expect(followed.text).toContain('Page 2 sur 2');
  });

  it('exports the current filter as a CSV that French Excel opens: BOM, semicolons, CRLF, fr-FR dates and amounts, quoting', async () => {
    await dataSet();
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/internships?academicYear=2024-2025');
    expect(page.text).toContain('href="/office/internships/export.csv?academicYear=2024-2025"');
    const csv = await download(client, '/office/internships/export.csv?academicYear=2024-2025');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="stages-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines).toHaveLength(2);
    const [header, row] = readCsv(text);
    expect(header.slice(0, 13)).toEqual([
      'Référence',
      'Année universitaire',
      'Formation',
      'État',
      'Nom',
      'Prénom',
      'N° étudiant',
      "Organisme d'accueil",
      'SIRET',
      "Adresse de l'organisme",
      'Code postal',
      'Ville',
      'Pays',
    ]);
    const cells = lines[1].split(';');
    // Quoted where it holds the separator or quotes; the SIRET and the postcode as ="…", which Excel keeps as text.
    expect(lines[1]).toContain(';"Dupont; ""Fils"" & Cie";"=""55210055400013""";1 rue Haute;"=""33000""";BORDEAUX;FR;');
    const cell = (name: string) => row[header.indexOf(name)];
    expect(
      [
        'Date de début',
        'Date de fin',
        'Durée (heures)',
        'Gratification (€)',
        'Gratification : unité',
        'Tuteur de stage',
        'Enseignant référent',
      ].map(cell),
    ).toEqual(['07/04/2025', '27/06/2025', '420,5', '4,35', 'horaire', 'Paul Durand', 'Anne Leroy']);
    expect(cells.slice(1, 7)).toEqual(['2024-2025', 'M1 Informatique', 'Complète', 'Lefèvre', 'Élodie', 'E2024001']);
  });

  it('exports every row of a large filter, a batch at a time', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    for (let index = 0; index < 12; index += 1) {
      await pstage.database.db.insert(conventions).values(
        Array.from({ length: 100 }, () => {
          const { id: _id, reference: _reference, ...copy } = convention;
          return copy;
        }),
      );
    }
    const { client } = await launchOffice(pstage);
    const csv = await download(client, '/office/internships/export.csv');
    const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n').slice(0, -1);
    expect(lines).toHaveLength(1 + 1201);
  });

  it('sends a wrong filter back to the page instead of exporting', async () => {
    const { client } = await launchOffice(pstage);
    const response = await client.request('/office/internships/export.csv?startTo=demain');
    expect(response).toMatchObject({ status: 303, location: '/office/internships?startTo=demain' });
  });

  it.each(['2147483648', '99999999999', '0'])(
    'refuses programmeId=%s (beyond the int4 column) on the page and the export, and keeps serving',
    async (id) => {
      const { client } = await launchOffice(pstage);
      const page = await client.request(`/office/internships?programmeId=${id}`);
      expect(page.status).toBe(400);
      expect(page.text).toContain('id="programmeId-error"');
      const exported = await client.request(`/office/internships/export.csv?programmeId=${id}`);
      expect(exported).toMatchObject({ status: 303, location: `/office/internships?programmeId=${id}` });
      expect((await client.request('/health')).status).toBe(200);
      expect((await client.request('/office/internships?programmeId=2147483647')).text).toContain('Conventions : 0');
    },
  );

  it('treats a page number beyond any offset the database takes as the first page', async () => {
    await dataSet();
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/internships?page=100000000000000000000');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Conventions : 3');
  });

  it('reads the first rows before writing a byte: a filter the database refuses fails with nothing sent', async () => {
    let written = 0;
    const out = new Writable({ write: (chunk: Buffer, _encoding, done) => ((written += chunk.length), done()) });
    await expect(
      prepareInternshipExport(pstage.database.db, { programmeId: 2 ** 31 }, translator('fr')).then((csv) => csv.writeTo(out)),
    ).rejects.toThrow();
    expect(written).toBe(0);
  });
});
