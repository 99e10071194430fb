// The tokenizer playground's view against the curriculum's chapter 2 table of real GPT-2 (r50k) and GPT-4o (o200k)
// splits, the TinyWorld word tokenizer and the chapter's exercises. gpt-tokenizer is the oracle for the real encodings.
import { describe, expect, it } from 'vitest';
import * as r50k from 'gpt-tokenizer/encoding/r50k_base';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import r50kRanks from 'gpt-tokenizer/bpeRanks/r50k_base';
import o200kRanks from 'gpt-tokenizer/bpeRanks/o200k_base';
import { gptAdapter } from '../../widgets/tokens/gptEncodings.ts';
import { ownBpeAdapter, tinyWorldAdapter, type TokenizerAdapter } from '../../widgets/tokens/tokenRows.ts';
import {
  MAX_TOKENIZED_CHARS, playgroundSchema, playgroundView, DEFAULT_PLAYGROUND_SETTINGS, type PlaygroundSettings, type ResolveTokenizer, type TokenizerChoice,
} from '../../widgets/tokens/playgroundModel.ts';

const gpt2 = gptAdapter('r50k', r50k, r50kRanks);
const gpt4o = gptAdapter('o200k', o200k, o200kRanks);
const words = tinyWorldAdapter();
const tiny = ownBpeAdapter([[104, 117], [256, 103]]); // "hu", then "hug"
const adapters: Record<TokenizerChoice, TokenizerAdapter> = { r50k: gpt2, o200k: gpt4o, tinyworld: words, bpe: tiny };
const resolveAll: ResolveTokenizer = (c) => adapters[c];
const labels = (a: TokenizerAdapter, text: string) => a.tokenize(text).rows.map((r) => r.label);
const ids = (a: TokenizerAdapter, text: string) => a.tokenize(text).rows.map((r) => r.id);

