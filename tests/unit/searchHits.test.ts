// The header search drops hits where only a much shorter word matched what the reader typed.
import { describe, expect, it } from 'vitest';
import { isRelevantHit, markedWords } from '../../site/components/search/relevantHit.ts';

describe('search hits', () => {
  it('reads the highlighted words of an excerpt', () => {
    expect(markedWords('ez is positive for any <mark>z,</mark> and a larger <mark>Z</mark>')).toEqual(['z', 'z']);
  });
  it('drops a nonsense query that only matched single-letter math', () => {
    expect(isRelevantHit('for any <mark>z,</mark> and a larger <mark>z</mark>', 'zzzzwwww')).toBe(false);
    expect(isRelevantHit('token <mark>j</mark> strongly', 'jjjjqqq')).toBe(false);
  });
  it('keeps whole-word, prefix and single-letter queries', () => {
    expect(isRelevantHit('the <mark>exponential</mark> <mark>function</mark>', 'exponential function')).toBe(true);
    expect(isRelevantHit('the <mark>softmax</mark> turns', 'softm')).toBe(true);
    expect(isRelevantHit('the query <mark>q</mark> and', 'q')).toBe(true);
  });
});
