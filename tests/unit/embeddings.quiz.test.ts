// Chapter 3's quiz (curriculum ch. 3 "Quiz") takes the curriculum's answers and turns down the misconceptions;
// the lesson text addresses every misconception the curriculum lists.
import { describe, expect, it } from 'vitest';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { text, lesson, grade, correctChoice } = readLesson('03-embeddings.mdx');

describe('chapter 3 quiz', () => {
  it('has the five curriculum questions and places <Quiz lesson="embeddings" />', () => {
    expect(lesson.quiz.map((q) => q.id)).toEqual(['gpt2-embedding-shape', 'toy-king-analogy', 'readable-coordinates', 'apple-between', 'swap-embeddings']);
    expect(text).toContain('<Quiz lesson="embeddings" />');
  });
  it('GPT-2 table: 50,257 × 768', () => {
    expect(grade('gpt2-embedding-shape', '50,257 × 768')).toBe(true);
    expect(grade('gpt2-embedding-shape', '50257 x 768')).toBe(true);
    expect(grade('gpt2-embedding-shape', '768 × 50,257')).toBe(false);
    expect(grade('gpt2-embedding-shape', '50,257')).toBe(false);
  });
  it('king − man + woman = (2, 2)', () => {
    expect(grade('toy-king-analogy', '(2, 2)')).toBe(true);
    expect(grade('toy-king-analogy', 'queen')).toBe(true);
    expect(grade('toy-king-analogy', '(2, 1)')).toBe(false);
  });
  it('the choice answers are the curriculum ones', () => {
    expect(correctChoice('readable-coordinates')).toBe('False');
    expect(correctChoice('apple-between')).toMatch(/one vector must serve both senses/i);
    expect(correctChoice('swap-embeddings')).toBe('False');
  });
});

describe('the lesson addresses the curriculum misconceptions', () => {
  it.each([
    ['coordinates are not readable', /no single coordinate has a readable meaning/],
    ['trained together, not first', /not trained first[\s\S]*end to end/],
    ['not swappable', /cannot swap embeddings/],
    ['analogies are not exact; inputs excluded', /never exact[\s\S]*excluding the three input words/],
    ['word2vec is shallow', /word2vec[\s\S]*shallow model whose weight matrix/],
    ['apple has one row', /one row per token/],
  ])('%s', (_, pattern) => expect(text).toMatch(pattern));
  it('model numbers come from the manifest, not the text', () => {
    expect(text).toContain("import manifest from '../public/models/tw-learned/manifest.json'");
    expect(text).toMatch(/\{c7\.measured\.analogies\}/);
  });
});
