import ExcelJS from 'exceljs';
import { conventions } from '../../../../src/models/schema';
import { useTestPstage } from '../../../support/pstage';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { createHost, download, insertConvention, launchOffice } from './support';

const pstage = useTestPstage();

async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return { sheet, rows };
}

describe('the internship database as an Excel workbook', () => {
  it('exports the current filter with typed cells: SIRET and numbers as text, dates and amounts Excel can compute with', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const host = await createHost(pstage, { name: 'Dupont; "Fils" & Cie', siret: '55210055400013', city: 'Bordeaux', postalCode: '33000' });
    await insertConvention(pstage, convention, {
      academicYear: '2024-2025',
      state: 'complete',
      startDate: '2025-04-07',
      endDate: '2025-06-27',
      organisationId: host.id,
      gratificationAmount: 4.35,
      gratificationUnit: 'hour',
      computedTotalHours: 420.5,
      student: { ...convention.student, firstName: 'Élodie', lastName: 'Lefèvre', studentNumber: '00012345' },
    });
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/internships?academicYear=2024-2025');
    expect(page.text).toContain('href="/office/internships/export.xlsx?academicYear=2024-2025"');
    const file = await download(client, '/office/internships/export.xlsx?academicYear=2024-2025');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="stages-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const { sheet, rows } = await readWorkbook(file.bytes);
    expect(sheet.name).toBe('Stages');
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(0, 9)).toEqual([
      'Référence',
      'Année universitaire',
      'Formation',
      'État',
      'Nom',
      'Prénom',
      'N° étudiant',
      "Organisme d'accueil",
      'SIRET',
    ]);
    const [, year, programme, state, lastName, firstName, number, organisation, siret, , country, start, end, hours, amount, unit] =
      rows[1];
    expect([year, programme, state, lastName, firstName, number, organisation]).toEqual([
      '2024-2025',
      'M1 Informatique',
      'Complète',
      'Lefèvre',
      'Élodie',
      '00012345',
      'Dupont; "Fils" & Cie',
    ]);
    expect(siret).toBe('55210055400013');
    expect(sheet.getColumn(9).numFmt).toBe('@');
    expect(country).toBe('FR');
    expect(start).toEqual(new Date('2025-04-07T00:00:00Z'));
    expect(end).toEqual(new Date('2025-06-27T00:00:00Z'));
    expect(sheet.getColumn(12).numFmt).toBe('dd/mm/yyyy');
    expect([hours, amount, unit]).toEqual([420.5, 4.35, 'horaire']);
  });

  it('exports every row of a large filter, a batch at a time', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    for (let index = 0; index < 25; index += 1) {
      await pstage.database.db.insert(conventions).values(
        Array.from({ length: 100 }, () => {
          const { id: _id, reference: _reference, ...copy } = convention;
          return copy;
        }),
      );
    }
    const { client } = await launchOffice(pstage);
    const { rows } = await readWorkbook((await download(client, '/office/internships/export.xlsx')).bytes);
    expect(rows).toHaveLength(1 + 2501);
  });

  it('sends a wrong filter back to the page, and refuses the file to a student', async () => {
    const { client } = await launchOffice(pstage);
    const response = await client.request('/office/internships/export.xlsx?startTo=demain');
    expect(response).toMatchObject({ status: 303, location: '/office/internships?startTo=demain' });
    const student = await pstage.launch('camille-martin', 'm1-info');
    expect((await student.client.request('/office/internships/export.xlsx')).status).toBe(403);
  });
});