describe('real tokenizers split as the curriculum table says', () => {
  it('␣strawberry is one token in both: 41236 in GPT-2, 101830 in GPT-4o', () => {
    expect(ids(gpt2, ' strawberry')).toEqual([41236]);
    expect(ids(gpt4o, ' strawberry')).toEqual([101830]);
    expect(labels(gpt2, ' strawberry')).toEqual(['␣strawberry']);
  });

  it('without the space, strawberry is st·raw·berry in both; capitalised, GPT-2 and GPT-4o disagree', () => {
    expect(labels(gpt2, 'strawberry')).toEqual(['st', 'raw', 'berry']);
    expect(labels(gpt4o, 'strawberry')).toEqual(['st', 'raw', 'berry']);
    expect(labels(gpt2, 'Strawberry')).toEqual(['St', 'raw', 'berry']);
    expect(labels(gpt4o, 'Strawberry')).toEqual(['Str', 'aw', 'berry']);
  });

  it('a quote mark in front makes "strawberry 4 tokens in both', () => {
    expect(ids(gpt2, '"strawberry')).toHaveLength(4);
    expect(ids(gpt4o, '"strawberry')).toHaveLength(4);
  });

  it('reindeer and reinjury share letters but not tokens', () => {
    expect(labels(gpt2, ' reindeer')).toEqual(['␣re', 'ind', 'eer']);
    expect(labels(gpt2, ' reinjury')).toEqual(['␣rein', 'jury']);
    expect(labels(gpt4o, ' reindeer')).toEqual(['␣re', 'indeer']);
    expect(labels(gpt4o, ' reinjury')).toEqual(['␣rein', 'jury']);
  });

  it("doesn't: doesn·'t in GPT-2, does·n't in GPT-4o", () => {
    expect(labels(gpt2, "doesn't")).toEqual(['doesn', "'t"]);
    expect(labels(gpt4o, "doesn't")).toEqual(['does', "n't"]);
  });

  it('␣antidisestablishmentarianism: 5 tokens in GPT-2, 6 in GPT-4o', () => {
    expect(ids(gpt2, ' antidisestablishmentarianism')).toHaveLength(5);
    expect(ids(gpt4o, ' antidisestablishmentarianism')).toHaveLength(6);
  });

  it('こんにちは: 6 tokens in GPT-2 with ち split over two byte tokens, 1 token in GPT-4o', () => {
    const rows = gpt2.tokenize('こんにちは').rows;
    expect(rows).toHaveLength(6);
    const chi = rows.filter((r) => r.start === 3 && r.end === 4);
    expect(chi).toHaveLength(2);
    expect(chi.every((r) => r.partial && r.label.startsWith('‹'))).toBe(true);
    expect(chi.map((r) => r.hex).join(' ')).toBe('e3 81 a1');
    expect(chi[0].spoken).toContain('bytes');
    expect(ids(gpt4o, 'こんにちは')).toHaveLength(1);
  });

  it('␣2025 is one GPT-2 token but ␣·202·5 in GPT-4o', () => {
    expect(ids(gpt2, ' 2025')).toHaveLength(1);
    expect(labels(gpt4o, ' 2025')).toEqual(['␣', '202', '5']);
  });

  it('the invented ␣Quorvia is ␣Qu·or·via in both', () => {
    expect(labels(gpt2, ' Quorvia')).toEqual(['␣Qu', 'or', 'via']);
    expect(labels(gpt4o, ' Quorvia')).toEqual(['␣Qu', 'or', 'via']);
  });

  it('"Mike is quick. He moves" is [16073, 318, 2068, 13, 679, 6100] in GPT-2 and 6 tokens in GPT-4o', () => {
    expect(ids(gpt2, 'Mike is quick. He moves')).toEqual([16073, 318, 2068, 13, 679, 6100]);
    expect(ids(gpt4o, 'Mike is quick. He moves')).toHaveLength(6);
    expect(labels(gpt2, 'Mike is quick. He moves').at(-1)).toBe('␣moves');
  });

  it('GPT-2 has V = 50,257 and reserves 50256 for <|endoftext|>', () => {
    expect(gpt2.vocabSize).toBe(50_257);
    expect(ids(gpt2, 'The end.<|endoftext|>').at(-1)).toBe(50256);
    expect(labels(gpt2, 'The end.<|endoftext|>').at(-1)).toBe('<|endoftext|>');
    expect(gpt4o.vocabSize).toBeGreaterThan(199_000);
  });

  it('spans cover the text end to end in order, so chips can be mapped back to the input', () => {
    const text = 'Ünïcödé 👋🏽 שלום, 2025!';
    for (const adapter of [gpt2, gpt4o]) {
      const rows = adapter.tokenize(text).rows;
      expect(rows[0].start).toBe(0);
      expect(rows.at(-1)!.end).toBe(text.length);
      for (let i = 1; i < rows.length; i++) expect(rows[i].start).toBeLessThanOrEqual(rows[i - 1].end);
    }
  });
});

describe('TinyWorld words and our BPE', () => {
  it('TinyWorld knows 400 lower-cased words; an invented word is <unk> (id 1) with a note', () => {
    const { rows, unknown } = words.tokenize('The farmer ate a Strawberry in Zorbland.');
    expect(words.vocabSize).toBe(400);
    expect(rows.map((r) => r.label)).toEqual(['the', 'farmer', 'ate', 'a', 'strawberry', 'in', 'Zorbland', '.']);
    expect(rows[6]).toMatchObject({ id: 1, unknown: true });
    expect(unknown.map((u) => u.word)).toEqual(['Zorbland']);
  });

  it('a misspelt TinyWorld word gets suggestions', () => {
    const { unknown } = words.tokenize('the farmr');
    expect(unknown[0].suggestions).toContain('farmer');
  });

  it('byte-level BPE never needs <unk>: V = 256 + merges + 1 special, and any text round-trips through its rows', () => {
    expect(tiny.vocabSize).toBe(256 + 2 + 1);
    const rows = tiny.tokenize('hug 🤗').rows;
    expect(rows.map((r) => r.label)).toEqual(['hug', '␣', '‹f0›', '‹9f›', '‹a4›', '‹97›']);
    expect(rows.every((r) => !r.unknown)).toBe(true);
  });
});

