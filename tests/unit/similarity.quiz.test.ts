// Chapter 4's quiz as declared in its frontmatter: valid against the lesson schema, the curriculum's five questions,
// and short answers graded on the curriculum's numbers (1, ≈ 8, 1), refusing the tempting wrong ones.
import { describe, expect, it } from 'vitest';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { lesson, grade, correctChoice } = readLesson('04-similarity.mdx');

describe('chapter 4 quiz', () => {
  it('has the five curriculum questions, five objectives and order 4', () => {
    expect(lesson.quiz.map((q) => q.id)).toEqual(['cosine-same-direction', 'dot-prefers', 'happy-sad', 'qk-std-64', 'unit-distance']);
    expect(lesson.objectives).toHaveLength(5);
    expect(lesson.order).toBe(4);
  });

  it('the choice answers are Android (45 vs 35) and False for happy/sad', () => {
    expect(correctChoice('dot-prefers')).toMatch(/Android/);
    expect(correctChoice('happy-sad')).toBe('False');
  });

  const cases: [string, string[], string[]][] = [
    ['cosine-same-direction', ['1', 'cos = 1.0', 'exactly 1'], ['0', '0.5', '56.57', '']],
    ['qk-std-64', ['8', 'about 8', 'sqrt(64) = 8', '7.9'], ['64', '1', '0.125', '']],
    ['unit-distance', ['1', 'distance 1', '1.0'], ['0.5', '1.41', '2', '']],
  ];
  for (const [id, right, wrong] of cases) {
    it(`${id}: accepts ${right.length} right answers and refuses ${wrong.length} wrong ones`, () => {
      for (const answer of right) expect(grade(id, answer), answer).toBe(true);
      for (const answer of wrong) expect(grade(id, answer), answer).toBe(false);
    });
  }
});
