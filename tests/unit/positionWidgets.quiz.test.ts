// Chapter 8's quiz (curriculum ch. 8 "Quiz"): the declared acceptance rules take the curriculum's answers and
// turn down the misconceptions the chapter corrects.
import { describe, expect, it } from 'vitest';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { text, lesson, question, grade } = readLesson('08-position.mdx');

describe('chapter 8 quiz', () => {
  it('has the five curriculum questions and places <Quiz lesson="position" />', () => {
    expect(lesson.quiz.map((q) => q.id)).toEqual(['slowest-wheel-limit', 'rope-rotates-what', 'gpt2-context', 'which-position-36', 'rope-offset-3']);
    expect(text).toContain('<Quiz lesson="position" />');
  });

  it('slowest wheel at large d: ≈ 62,832, not a trillion', () => {
    expect(grade('slowest-wheel-limit', '62832')).toBe(true);
    expect(grade('slowest-wheel-limit', 'about 62,832 positions')).toBe(true);
    expect(grade('slowest-wheel-limit', '2π·10^4')).toBe(true);
    expect(grade('slowest-wheel-limit', 'a trillion')).toBe(false);
    expect(grade('slowest-wheel-limit', '10000')).toBe(false);
  });

  it('RoPE rotates the queries and keys (choice c)', () => {
    const q = question('rope-rotates-what');
    expect(q.kind === 'choice' && q.choices[q.correct]).toMatch(/queries and the keys/);
  });

  it('GPT-2: 1,024', () => {
    expect(grade('gpt2-context', '1024')).toBe(true);
    expect(grade('gpt2-context', '1,024 rows')).toBe(true);
    expect(grade('gpt2-context', '2048')).toBe(false);
  });

  it('36° steps: position 11 lands on position 1', () => {
    expect(grade('which-position-36', '11')).toBe(true);
    expect(grade('which-position-36', 'position 10')).toBe(false);
  });

  it('RoPE, 30°, offset 3: score 0', () => {
    expect(grade('rope-offset-3', '0')).toBe(true);
    expect(grade('rope-offset-3', 'zero, cos 90°')).toBe(true);
    expect(grade('rope-offset-3', '0.5')).toBe(false);
  });
});
