import { ConfigError, loadConfig } from '../../../src/config';
import { DEFAULT_ACADEMIC_YEAR_START } from '../../../src/domain/academicYear';
import { useTestPstage } from '../../support/pstage';
import { academicYearTests, yearOfSeptember } from './academicYearTests';

const pstage = useTestPstage();

describe('ACADEMIC_YEAR_START', () => {
  it('is 1 September by default and read as MM-DD', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).academicYearStart).toEqual(DEFAULT_ACADEMIC_YEAR_START);
    expect(loadConfig({ NODE_ENV: 'test', ACADEMIC_YEAR_START: '10-01' }).academicYearStart).toEqual({ month: 10, day: 1 });
  });

  it.each(['02-29', '9-1', '31-12', 'septembre'])('refuses ACADEMIC_YEAR_START=%s at start-up', (value) => {
    expect(() => loadConfig({ NODE_ENV: 'test', ACADEMIC_YEAR_START: value })).toThrow(ConfigError);
  });
});

describe('the academic year of a convention, by default (years from 1 September)', () => {
  academicYearTests(pstage, DEFAULT_ACADEMIC_YEAR_START, yearOfSeptember);
});
