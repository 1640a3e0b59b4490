import { isValidSiren, isValidSiret, sirenOfSiret, sirenProblem, siretProblem } from '../../src/domain/siret';

describe('SIREN', () => {
  it.each([
    ['732829320', null],
    ['732 829 320', null],
    ['123456782', null],
    ['123456789', 'checksum'],
    ['73282932', 'format'],
    ['7328293200', 'format'],
    ['73282932A', 'format'],
    ['', 'format'],
  ])('%j gives %j', (input, expected) => {
    expect(sirenProblem(input)).toBe(expected);
    expect(isValidSiren(input)).toBe(expected === null);
  });
});

describe('SIRET', () => {
  it.each([
    ['73282932000074', null],
    ['732 829 320 00074', null],
    ['732\u00a0829\u00a0320\u00a000074', null],
    ['55210055400013', null],
    ['73282932000075', 'checksum'],
    ['7328293200007', 'format'],
    ['732829320000741', 'format'],
    ['7328293200007A', 'format'],
    ['732-829-320-00074', 'format'],
  ])('%j gives %j', (input, expected) => {
    expect(siretProblem(input)).toBe(expected);
    expect(isValidSiret(input)).toBe(expected === null);
  });

  it.each<[string, string | null, string]>([
    ['35600000000001', null, 'digit sum 15, not Luhn'],
    ['35600000000010', null, 'digit sum 15, not Luhn'],
    ['35600000000014', 'checksum', 'Luhn but digit sum 18'],
    ['35600000000019', 'checksum', 'neither'],
    ['35600000000048', null, 'head office keeps Luhn'],
  ])('La Poste %s gives %j (%s)', (input, expected) => {
    expect(siretProblem(input)).toBe(expected);
  });

  it.each([
    ['732 829 320 00074', '732829320'],
    ['73282932000075', null],
  ])('the SIREN of %j is %j', (input, expected) => {
    expect(sirenOfSiret(input)).toBe(expected);
  });
});
