// The BPE stepper's view against the curriculum's chapter 2 worked example (hug, hugs, bug, bugs) and its rules.
import { describe, expect, it } from 'vitest';
import { bpeStepperSchema, bpeStepperView, DEFAULT_BPE_SETTINGS, MAX_MERGES, type BpeStepperSettings } from '../../widgets/tokens/bpeStepperModel.ts';
import { parseCorpus, MAX_CORPUS_CHARS, MAX_WORDS } from '../../widgets/tokens/bpeCorpus.ts';

const at = (step: number, extra: Partial<BpeStepperSettings> = {}) => bpeStepperView({ ...DEFAULT_BPE_SETTINGS, ...extra, step });
const split = (step: number) => at(step).words.map((w) => w.tokens.map((t) => t.text).join('·'));
const pairText = (p: { left: { text: string }; right: { text: string }; count: number }) => `${p.left.text}·${p.right.text} ${p.count}`;

describe('BPE by hand on hug, hugs, bug, bugs (curriculum ch. 2)', () => {
  it('counts 14 → 10 → 8 → 6 → 5 → 4 tokens and then has nothing left to merge', () => {
    expect(at(0).tokenCounts).toEqual([14, 10, 8, 6, 5, 4]);
    expect(at(0).totalSteps).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((k) => at(k).tokenCount)).toEqual([14, 10, 8, 6, 5, 4]);
  });

  it('starts from single letters', () => {
    expect(split(0)).toEqual(['h·u·g', 'h·u·g·s', 'b·u·g', 'b·u·g·s']);
  });

  it('merge 1: ug occurs 4 times, hu, gs and bu twice, so u+g wins', () => {
    const pairs = at(0).pairs.map(pairText);
    expect(pairs).toEqual(['u·g 4', 'h·u 2', 'g·s 2', 'b·u 2']);
    expect(at(0).pairs[0].next).toBe(true);
    expect(at(1).merges).toEqual(['u g']);
    expect(split(1)).toEqual(['h·ug', 'h·ug·s', 'b·ug', 'b·ug·s']);
  });

  it('merge 2: h·ug, ug·s and b·ug tie at 2 and the pair seen first, h+ug, wins', () => {
    expect(at(1).pairs.map(pairText)).toEqual(['h·ug 2', 'ug·s 2', 'b·ug 2']);
    expect(at(2).merges[1]).toBe('h ug');
    expect(split(2)).toEqual(['hug', 'hug·s', 'b·ug', 'b·ug·s']);
  });

  it('merge 3: b·ug (2) beats hug·s and ug·s (1 each)', () => {
    expect(at(2).pairs.map(pairText)).toEqual(['b·ug 2', 'hug·s 1', 'ug·s 1']);
    expect(split(3)).toEqual(['hug', 'hug·s', 'bug', 'bug·s']);
  });

  it('merges 4 and 5: hug+s then bug+s, leaving the four words whole', () => {
    expect(at(3).pairs.map(pairText)).toEqual(['hug·s 1', 'bug·s 1']);
    expect(at(5).merges).toEqual(['u g', 'h ug', 'b ug', 'hug s', 'bug s']);
    expect(split(5)).toEqual(['hug', 'hugs', 'bug', 'bugs']);
    expect(at(5).pairs).toEqual([]);
  });

  it('the exercise "merge until 6 tokens remain" is solved after exactly 3 merges starting with u g', () => {
    const view = at(3);
    expect(view.merges.length === 3 && view.tokenCount === 6 && view.merges[0] === 'u g').toBe(true);
    expect(at(2).tokenCount).not.toBe(6);
  });

  it('V = 256 + merges: the vocabulary holds the 5 letters used plus one token per merge', () => {
    expect(at(0).vocabSize).toBe(256);
    expect(at(3).vocabSize).toBe(259);
    expect(at(3).vocabulary.map((t) => t.text)).toEqual(['b', 'g', 'h', 's', 'u', 'ug', 'hug', 'bug']);
    expect(at(3).vocabulary.filter((t) => t.merged).map((t) => t.id)).toEqual([256, 257, 258]);
  });

  it('the merge table records each count and the tokens left after it', () => {
    expect(at(0).mergeTable.map((m) => [m.left.text + '+' + m.right.text, m.count, m.tokensAfter])).toEqual([
      ['u+g', 4, 10], ['h+ug', 2, 8], ['b+ug', 2, 6], ['hug+s', 1, 5], ['bug+s', 1, 4],
    ]);
  });

  it('clamps a step past the end to the last merge', () => {
    expect(at(40).step).toBe(5);
    expect(at(-3).step).toBe(0);
  });
});

describe('encoding a new word replays the merges learned so far, lowest rank first', () => {
  it('pugs becomes p·ug·s after all merges: ug (rank 0) is the only pair ever learned', () => {
    const trace = at(5).encode;
    expect(trace.map((r) => r.tokens.map((t) => t.text).join('·'))).toEqual(['p·u·g·s', 'p·ug·s']);
    expect(trace[0].pairs.map((p) => p.rank)).toEqual([null, 0, null]);
    expect(trace[0].merged?.result.text).toBe('ug');
    expect(trace[1].merged).toBeNull();
  });

  it('hugs needs three merges (u+g, h+ug, hug+s) and is one token', () => {
    const trace = at(5, { word: 'hugs' }).encode;
    expect(trace.map((r) => r.merged?.rank ?? null)).toEqual([0, 1, 3, null]);
    expect(trace.at(-1)!.tokens.map((t) => t.text)).toEqual(['hugs']);
  });

  it('with no merges applied the word stays in bytes; an empty word gives no trace', () => {
    expect(at(0, { word: 'hug' }).encode.map((r) => r.tokens.length)).toEqual([3]);
    expect(at(0, { word: '   ' }).encode).toEqual([]);
  });
});

