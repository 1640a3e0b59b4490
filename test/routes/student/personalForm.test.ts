import { personalFormOn } from '../../../src/routes/student/convention/personal/schema';
import { validate } from '../../../src/routes/shared/validate';

describe("the personal step's form", () => {
  it('is built once for a day and its academic years, and anew for another day or other years', () => {
    const form = personalFormOn('2026-12-02', ['2026-2027']);
    expect(personalFormOn('2026-12-02', ['2026-2027'])).toBe(form);
    expect(personalFormOn('2026-12-03', ['2026-2027'])).not.toBe(form);
    expect(personalFormOn('2026-12-02', ['2026-2027', '2027-2028'])).not.toBe(form);
    expect(personalFormOn('2026-12-02')).not.toBe(form);
  });

  it("checks the birth date against the form's own day", () => {
    const posted = { birthDate: '2012-12-02' };
    const errorsOn = (today: string) => {
      const result = validate(personalFormOn(today as never), posted);
      return result.ok ? {} : result.state.errors;
    };
    // 14 years old on 2026-12-02, not yet on 2026-12-01.
    expect(errorsOn('2026-12-02').birthDate).toBeUndefined();
    expect(errorsOn('2026-12-01').birthDate).toBe('student.errors.birthDate');
  });
});
