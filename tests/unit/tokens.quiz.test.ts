// Chapter 2's quiz as declared in its frontmatter: valid against the lesson schema, the curriculum's five questions,
// and short answers graded generously but not blindly (curriculum answers as the oracle).
import { describe, expect, it } from 'vitest';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { lesson, grade, correctChoice } = readLesson('02-tokens.mdx');

describe('chapter 2 quiz', () => {
  it('has the five curriculum questions and the five objectives', () => {
    expect(lesson.quiz.map((q) => q.id)).toEqual(['first-merge', 'gpt2-vocab', 'strawberry-rs', 'rein-prefix', 'doesnt-split']);
    expect(lesson.objectives).toHaveLength(5);
    expect(lesson.order).toBe(2);
  });

  it('the choice answers are: token ids not letters; false; false', () => {
    expect(correctChoice('strawberry-rs')).toMatch(/token ids, not letters/);
    expect(correctChoice('rein-prefix')).toBe('False');
    expect(correctChoice('doesnt-split')).toBe('False');
  });

  const cases: [string, string[], string[]][] = [
    ['first-merge', ['u+g', 'U + G', 'u and g (4 times)', 'the pair "ug"'], ['h + u', 'hug', 'b+u', '']],
    ['gpt2-vocab', ['256 bytes + 50,000 merges + 1 special token', '256+50000+1', 'the 256 byte values plus merges plus endoftext'], ['50,000 words', 'it is 2^16', '']],
  ];
  for (const [id, right, wrong] of cases) {
    it(`${id}: accepts ${right.length} right answers and refuses ${wrong.length} wrong ones`, () => {
      for (const answer of right) expect(grade(id, answer), answer).toBe(true);
      for (const answer of wrong) expect(grade(id, answer), answer).toBe(false);
    });
  }
});
