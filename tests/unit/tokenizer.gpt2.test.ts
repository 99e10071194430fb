/**
 * Oracle test: our byte-level BPE, given GPT-2's merges, must split text exactly like the `gpt-tokenizer`
 * package's r50k_base (GPT-2) encoder. GPT-2's merges are recovered from the package's rank table: the merge
 * that created token r is found by running rank-ordered BPE over r's bytes with only the lower ranks allowed.
 */
import { describe, expect, it } from 'vitest';
import r50kRanks from 'gpt-tokenizer/bpeRanks/r50k_base';
import { encode as gpt2Encode } from 'gpt-tokenizer/encoding/r50k_base';
import { createBpeTokenizer } from '../../engine/tokenizer/bpe.ts';
import type { Merge } from '../../engine/tokenizer/bpe.ts';

const encoder = new TextEncoder();
const tokenBytes: Uint8Array[] = (r50kRanks as (string | number[])[]).map((t) => (typeof t === 'string' ? encoder.encode(t) : Uint8Array.from(t)));
const keyOf = (bytes: ArrayLike<number>) => Array.from(bytes).join(',');
const rankOf = new Map(tokenBytes.map((b, rank) => [keyOf(b), rank]));

/** GPT-2's rank → our id: single bytes become their byte value; merged tokens keep their rank (256 + merge index). */
const toOurId = (rank: number) => (rank < 256 ? tokenBytes[rank][0] : rank);

/** The two tokens whose merge produced token `rank`. */
function splitOf(rank: number): Merge {
  let parts = Array.from(tokenBytes[rank], (b) => [b]);
  while (parts.length > 2) {
    let best = -1;
    let bestRank = Infinity;
    for (let i = 0; i + 1 < parts.length; i++) {
      const r = rankOf.get(keyOf([...parts[i], ...parts[i + 1]]));
      if (r !== undefined && r < rank && r < bestRank) [best, bestRank] = [i, r];
    }
    parts = [...parts.slice(0, best), [...parts[best], ...parts[best + 1]], ...parts.slice(best + 2)];
  }
  return [toOurId(rankOf.get(keyOf(parts[0]))!), toOurId(rankOf.get(keyOf(parts[1]))!)];
}

const merges: Merge[] = [];
for (let rank = 256; rank < tokenBytes.length; rank++) merges.push(splitOf(rank));
const gpt2 = createBpeTokenizer(merges);
const theirs = (text: string) => gpt2Encode(text).map(toOurId);

describe('byte-level BPE with GPT-2 merges matches gpt-tokenizer r50k_base', () => {
  it('has 50,000 merges over 256 bytes', () => {
    expect(gpt2.vocabSize).toBe(50_256); // + <|endoftext|> = 50,257
  });

  it.each([
    [' strawberry', 1],
    ['strawberry', 3],
    ['Strawberry', 3],
    ['"strawberry', 4],
    ['こんにちは', 6],
    [' antidisestablishmentarianism', 5],
    [' 2025', 1],
  ])('"%s" → %i tokens, as the curriculum table says', (text, count) => {
    expect(gpt2.encode(text).ids).toEqual(theirs(text));
    expect(gpt2.encode(text).ids).toHaveLength(count);
  });

  it('gives the curriculum ids for " strawberry" and "Mike is quick. He moves" (GPT-2 numbers single bytes differently)', () => {
    // Our single-byte ids are the byte values; GPT-2 orders its 256 byte tokens differently ("." is 13 there).
    const toGpt2Id = (id: number) => (id < 256 ? rankOf.get(String(id))! : id);
    expect(gpt2.encode(' strawberry').ids.map(toGpt2Id)).toEqual([41236]);
    expect(gpt2.encode('Mike is quick. He moves').ids.map(toGpt2Id)).toEqual([16073, 318, 2068, 13, 679, 6100]);
  });

  it('splits reindeer and reinjury differently and doesn\'t as doesn·\'t', () => {
    const pieces = (text: string) => gpt2.encode(text).ids.map((id) => gpt2.tokenText(id));
    expect(pieces(' reindeer')).toEqual([' re', 'ind', 'eer']);
    expect(pieces(' reinjury')).toEqual([' rein', 'jury']);
    expect(pieces("doesn't")).toEqual(['doesn', "'t"]);
  });

  it('ち is split over two byte tokens whose spans both cover it', () => {
    const { ids, spans } = gpt2.encode('こんにちは');
    const covering = spans.filter((s) => s.start === 3 && s.end === 4);
    expect(covering.length).toBe(2);
    expect(covering.map((s) => gpt2.tokenText(s.id)).every((t) => t.includes('‹'))).toBe(true);
    expect(gpt2.decode(ids)).toBe('こんにちは');
  });

  it('agrees token for token on mixed multilingual text', () => {
    const text = [
      'The quick brown fox jumps over the lazy dog. It\'s 2026, and we\'ve got 3.14 reasons!!',
      '  Indented   text\twith\ttabs\nand newlines\n\n',
      'Ünïcödé façade — “quotes” and emoji 👩‍💻🙂, 中文字符, العربية, हिन्दी, עברית.',
      'code: for (let i = 0; i < n; i++) { sum += a[i] * b[i]; } // done',
    ].join('\n');
    expect(gpt2.encode(text).ids).toEqual(theirs(text));
  });
});
