import { academicYearStart, type AcademicYearStart } from '../../../src/domain/academicYear';
import { nextYear } from '../../support/clock';
import type { TestPstage } from '../../support/pstage';
import { fillConventionAsStudent, validPersonal } from '../../support/studentJourney';
import { reload } from '../../services/office/officeJourney';

/** Three weeks in September of next year: in the academic year starting that September, by default. */
const september = { startDate: `${nextYear}-09-07`, endDate: `${nextYear}-09-25`, gratificationAmount: '' };
export const yearBefore = `${nextYear - 1}-${nextYear}`;
export const yearOfSeptember = `${nextYear}-${nextYear + 1}`;

/**
 * The academic year of a convention in September of next year, when the institution's years start on `start`:
 * `expectedYear`, the only one offered on step 1, whatever year the student chose there before giving the dates.
 */
export function academicYearTests(pstage: TestPstage, start: AcademicYearStart, expectedYear: string) {
  it('follows the dates, whatever year the student chose before giving them, and only those years are offered', async () => {
    expect(academicYearStart()).toEqual(start);
    // The journey chooses the academic year before September on step 1.
    const filled = await fillConventionAsStudent(pstage, { internship: september });
    expect((await reload(pstage, filled.conventionId)).academicYear).toBe(expectedYear);
    const personal = (await filled.client.request(`${filled.base}/personal`)).text;
    const options = [...personal.matchAll(/<option value="(\d{4}-\d{4})"/g)].map((match) => match[1]);
    expect(options).toEqual([expectedYear]);
  });

  it('refuses, next to the field, a year the dates do not touch', async () => {
    const filled = await fillConventionAsStudent(pstage, { internship: september });
    const other = expectedYear === yearBefore ? yearOfSeptember : yearBefore;
    const posted = await filled.client.submit(`${filled.base}/personal`, { ...validPersonal, academicYear: other });
    expect(posted.status).toBe(303);
    const page = (await filled.client.request(posted.location!)).text;
    expect(page).toContain('Choisissez une année universitaire que couvrent les dates du stage.');
    expect((await reload(pstage, filled.conventionId)).academicYear).toBe(expectedYear);
  });
}
