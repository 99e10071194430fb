// Chapter 9's quiz: the six curriculum questions, graded with their own acceptance rules.
import { describe, expect, test } from 'vitest';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { lesson, grade, correctChoice, text } = readLesson('09-full-block.mdx');

describe('chapter 9 quiz', () => {
  test('six questions, placed once in the lesson', () => {
    expect(lesson.quiz).toHaveLength(6);
    expect(text.split('<Quiz lesson="full-block" />').length - 1).toBe(1);
  });
  test('order of a pre-LN block: LN → attention → add; LN → FFN → add', () => {
    expect(correctChoice('full-block-order')).toBe('LN → attention → add; LN → FFN → add');
  });
  test('attention is what mixes positions', () => {
    expect(correctChoice('full-block-mixing')).toBe('Attention');
  });
  test('GPT-2 small FFN width 3,072 (= 4 × 768); 768 is refused', () => {
    expect(grade('full-block-ffn-width', '3072')).toBe(true);
    expect(grade('full-block-ffn-width', '3,072')).toBe(true);
    expect(grade('full-block-ffn-width', '768')).toBe(false);
  });
  test('logits: the final vector times the transposed embedding matrix (tied weights)', () => {
    expect(grade('full-block-logits', 'the last normalised vector times the transposed token embedding matrix')).toBe(true);
    expect(grade('full-block-logits', 'tied weights')).toBe(true);
    expect(grade('full-block-logits', 'from the FFN')).toBe(false);
  });
  test('vectors do not shrink deeper in the model', () => {
    expect(correctChoice('full-block-shrink')).toBe('False');
  });
  test('KV cache: earlier keys and values never change under the causal mask', () => {
    expect(grade('full-block-kv-cache', 'because the keys and values of earlier tokens never change')).toBe(true);
    expect(grade('full-block-kv-cache', 'the causal mask')).toBe(true);
    expect(grade('full-block-kv-cache', 'it is faster')).toBe(false);
  });
});
