import { parseId } from '../../src/routes/shared/ids';

describe('an id from a form or a URL', () => {
  it.each([
    ['1', 1],
    ['2147483647', 2147483647],
    [' 42 ', 42],
    ['2147483648', undefined],
    ['99999999999999999999', undefined],
    ['1e3', undefined],
    ['0x10', undefined],
    ['0', undefined],
    ['-1', undefined],
    ['', undefined],
    [['1', '2'], undefined],
  ])('parseId(%j) is %s', (value, expected) => {
    expect(parseId(value)).toBe(expected);
  });
});
