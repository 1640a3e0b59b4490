import { ConventionRuleInput, evaluateConvention } from '../../../src/domain/legalRules';
import { validConvention } from './conventionInput';

describe('mandatory content', () => {
  it.each<[keyof ConventionRuleInput, string]>([
    ['programmeTitle', 'legal.missing.programmeTitle'],
    ['skills', 'legal.missing.skills'],
    ['activities', 'legal.missing.activities'],
    ['professionalTutorName', 'legal.missing.professionalTutorName'],
    ['academicTutorName', 'legal.missing.academicTutorName'],
    ['hostSignatoryName', 'legal.missing.hostSignatoryName'],
    ['programmeTeachingHours', 'legal.missing.programmeTeachingHours'],
  ])('a missing %s is an error on that field', (field, code) => {
    expect(evaluateConvention(validConvention({ [field]: null }))).toEqual([
      { code, severity: 'E', params: {}, field, overridable: false },
    ]);
  });

  it.each([null, '', '  '])(
    'a minor whose legal representative is %p misses a party: an error on that field',
    (legalRepresentativeName) => {
      expect(evaluateConvention(validConvention({ isMinor: true, legalRepresentativeName }))).toEqual([
        { code: 'legal.missing.legalRepresentative', severity: 'E', params: {}, field: 'legalRepresentative', overridable: false },
      ]);
    },
  );

  it('an adult needs no legal representative', () => {
    expect(evaluateConvention(validConvention({ isMinor: false, legalRepresentativeName: null }))).toEqual([]);
  });

  it.each(['', '   ', '\n'])('a blank text %j counts as missing', (skills) => {
    expect(evaluateConvention(validConvention({ skills })).map((finding) => finding.code)).toEqual(['legal.missing.skills']);
  });
});

describe('programme teaching volume', () => {
  it.each([
    [199, true],
    [199.5, true],
    [200, false],
    [201, false],
  ])('%d h of teaching is too low: %s', (programmeTeachingHours, tooLow) => {
    const findings = evaluateConvention(validConvention({ programmeTeachingHours }));
    expect(findings).toEqual(
      tooLow
        ? [
            {
              code: 'legal.programmeTeachingHoursTooLow',
              severity: 'E',
              params: { hours: programmeTeachingHours, min: 200 },
              field: 'programmeTeachingHours',
              overridable: false,
            },
          ]
        : [],
    );
  });
});

describe('internships abroad', () => {
  it.each([
    [true, 'DE', [{ code: 'legal.abroadAnnexRequired', severity: 'W', params: { country: 'DE' }, field: 'country', overridable: true }]],
    [true, undefined, [{ code: 'legal.abroadAnnexRequired', severity: 'W', params: { country: '' }, field: 'country', overridable: true }]],
    [false, 'FR', []],
  ])('abroad=%s in %p finds %j', (abroad, country, expected) => {
    expect(evaluateConvention(validConvention({ abroad, country }))).toEqual(expected);
  });
});
