import { z } from 'zod';
import { crossChecks, defineForm, fieldLabels, validate } from '../../../src/routes/shared/validate';

/** A form whose cross-field check (end before start) and field checks must all report in one pass. */
const form = defineForm(
  z
    .object({
      name: z.string().min(1, { error: 'required' }),
      startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' }),
      endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' }),
      kind: z.enum(['a', 'b'], { error: 'choose' }),
    })
    .superRefine(
      ...crossChecks<{ startDate: string; endDate: string }>(({ form: values, parsed, issue }) => {
        if (parsed('startDate', 'endDate') && values.endDate < values.startDate) issue('endDate', 'endBeforeStart');
      }),
    ),
  fieldLabels('fields.', ['name', 'startDate', 'endDate', 'kind'], { name: 'fields.serviceName' }),
);

describe('validate, the one form pipeline', () => {
  it('gives the typed values of a valid form', () => {
    expect(validate(form, { name: 'x', startDate: '2027-01-01', endDate: '2027-02-01', kind: 'a', extra: 'dropped' })).toEqual({
      ok: true,
      values: { name: 'x', startDate: '2027-01-01', endDate: '2027-02-01', kind: 'a' },
    });
  });

  it('reports the field errors and the cross-field error together, in the form order, with each field’s own label', () => {
    const result = validate(form, { kind: 'z', endDate: '2027-01-01', startDate: '2027-02-01', name: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.entries(result.state.errors)).toEqual([
      ['name', 'required'],
      ['endDate', 'endBeforeStart'],
      ['kind', 'choose'],
    ]);
    expect(result.state.order).toEqual(['name', 'endDate', 'kind']);
    expect(result.state.labels).toEqual({ name: 'fields.serviceName', endDate: 'fields.endDate', kind: 'fields.kind' });
    expect(result.state.values).toMatchObject({ kind: 'z', name: '' });
  });

  it('skips a cross-field check whose fields did not parse, and keeps what was sent', () => {
    const result = validate(form, { name: 'x', startDate: 'soon', endDate: '2027-01-01', kind: 'a' });
    expect(result.ok ? {} : result.state.errors).toEqual({ startDate: 'date' });
  });

  it('takes a body that is not an object as an empty form', () => {
    const result = validate(form, undefined);
    expect(result.ok ? [] : Object.keys(result.state.errors)).toEqual(['name', 'startDate', 'endDate', 'kind']);
  });
});
