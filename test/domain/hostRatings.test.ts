import { aggregateResults, shareableGroup } from '../../src/domain/evaluationResults';
import { defaultStudentTemplate } from '../../src/domain/evaluationTemplate';
import { loadConfig } from '../../src/config';

const answers = (mark: number) => ({
  reception: mark,
  supervision: mark,
  missionsAsAnnounced: mark,
  recommend: mark > 3,
  comment: 'privé',
});
const group = (marks: number[]) =>
  aggregateResults(
    defaultStudentTemplate,
    marks.map((mark) => ({ groupKey: 'h1', groupLabel: 'Acme', answers: answers(mark) })),
  )[0];

describe('what students may see of a host', () => {
  it.each([
    [[5, 4], null],
    [[5, 4, 3], 4],
  ])('with marks %j and the default threshold, the mean reception is %s', (marks, mean) => {
    const minAnswers = loadConfig({ NODE_ENV: 'test' }).hostRatingsMinAnswers;
    expect(minAnswers).toBe(3);
    const shared = shareableGroup(group(marks), minAnswers);
    expect(shared?.questions.find((question) => question.questionId === 'reception')?.average ?? null).toBe(mean);
  });

  it('only averaged questions: never free text nor choices', () => {
    const shared = shareableGroup(group([5, 4, 2]), 3)!;
    expect(shared.questions.map((question) => question.kind)).toEqual(['likert', 'likert', 'likert', 'yesNo']);
    expect(shareableGroup(undefined, 3)).toBeNull();
  });
});
