import ExcelJS from 'exceljs';
import { amendments, conventions, signatures } from '../../../../src/models/schema';
import { readCsv } from '../../../support/readCsv';
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
    const cell = (name: string) => rows[1][(rows[0] as string[]).indexOf(name)];
    expect(['Année universitaire', 'Formation', 'État', 'Nom', 'Prénom', 'N° étudiant', "Organisme d'accueil"].map(cell)).toEqual([
      '2024-2025',
      'M1 Informatique',
      'Complète',
      'Lefèvre',
      'Élodie',
      '00012345',
      'Dupont; "Fils" & Cie',
    ]);
    expect(cell('SIRET')).toBe('55210055400013');
    expect(sheet.getColumn(9).numFmt).toBe('@');
    expect(cell('Code postal')).toBe('33000');
    expect(cell('Pays')).toBe('FR');
    expect(cell('Date de début')).toEqual(new Date('2025-04-07T00:00:00Z'));
    expect(cell('Date de fin')).toEqual(new Date('2025-06-27T00:00:00Z'));
    expect(sheet.getColumn((rows[0] as string[]).indexOf('Date de début') + 1).numFmt).toBe('dd/mm/yyyy');
    expect(['Durée (heures)', 'Gratification (€)', 'Gratification : unité'].map(cell)).toEqual([420.5, 4.35, 'horaire']);
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

describe('the CSV and the workbook: one list of columns, what an office needs', () => {
  it('the host’s address and SIRET as text, the service, both tutors, the type, hours, gratification, each signature’s day and method, the amendments signed', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const host = await createHost(pstage, {
      name: 'Atelier Numérique',
      siret: '05210055400013',
      street: '4 quai Perrache',
      postalCode: '01000',
    });
    const signed = await insertConvention(pstage, convention, {
      state: 'complete',
      organisationId: host.id,
      startDate: '2027-03-01',
      endDate: '2027-06-25',
      computedTotalHours: 588,
      gratificationAmount: 4.35,
      gratificationUnit: 'hour',
    });
    await pstage.database.db.insert(signatures).values([
      { conventionId: signed.id, party: 'student', signedAt: '2027-02-01', method: 'electronic' },
      { conventionId: signed.id, party: 'host_signatory', signedAt: '2027-02-03', method: 'paper' },
      { conventionId: signed.id, party: 'professional_tutor', signedAt: '2027-02-03', method: 'scan' },
      { conventionId: signed.id, party: 'academic_tutor', signedAt: '2027-02-04', method: 'electronic' },
      { conventionId: signed.id, party: 'dean', signedAt: '2027-02-05', method: 'paper' },
    ]);
    const amendment = (number: number, state: 'signed' | 'refused') => ({
      conventionId: signed.id,
      number,
      kinds: ['dates'],
      state,
      changes: {},
      before: {},
      after: {},
      conventionVersion: 1,
      requestedByRole: 'student' as const,
    });
    await pstage.database.db.insert(amendments).values([amendment(1, 'signed'), amendment(2, 'refused'), amendment(3, 'signed')]);
    const { client } = await launchOffice(pstage);
    const filter = `state=complete`;
    const csv = await download(client, `/office/internships/export.csv?${filter}`);
    const [csvHeader, csvRow, ...csvMore] = readCsv(csv.bytes.subarray(3).toString('utf8'));
    const { sheet, rows } = await readWorkbook((await download(client, `/office/internships/export.xlsx?${filter}`)).bytes);
    expect(csvMore).toEqual([]);
    expect(rows).toHaveLength(2);
    // The same columns, in the same order, in both files.
    expect(rows[0]).toEqual(csvHeader);
    const csvCell = (name: string) => csvRow[csvHeader.indexOf(name)];
    const xlsxCell = (name: string) => rows[1][csvHeader.indexOf(name)];

    expect(csvCell('SIRET')).toBe('="05210055400013"');
    expect(xlsxCell('SIRET')).toBe('05210055400013');
    expect(sheet.getColumn(csvHeader.indexOf('SIRET') + 1).numFmt).toBe('@');
    expect([csvCell("Adresse de l'organisme"), csvCell('Code postal'), xlsxCell('Code postal')]).toEqual([
      '4 quai Perrache',
      '="01000"',
      '01000',
    ]);
    for (const cell of [csvCell, xlsxCell]) {
      expect(["Service d'accueil", 'Tuteur de stage', 'Enseignant référent', 'Type de stage'].map(cell)).toEqual([
        'Direction informatique',
        'Paul Durand',
        'Anne Leroy',
        'Stage obligatoire',
      ]);
      expect(
        [
          'Stagiaire : mode de signature',
          "Représentant de l'organisme d'accueil : mode de signature",
          'Tuteur de stage : mode de signature',
          'Enseignant référent : mode de signature',
          'Doyen : mode de signature',
        ].map(cell),
      ).toEqual(['électronique', 'papier', 'scan', 'électronique', 'papier']);
      expect(cell('Avenants signés')).toEqual(cell === csvCell ? '2' : 2);
    }
    expect(csvCell('Stagiaire : date de signature')).toBe('01/02/2027');
    expect(xlsxCell('Doyen : date de signature')).toEqual(new Date('2027-02-05T00:00:00Z'));
    // A minor's representative was not a party: their columns stay empty.
    expect(csvCell('Représentant légal du stagiaire mineur : date de signature')).toBe('');
    expect([csvCell('Durée (heures)'), xlsxCell('Durée (heures)'), csvCell('Gratification (€)'), xlsxCell('Gratification (€)')]).toEqual([
      '588',
      588,
      '4,35',
      4.35,
    ]);
  });
});
