import { z } from 'zod';
import { differingFields } from '../../../src/routes/student/convention/conflictDiff';
import { optionalDecimal, phone } from '../../../src/routes/shared/formFields';

const schema = z
  .object({
    phone: phone(),
    amount: optionalDecimal(100),
    days: z.preprocess((v) => [v ?? []].flat(), z.array(z.string())),
    note: z.string(),
  })
  .transform((form) => form);

describe('the fields a losing save typed otherwise than stored', () => {
  it('compares values as the form reads them, field by field, in the given order', () => {
    const stored = { phone: '+33 6 01 02 03 04', amount: 4.5, days: ['1', '2'], note: 'a' };
    const typed = { phone: '06 01 02 03 04', amount: '4,50', days: ['1', '2'], note: 'b' };
    expect(differingFields(['note', 'phone', 'amount', 'days'], typed, stored, schema)).toEqual(['note']);
    expect(differingFields(['amount', 'phone'], { amount: '5', phone: '06 99 88 77 66' }, stored, schema)).toEqual(['amount', 'phone']);
  });

  it('without a field schema (or a value that does not parse), compares the text typed, nothing being the empty text', () => {
    expect(differingFields(['a', 'b', 'c'], { a: ' x ', b: '', c: 'bad' }, { a: 'x', c: 'good' })).toEqual(['c']);
    expect(differingFields(['phone'], { phone: 'pas un numéro' }, { phone: 'pas un numéro' }, schema)).toEqual([]);
  });
});
