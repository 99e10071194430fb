import { describe, expect, it } from 'vitest';
import { continuationCounts } from '../../engine/ngram.ts';
import { handle } from '../../engine/handlers.ts';
import { generateCorpus } from '../../engine/corpus/generator.ts';
import { recordingContext } from './fixtures/servedModel.ts';

describe('continuationCounts', () => {
  it('counts every occurrence of the context and what came next', () => {
    // Stream 1 2 1 2 3 1 2 1: the context 1 2 occurs three times, followed by 1, 3 and 1.
    const stream = [1, 2, 1, 2, 3, 1, 2, 1];
    expect(continuationCounts(stream, [1, 2])).toEqual({ matches: 3, next: [{ id: 1, count: 2 }, { id: 3, count: 1 }] });
  });
  it('does not count a context that ends the stream (nothing follows it)', () => {
    expect(continuationCounts([5, 6, 7, 5, 6], [5, 6]).matches).toBe(1);
  });
  it('a context never seen has 0 matches', () => {
    expect(continuationCounts([1, 2, 3], [3, 1])).toEqual({ matches: 0, next: [] });
  });
});

describe('ngramCounts verb', () => {
  it('agrees with a plain string count over the generated training text', async () => {
    const r = await handle('ngramCounts', { text: 'the capital of france is', k: 2 }, recordingContext().ctx);
    expect(r.context).toEqual(['france', 'is']);
    const words = generateCorpus({ seed: 1234 }).trainText.split(/\s+/).filter(Boolean);
    let matches = 0;
    const next = new Map<string, number>();
    for (let i = 0; i + 2 < words.length; i++) {
      if (words[i] === 'france' && words[i + 1] === 'is') {
        matches++;
        next.set(words[i + 2], (next.get(words[i + 2]) ?? 0) + 1);
      }
    }
    expect(r.matches).toBe(matches);
    expect(r.next[0]).toEqual({ token: [...next].sort((a, b) => b[1] - a[1])[0][0], count: Math.max(...next.values()) });
  });
  it('explains unknown words and too-short contexts', async () => {
    await expect(handle('ngramCounts', { text: 'five unicorns said', k: 3 }, recordingContext().ctx)).rejects.toThrow(/"unicorns" never occurs/);
    await expect(handle('ngramCounts', { text: 'the', k: 3 }, recordingContext().ctx)).rejects.toThrow(/at least 3 words/);
    await expect(handle('ngramCounts', { text: 'the king', k: 9 }, recordingContext().ctx)).rejects.toThrow(/1 to 5/);
  });
});
