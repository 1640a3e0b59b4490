import { isMinorOn } from '../../src/domain/minority';
import { partiesToSign, signatoriesOf } from '../../src/domain/signatories';

describe('a minor on the first day of the internship', () => {
  it.each([
    ['2009-03-02', '2027-03-01', true],
    ['2009-03-02', '2027-03-02', false],
    ['2009-03-02', '2027-03-03', false],
    ['2008-02-29', '2026-02-28', true],
    ['2008-02-29', '2026-03-01', false],
    ['2001-05-04', '2027-03-02', false],
    [undefined, '2027-03-02', false],
  ])('born on %s, starting on %s: minor %s', (birthDate, startDate, minor) => {
    expect(isMinorOn(birthDate, startDate)).toBe(minor);
  });
});

describe('the parties who sign', () => {
  it('are the student, the host signatory and both tutors for an adult, then the dean', () => {
    expect(signatoriesOf({ minorStudent: false })).toEqual(['student', 'host_signatory', 'professional_tutor', 'academic_tutor', 'dean']);
  });

  it('include the legal representative, right after the student, for a minor', () => {
    expect(partiesToSign({ minorStudent: true })).toEqual([
      'student',
      'legal_representative',
      'host_signatory',
      'professional_tutor',
      'academic_tutor',
    ]);
  });
});
