// Chapter 2's exercise checks on real widget views: "not yet" on each start state, "done" on the curriculum's
// solutions, and not fooled by near misses. gpt-tokenizer is the oracle for the real encodings.
import { describe, expect, it } from 'vitest';
import * as r50k from 'gpt-tokenizer/encoding/r50k_base';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import r50kRanks from 'gpt-tokenizer/bpeRanks/r50k_base';
import o200kRanks from 'gpt-tokenizer/bpeRanks/o200k_base';
import { tokensChecks, lettersOnly } from '../../lessons/checks/tokens.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { bpeStepperView, DEFAULT_BPE_SETTINGS, type BpeStepperSettings } from '../../widgets/tokens/bpeStepperModel.ts';
import { DEFAULT_PLAYGROUND_SETTINGS, playgroundView, type PlaygroundSettings, type ResolveTokenizer } from '../../widgets/tokens/playgroundModel.ts';
import { gptAdapter } from '../../widgets/tokens/gptEncodings.ts';
import { ownBpeAdapter, tinyWorldAdapter } from '../../widgets/tokens/tokenRows.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// The start states exactly as the lesson declares them.
const front = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(import.meta.dirname, '../../lessons/02-tokens.mdx'), 'utf8'))![1]);
const TOKENS_EXERCISE_STARTS: Record<string, Record<string, unknown>> = Object.fromEntries(
  (front.exercises as { id: string; start: Record<string, unknown> }[]).map((e) => [e.id, e.start]),
);

const adapters = { r50k: gptAdapter('r50k', r50k, r50kRanks), o200k: gptAdapter('o200k', o200k, o200kRanks), tinyworld: tinyWorldAdapter(), bpe: ownBpeAdapter([]) };
const resolve: ResolveTokenizer = (c) => adapters[c];

const bpe = (change: Partial<BpeStepperSettings>) => {
  const state = { ...DEFAULT_BPE_SETTINGS, ...TOKENS_EXERCISE_STARTS['bpe-hug-merges'], ...change } as BpeStepperSettings;
  return runCheck(tokensChecks['bpe-hug-merges'], { state, view: bpeStepperView(state), answer: '' });
};
const playground = (id: 'strawberry-variants' | 'five-chars-one-token', change: Partial<PlaygroundSettings>) => {
  const state = { ...DEFAULT_PLAYGROUND_SETTINGS, ...TOKENS_EXERCISE_STARTS[id], ...change } as PlaygroundSettings;
  return runCheck(tokensChecks[id], { state, view: playgroundView(state, resolve), answer: '' });
};

describe('bpe-hug-merges: merge until 6 tokens remain', () => {
  it('is not done at the start (14 tokens) or after 2 merges (8)', () => {
    expect(bpe({})).toBe(false);
    expect(bpe({ step: 2 })).toBe(false);
  });
  it('is done after exactly 3 merges, and no longer after 4 (5 tokens)', () => {
    expect(bpe({ step: 3 })).toBe(true);
    expect(bpe({ step: 4 })).toBe(false);
  });
  it('does not count a different training text that happens to give 6 tokens', () => {
    expect(bpe({ corpus: 'hug hugs bug bugs hug:1', step: 3 })).toBe(false);
  });
});

describe('strawberry-variants: two spellings whose GPT-2 counts differ by at least 3', () => {
  it('is not done at the start (strawberry 3 against Strawberry 3)', () => {
    expect(playground('strawberry-variants', {})).toBe(false);
  });
  it('␣strawberry (1) against "strawberry (4) solves it', () => {
    expect(playground('strawberry-variants', { text: ' strawberry', textRight: '"strawberry' })).toBe(true);
  });
  it('a difference of 2, another word, or GPT-4o on one side does not', () => {
    expect(playground('strawberry-variants', { text: ' strawberry', textRight: 'strawberry' })).toBe(false);
    expect(playground('strawberry-variants', { text: ' strawberry', textRight: '"strawberry pie' })).toBe(false);
    expect(playground('strawberry-variants', { text: ' strawberry', textRight: '"strawberry', right: 'o200k' })).toBe(false);
  });
  it('normalises by lower-casing and dropping non-letters', () => {
    expect(lettersOnly(' "StrawBerry!')).toBe('strawberry');
  });
});

describe('five-chars-one-token: 1 GPT-4o token, at least 5 GPT-2 tokens', () => {
  it('is not done at the start', () => {
    expect(playground('five-chars-one-token', {})).toBe(false);
  });
  it('こんにちは (6 against 1) solves it', () => {
    expect(playground('five-chars-one-token', { text: 'こんにちは' })).toBe(true);
  });
  it('four characters, or two different texts, do not', () => {
    expect(playground('five-chars-one-token', { text: 'こんにち' })).toBe(false);
    expect(playground('five-chars-one-token', { text: 'こんにちは', textRight: 'hello' })).toBe(false);
  });
});
