import { isPrintableAsFinal, progress, progressStep, studentMayEdit } from '../../src/domain/conventionStatus';
import { ConventionState } from '../../src/domain/workflow';

describe('convention status helpers', () => {
  it.each<[ConventionState, number, number, boolean, boolean]>([
    ['draft', 0, 0, false, true],
    ['submitted', 1, 0.25, false, false],
    ['validated', 2, 0.5, true, false],
    ['signed_by_parties', 3, 0.75, true, false],
    ['complete', 4, 1, true, false],
    ['cancelled', 0, 0, false, false],
  ])('%s is step %i, score %d, printable %s, editable by the student %s', (state, step, score, printable, editable) => {
    expect(progressStep(state)).toBe(step);
    expect(progress(state)).toBe(score);
    expect(isPrintableAsFinal(state)).toBe(printable);
    expect(studentMayEdit(state)).toBe(editable);
  });
});