describe('playground view', () => {
  const view = (s: Partial<PlaygroundSettings>) => playgroundView({ ...DEFAULT_PLAYGROUND_SETTINGS, ...s }, resolveAll);

  it('the default compares TinyWorld words with our BPE on the same text', () => {
    const v = view({});
    expect(v.left.count).toBe(8);
    expect(v.right?.choice).toBe('bpe');
    expect(v.textRight).toBe(v.textLeft);
  });

  it('exercise strawberry-variants: ␣strawberry (1) against "strawberry (4) under GPT-2 differ by 3', () => {
    const v = view({ left: 'r50k', right: 'r50k', text: ' strawberry', textRight: '"strawberry' });
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
    expect(norm(v.textLeft) === norm(v.textRight) && norm(v.textLeft) === 'strawberry').toBe(true);
    expect(Math.abs(v.countLeft! - v.countRight!)).toBe(3);
  });

  it('exercise five-chars-one-token: こんにちは is 6 GPT-2 tokens and 1 GPT-4o token', () => {
    const v = view({ left: 'r50k', right: 'o200k', text: 'こんにちは' });
    expect([[...v.textLeft].length, v.countLeft, v.countRight]).toEqual([5, 6, 1]);
    expect(v.left.chars).toBe(5);
    expect(v.left.bytes).toBe(15);
  });

  it('a tokenizer that has not been downloaded gives a pane with no count, not an error', () => {
    const v = playgroundView({ ...DEFAULT_PLAYGROUND_SETTINGS, right: 'o200k' }, (c) => (c === 'o200k' ? 'idle' : adapters[c]));
    expect(v.right).toMatchObject({ status: 'idle', count: null, rows: [] });
    expect(v.countRight).toBeNull();
  });

  it('empty text gives zero tokens everywhere', () => {
    for (const c of ['tinyworld', 'bpe', 'r50k', 'o200k'] as const) expect(view({ left: c, text: '', compare: false }).countLeft).toBe(0);
  });

  it('a 100,000-character paste is cut at the cap, without splitting an emoji, and tokenises quickly', () => {
    const paste = 'a😀'.repeat(40_000);
    const start = performance.now();
    const v = view({ text: paste, left: 'r50k', right: 'o200k' });
    expect(performance.now() - start).toBeLessThan(5000);
    expect(v.left.truncated).toBe(true);
    expect(v.left.chars).toBeLessThanOrEqual(MAX_TOKENIZED_CHARS);
    expect(v.left.rows.at(-1)!.end).toBeLessThanOrEqual(MAX_TOKENIZED_CHARS);
    // 20,000 UTF-16 units hold 6,666 "a😀" (3 units each), one more "a", and half an emoji, which is dropped.
    expect(v.left.bytes).toBe(6666 * 5 + 1);
  });

  it('zero-width and right-to-left characters show up as visible labels', () => {
    const rows = gpt2.tokenize('a\u200bb').rows;
    expect(rows.map((r) => r.label).join('')).toContain('‹U+200B›');
  });

  it('the URL schema takes the defaults and refuses an unknown tokenizer or an over-long text', () => {
    expect(playgroundSchema.safeParse(DEFAULT_PLAYGROUND_SETTINGS).success).toBe(true);
    expect(playgroundSchema.safeParse({ ...DEFAULT_PLAYGROUND_SETTINGS, left: 'gpt5' }).success).toBe(false);
    expect(playgroundSchema.safeParse({ ...DEFAULT_PLAYGROUND_SETTINGS, text: 'x'.repeat(5000) }).success).toBe(false);
  });
});
