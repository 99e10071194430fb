import { describe, expect, it } from 'vitest';
import { createBpeTokenizer, BYTE_VOCAB_SIZE } from '../../engine/tokenizer/bpe.ts';
import type { Merge } from '../../engine/tokenizer/bpe.ts';
import { replayMerges, trainBpe, trainBpeOnWords } from '../../engine/tokenizer/bpeTrain.ts';
import { preSplit } from '../../engine/tokenizer/pretokenize.ts';
import { segmentWord, traceEncodeWord } from '../../engine/tokenizer/bpeExplain.ts';
import { displayBytes, encodeUtf8WithOffsets } from '../../engine/tokenizer/utf8.ts';

const HUG_WORDS: [string, number][] = [['hug', 1], ['hugs', 1], ['bug', 1], ['bugs', 1]];

/** Independent oracle: replay every merge in training order over each piece's bytes (slow but obviously right). */
function naiveEncode(text: string, merges: readonly Merge[]): number[] {
  const out: number[] = [];
  for (const piece of preSplit(text)) {
    let tokens = Array.from(new TextEncoder().encode(piece.text));
    merges.forEach(([a, b], rank) => {
      const next: number[] = [];
      for (let i = 0; i < tokens.length; i++) {
        if (i + 1 < tokens.length && tokens[i] === a && tokens[i + 1] === b) {
          next.push(256 + rank);
          i++;
        } else next.push(tokens[i]);
      }
      tokens = next;
    });
    out.push(...tokens);
  }
  return out;
}

