// Chapter 7's quiz: the curriculum's six questions, graded on its answers, refusing the tempting wrong ones.
import { describe, expect, it } from 'vitest';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { lesson, text, grade, correctChoice } = readLesson('07-masking.mdx');

describe('chapter 7 quiz and frontmatter', () => {
  it('has the six curriculum questions, five objectives and order 7', () => {
    expect(lesson.quiz.map((q) => q.id)).toEqual(['masked-cells-t3', 'why-minus-infinity', 'append-changes-position-2', 'predictions-per-sequence', 'families', 'it-sees-hungry']);
    expect(lesson.objectives).toHaveLength(5);
    expect(lesson.order).toBe(7);
  });

  it('the true/false answers are False, and the families match BERT both ways, GPT causal, T5 cross-attention', () => {
    expect(correctChoice('append-changes-position-2')).toBe('False');
    expect(correctChoice('it-sees-hungry')).toBe('False');
    expect(correctChoice('families')).toMatch(/BERT: encoder-only, both directions\. GPT: decoder-only, causal\. T5: encoder–decoder with cross-attention/);
  });

  const cases: [string, string[], string[]][] = [
    ['masked-cells-t3', ['(1,2), (1,3), (2,3)', '1 2, 1 3, 2 3', 'the upper triangle'], ['(2,1), (3,1), (3,2)', '(1,1), (2,2), (3,3)', '']],
    ['why-minus-infinity', ['e^0 = 1 so a zero score still gets weight', 'because e^-inf is exactly 0'], ['it is smaller', '']],
    ['predictions-per-sequence', ['8', 'eight predictions'], ['9', '1', '']],
  ];
  for (const [id, right, wrong] of cases) {
    it(`${id}: accepts ${right.length} right answers and refuses ${wrong.length} wrong ones`, () => {
      for (const answer of right) expect(grade(id, answer), answer).toBe(true);
      for (const answer of wrong) expect(grade(id, answer), answer).toBe(false);
    });
  }

  it('the prose addresses every chapter-7 misconception', () => {
    expect(text).toMatch(/does not make training sequential/);
    expect(text).toMatch(/cannot change any earlier output/);
    expect(text).toMatch(/Zeroing the weights after the softmax/);
    expect(text).toMatch(/Writing 0 into the masked scores/);
    expect(text).toMatch(/Not every transformer is causal/);
  });
});
