import { DEFAULT_ACADEMIC_YEAR_START, useAcademicYearStart } from '../../../src/domain/academicYear';
import { startTestPstage, type TestPstage } from '../../support/pstage';
import { academicYearTests, yearBefore } from './academicYearTests';

let running: TestPstage | undefined;
beforeAll(async () => {
  running = await startTestPstage({ ACADEMIC_YEAR_START: '10-01' });
}, 90_000);
afterAll(async () => {
  await running?.stop();
  useAcademicYearStart(DEFAULT_ACADEMIC_YEAR_START);
});
beforeEach(async () => running!.reset());

const pstage = new Proxy({} as TestPstage, { get: (_target, property) => running![property as keyof TestPstage] });

describe('the academic year of a convention, with ACADEMIC_YEAR_START=10-01', () => {
  // September belongs to the academic year that started the October before.
  academicYearTests(pstage, { month: 10, day: 1 }, yearBefore);
});