/** A seeded LCG so test corpora are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function wordSoup(length: number, words: string[], seed: number): string {
  const rnd = lcg(seed);
  let text = '';
  while (text.length < length) text += words[Math.floor(rnd() * words.length)] + (rnd() < 0.1 ? '\n' : ' ');
  return text;
}

describe('trainBpeOnWords (curriculum chapter 2: hug, hugs, bug, bugs)', () => {
  const { trace, tokenizer } = trainBpeOnWords(HUG_WORDS, 5);
  const text = (ids: readonly number[]) => ids.map((id) => tokenizer.tokenText(id)).join('+');

  it('makes the merges u+g, h+ug, b+ug, hug+s, bug+s', () => {
    expect(trace.steps.map((s) => `${tokenizer.tokenText(s.pair[0])}+${tokenizer.tokenText(s.pair[1])}`)).toEqual([
      'u+g', 'h+ug', 'b+ug', 'hug+s', 'bug+s',
    ]);
  });

  it('gives token counts 14 → 10 → 8 → 6 → 5 → 4 and the pair counts 4, 2, 2, 1, 1', () => {
    expect(trace.initialTokenCount).toBe(14);
    expect(trace.steps.map((s) => s.tokenCount)).toEqual([10, 8, 6, 5, 4]);
    expect(trace.steps.map((s) => s.count)).toEqual([4, 2, 2, 1, 1]);
  });

  it('records the pair table before each merge (first merge: ug 4 beats hu, gs, bu at 2)', () => {
    const first = trace.steps[0].candidates;
    expect(first[0]).toMatchObject({ text: 'ug', count: 4 });
    expect(first.slice(1).map((c) => [c.text, c.count])).toEqual([['hu', 2], ['gs', 2], ['bu', 2]]);
    // Merge 2 is a three-way tie at 2, broken by first occurrence: h·ug comes first in the corpus.
    expect(trace.steps[1].candidates.map((c) => [c.text, c.count])).toEqual([['hug', 2], ['ugs', 2], ['bug', 2]]);
  });

  it('numbers new tokens 256, 257, … and encodes the words to one token each', () => {
    expect(trace.steps.map((s) => s.id)).toEqual([256, 257, 258, 259, 260]);
    expect(tokenizer.vocabSize).toBe(BYTE_VOCAB_SIZE + 5);
    expect(text(tokenizer.encode('hugs').ids)).toBe('hugs');
    // A new word is encoded by replaying the merges: "bugged" → bug + g + e + d.
    expect(text(tokenizer.encode('bugged').ids)).toBe('bug+g+e+d');
  });

  it("the 'smallest-ids' tie-break picks b+ug (98 < 104) at merge 2 instead", () => {
    const other = trainBpeOnWords(HUG_WORDS, 2, { tieBreak: 'smallest-ids' });
    expect(other.trace.steps[1].text).toBe('bug');
  });

  it('stops early when no pair is left', () => {
    expect(trainBpeOnWords(HUG_WORDS, 50).trace.steps).toHaveLength(5);
  });
});

describe('BPE explained step by step (W2.2)', () => {
  const { tokenizer } = trainBpeOnWords(HUG_WORDS, 5);
  const show = (ids: number[]) => ids.map((id) => tokenizer.tokenText(id)).join('·');

  it('segmentWord shows each word after k merges (the table rows of chapter 2)', () => {
    const corpusAfter = (k: number) => HUG_WORDS.map(([w]) => show(segmentWord(w, tokenizer.merges, k))).join(', ');
    expect(corpusAfter(0)).toBe('h·u·g, h·u·g·s, b·u·g, b·u·g·s');
    expect(corpusAfter(1)).toBe('h·ug, h·ug·s, b·ug, b·ug·s');
    expect(corpusAfter(2)).toBe('hug, hug·s, b·ug, b·ug·s');
    expect(corpusAfter(3)).toBe('hug, hug·s, bug, bug·s');
    expect(corpusAfter(5)).toBe('hug, hugs, bug, bugs');
  });

  it('traceEncodeWord lists the pairs, their ranks and the best pair at each step', () => {
    const steps = traceEncodeWord('bugs', tokenizer.merges);
    expect(steps.map((s) => show(s.tokens))).toEqual(['b·u·g·s', 'b·ug·s', 'bug·s', 'bugs']);
    expect(steps[0].pairs.map((p) => p.rank)).toEqual([undefined, 0, undefined]);
    expect(steps[1].best).toEqual({ pair: [98, 256], rank: 2, newId: 258 });
    expect(steps.at(-1)!.best).toBeUndefined();
    expect(segmentWord('bugs', tokenizer.merges)).toEqual(tokenizer.encode('bugs').ids);
  });
});

describe('trainBpe on running text', () => {
  it('reproduces the hug merges when the words are on separate lines (newlines never join a pair)', () => {
    const { trace } = trainBpe('hug\nhugs\nbug\nbugs', 5, { specialTokens: [] });
    expect(trace.steps.map((s) => s.text)).toEqual(['ug', 'hug', 'bug', 'hugs', 'bugs']);
    expect(trace.initialTokenCount).toBe(17); // 14 letters + 3 newlines
  });

  it('keeps a leading space on the word, so " cat" and "cat" become different tokens', () => {
    const { tokenizer } = trainBpe('the cat sat on the cat mat. cat', 12, { specialTokens: [] });
    const pieces = tokenizer.encode('cat cat').ids.map((id) => tokenizer.tokenText(id));
    expect(pieces[0].startsWith(' ')).toBe(false);
    expect(pieces.some((p) => p.startsWith(' c'))).toBe(true);
  });

  it('the final token count in the trace equals the length of the encoded training text', () => {
    const text = wordSoup(5000, ['the', 'king', 'queen', 'ate', 'an', 'apple', '.', 'café', '🙂', 'こんにちは'], 3) + '<eos>';
    const { trace, tokenizer } = trainBpe(text, 60);
    expect(tokenizer.encode(text).ids.length).toBe(trace.steps.at(-1)!.tokenCount);
  });

  it('replayMerges rebuilds a tokenizer that encodes identically', () => {
    const text = wordSoup(3000, ['red', 'green', 'blue', 'reindeer', 'reinjury'], 5);
    const { trace, tokenizer } = trainBpe(text, 40);
    const again = replayMerges(JSON.parse(JSON.stringify(trace)));
    expect(again.merges).toEqual(tokenizer.merges);
    expect(again.encode('a green reindeer').ids).toEqual(tokenizer.encode('a green reindeer').ids);
  });

  it('is deterministic: the same text gives the same merges', () => {
    const text = wordSoup(4000, ['ab', 'ba', 'abab', 'baba', 'aab'], 9);
    expect(trainBpe(text, 30).tokenizer.merges).toEqual(trainBpe(text, 30).tokenizer.merges);
  });
});

describe('createBpeTokenizer encode/decode', () => {
  const corpus = wordSoup(20_000, ['the', 'cat', 'ate', 'apple', 'pie', 'naïve', 'ち', 'こんにちは', '👩‍💻', 'שלום', 'e\u0301', '2025', "doesn't"], 11);
  const { tokenizer } = trainBpe(corpus, 120);

  it('encodes by rank exactly as replaying the merges one by one (independent oracle)', () => {
    const probe = wordSoup(3000, ['the', 'cat', 'cats', 'apples', 'pineapple', 'こんにちは世界', '👩‍💻👩', 'naïveté'], 21);
    expect(tokenizer.encode(probe).ids).toEqual(naiveEncode(probe, tokenizer.merges));
  });

  it.each([
    ['emoji and ZWJ sequences', 'family: 👨‍👩‍👧‍👦 and 👩🏽‍💻!'],
    ['right-to-left text', 'שלום עולם, مرحبا بالعالم'],
    ['combining marks', 'e\u0301 a\u0308\u0301 Z\u0351\u0352'],
    ['zero-width joiner and non-joiner', 'a\u200db\u200cc'],
    ['a byte-order mark at the start', '\ufeffhello'],
    ['CJK', 'こんにちは、世界'],
    ['control characters and tabs', 'a\u0000b\tc\r\n'],
  ])('round-trips %s', (_name, text) => {
    expect(tokenizer.decode(tokenizer.encode(text).ids)).toBe(text);
  });

  it('turns a lone surrogate into U+FFFD, like TextEncoder, instead of failing', () => {
    const text = 'a\ud83dz \udc00';
    expect(tokenizer.decode(tokenizer.encode(text).ids)).toBe('a\ufffdz \ufffd');
  });

  it('never needs <unk>: any text encodes to ids below vocabSize', () => {
    const enc = tokenizer.encode('Quorvia ✓ ß 😀 \u{10FFFF}');
    expect(enc.unknown).toEqual([]);
    for (const id of enc.ids) expect(id).toBeLessThan(tokenizer.vocabSize);
  });

  it('spans of ASCII text tile the input and match each token text', () => {
    const text = 'the cat ate the apple pie.';
    const { ids, spans } = tokenizer.encode(text);
    expect(spans[0].start).toBe(0);
    expect(spans.at(-1)!.end).toBe(text.length);
    spans.forEach((s, i) => {
      if (i > 0) expect(s.start).toBe(spans[i - 1].end);
      expect(text.slice(s.start, s.end)).toBe(tokenizer.tokenText(ids[i]));
    });
  });

  it('a character split over several tokens is covered by each of them (spans overlap by that character)', () => {
    const bytesOnly = createBpeTokenizer([]);
    const text = 'aち';
    const { ids, spans } = bytesOnly.encode(text);
    expect(ids).toEqual([0x61, 0xe3, 0x81, 0xa1]);
    expect(spans.map((s) => [s.start, s.end])).toEqual([[0, 1], [1, 2], [1, 2], [1, 2]]);
    expect(bytesOnly.tokenText(0xe3)).toBe('‹e3›');
  });

  it('spans of every token in mixed Unicode text contain the bytes it stands for', () => {
    const text = ' 👩‍💻 שלום naïve こんにちは e\u0301!';
    const { ids, spans } = tokenizer.encode(text);
    const encoder = new TextEncoder();
    let joined: number[] = [];
    spans.forEach((s, i) => {
      const covered = encoder.encode(text.slice(s.start, s.end));
      const own = tokenizer.tokenBytes(ids[i]);
      // The token's bytes appear inside the UTF-8 of the characters its span covers.
      expect(Buffer.from(covered).includes(Buffer.from(own))).toBe(true);
      joined = joined.concat(Array.from(own));
    });
    expect(joined).toEqual(Array.from(encoder.encode(text)));
  });

  it('special tokens are recognised verbatim and come after the merges', () => {
    const withEos = createBpeTokenizer(tokenizer.merges, ['<eos>']);
    const enc = withEos.encode('the cat<eos> ate');
    expect(withEos.vocabSize).toBe(256 + tokenizer.merges.length + 1);
    expect(enc.ids).toContain(withEos.vocabSize - 1);
    expect(withEos.idOf('<eos>')).toBe(withEos.vocabSize - 1);
    expect(withEos.decode(enc.ids)).toBe('the cat<eos> ate');
  });

  it('idOf inverts tokenText for every token', () => {
    for (let id = 0; id < tokenizer.vocabSize; id++) expect(tokenizer.idOf(tokenizer.tokenText(id))).toBe(id);
  });

  it('rejects bad ids and merges that refer to tokens not made yet', () => {
    expect(() => tokenizer.decode([tokenizer.vocabSize])).toThrow(/outside/);
    expect(() => createBpeTokenizer([[0, 300]])).toThrow(/does not exist/);
  });
});

describe('UTF-8 helpers and the GPT-2 pre-split', () => {
  it('encodeUtf8WithOffsets produces the same bytes as TextEncoder', () => {
    for (const text of ['', 'abc', 'naïve', '€', '🙂x', '\ud83d', 'x\udc00y', 'こんにちは']) {
      expect(Array.from(encodeUtf8WithOffsets(text).bytes)).toEqual(Array.from(new TextEncoder().encode(text)));
    }
  });

  it('displayBytes shows complete characters and hex for incomplete ones', () => {
    expect(displayBytes([0x68, 0x69])).toBe('hi');
    expect(displayBytes([0xe3, 0x81])).toBe('‹e3 81›');
    expect(displayBytes([0x20, 0xe3, 0x81, 0xa1, 0xe3])).toBe(' ち‹e3›');
  });

  it('splits like GPT-2: leading spaces stay with words, contractions and digits separate', () => {
    const texts = (s: string) => preSplit(s).map((p) => p.text);
    expect(texts('Mike is quick. He moves')).toEqual(['Mike', ' is', ' quick', '.', ' He', ' moves']);
    expect(texts("doesn't")).toEqual(['doesn', "'t"]);
    expect(texts('in 2025!!  ok')).toEqual(['in', ' 2025', '!!', ' ', ' ok']);
  });
});

describe('long input', () => {
  const text = wordSoup(100_000, Array.from({ length: 3000 }, (_, i) => i.toString(36).replace(/\d/g, (d) => 'aeiouyklmn'[Number(d)])), 17);

  // Timing lives in `npm run bench`; here only what a user would notice: the work finishes and round-trips.
  it('trains 200 merges on 100k characters and round-trips 100k characters', () => {
    let t0 = performance.now();
    const { tokenizer, trace } = trainBpe(text, 200);
    const trainMs = performance.now() - t0;
    expect(trace.steps).toHaveLength(200);
    t0 = performance.now();
    const fresh = createBpeTokenizer(tokenizer.merges, ['<eos>']);
    const enc = fresh.encode(text);
    const encodeMs = performance.now() - t0;
    expect(fresh.decode(enc.ids)).toBe(text);
    console.log(`BPE speed: train 200 merges on ${text.length} chars ${trainMs.toFixed(0)} ms; encode ${encodeMs.toFixed(0)} ms`);
  });
});
