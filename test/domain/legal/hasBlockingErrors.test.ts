import { Finding, hasBlockingErrors, unoverridableErrors } from '../../../src/domain/legalRules';

const capError: Finding = { code: 'legal.hostYearCapExceeded', severity: 'E', params: {}, overridable: true };
const missingSkills: Finding = { code: 'legal.missing.skills', severity: 'E', params: {}, field: 'skills', overridable: false };
const abroad: Finding = { code: 'legal.abroadAnnexRequired', severity: 'W', params: {}, overridable: true };
const information: Finding = { code: 'legal.something', severity: 'I', params: {}, overridable: true };

describe('blocking errors', () => {
  it.each<[string, Finding[], string | undefined, boolean]>([
    ['no finding', [], undefined, false],
    ['only a warning and an information', [abroad, information], undefined, false],
    ['an overridable error without reason', [capError], undefined, true],
    ['an overridable error with a blank reason', [capError], '   ', true],
    ['an overridable error with a reason', [capError], 'Année de césure', false],
    ['an unoverridable error with a reason', [missingSkills], 'Année de césure', true],
    ['both kinds of error with a reason', [capError, missingSkills], 'Année de césure', true],
  ])('%s blocks: %s', (_label, findings, reason, expected) => {
    expect(hasBlockingErrors(findings, reason)).toBe(expected);
  });

  it('lists the errors no reason can lift', () => {
    expect(unoverridableErrors([capError, missingSkills, abroad])).toEqual([missingSkills]);
  });
});