describe('other corpora and tie-breaks', () => {
  it('smallest-ids breaks the step-2 tie towards b·ug (98 < 104)', () => {
    const view = at(2, { tieBreak: 'smallest-ids' });
    expect(view.merges).toEqual(['u g', 'b ug']);
    expect(view.tokenCounts).toEqual([14, 10, 8, 6, 5, 4]);
  });

  it('counts weight the pairs: hug:10 makes h+ug beat every other pair at step 2', () => {
    const view = bpeStepperView({ corpus: 'hug:10 hugs bug bugs', step: 1, tieBreak: 'first-seen', word: '' });
    expect(view.tokenCounts[0]).toBe(3 * 10 + 4 + 3 + 4);
    expect(view.pairs[0]).toMatchObject({ left: { text: 'h' }, right: { text: 'ug' }, count: 11, next: true });
  });

  it('the next pair is always the most frequent pair, and merging it removes exactly that many tokens', () => {
    const corpus = 'low:5 lower:2 newest:6 widest:3 the then there';
    const first = bpeStepperView({ corpus, step: 0, tieBreak: 'first-seen', word: '' });
    for (let k = 0; k < first.totalSteps; k++) {
      const view = bpeStepperView({ corpus, step: k, tieBreak: 'first-seen', word: '' });
      const best = Math.max(...view.pairs.map((p) => p.count));
      const next = view.pairs.find((p) => p.next)!;
      expect(next.count).toBe(best);
      expect(view.tokenCount - view.tokenCounts[k + 1]).toBeGreaterThanOrEqual(1);
      expect(view.tokenCount - view.tokenCounts[k + 1]).toBeLessThanOrEqual(next.count);
    }
  });

  it('non-ASCII words start from bytes: é is two byte tokens until they merge', () => {
    const view = bpeStepperView({ corpus: 'café café', step: 0, tieBreak: 'first-seen', word: 'é' });
    expect(view.tokenCount).toBe(2 * 5);
    expect(view.words[0].tokens.map((t) => t.text)).toEqual(['c', 'a', 'f', '‹c3›', '‹a9›']);
    expect(view.encode[0].tokens.map((t) => t.id)).toEqual([0xc3, 0xa9]);
  });

  it('an empty corpus or only spaces gives zero tokens and no merges, without errors', () => {
    for (const corpus of ['', '   \n ']) {
      const view = bpeStepperView({ corpus, step: 3, tieBreak: 'first-seen', word: 'x' });
      expect([view.tokenCount, view.totalSteps, view.step, view.pairs.length]).toEqual([0, 0, 0, 0]);
    }
  });

  it('emoji, zero-width and right-to-left words are handled byte by byte', () => {
    const view = bpeStepperView({ corpus: '👋 a\u200bb שלום:2', step: 40, tieBreak: 'first-seen', word: '👋👋' });
    expect(view.tokenCounts[0]).toBe(4 + 5 + 2 * 8);
    expect(view.words.map((w) => w.word)).toEqual(['👋', 'a\u200bb', 'שלום']);
    expect(view.words[1].tokens.map((t) => t.text).join('')).toBe('a‹U+200B›b');
    expect(view.totalSteps).toBeLessThanOrEqual(MAX_MERGES);
  });

  it('a 100,000-character paste is cut and reported, and stays fast', () => {
    const paste = 'tokenization '.repeat(8000);
    const start = performance.now();
    const view = bpeStepperView({ corpus: paste, step: 10, tieBreak: 'first-seen', word: 'tokenize' });
    expect(performance.now() - start).toBeLessThan(2000);
    expect(view.problems.join(' ')).toContain(`first ${MAX_CORPUS_CHARS.toLocaleString('en')} characters`);
    expect(view.words).toHaveLength(1);
  });
});

describe('parseCorpus', () => {
  it('reads word:count, adds repeats and keeps first-appearance order', () => {
    expect(parseCorpus('hug:2 bug\nhug, bugs;bug:3').words).toEqual([['hug', 3], ['bug', 4], ['bugs', 1]]);
  });

  it('explains a bad count instead of guessing', () => {
    const parsed = parseCorpus('hug:0 bug: hugs:1000 ok');
    expect(parsed.words).toEqual([['ok', 1]]);
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems[0]).toContain('whole number from 1 to 999');
  });

  it('keeps at most MAX_WORDS distinct words', () => {
    const many = Array.from({ length: MAX_WORDS + 5 }, (_, i) => `w${i}`).join(' ');
    const parsed = parseCorpus(many);
    expect(parsed.words).toHaveLength(MAX_WORDS);
    expect(parsed.problems.join(' ')).toContain(`first ${MAX_WORDS} different words`);
  });

  it('the URL schema accepts the defaults and refuses a negative step or an unknown tie-break', () => {
    expect(bpeStepperSchema.safeParse(DEFAULT_BPE_SETTINGS).success).toBe(true);
    expect(bpeStepperSchema.safeParse({ ...DEFAULT_BPE_SETTINGS, step: -1 }).success).toBe(false);
    expect(bpeStepperSchema.safeParse({ ...DEFAULT_BPE_SETTINGS, tieBreak: 'random' }).success).toBe(false);
  });
});
