// The BPE stepper's plain data: settings (what a link carries), their URL schema, and the view derived from them:
// learned merges, the corpus at the current step, the pair counts before the next merge, the vocabulary,
// and the encode trace of a new word. Pure TypeScript, so unit tests run it in Node.
import { z } from 'zod';
import { BYTE_VOCAB_SIZE, displayBytes, traceEncodeWord, trainBpeOnWords } from '../../engine/tokenizer/index.ts';
import type { BpeTrace, Merge, TieBreak } from '../../engine/tokenizer/index.ts';
import { parseCorpus } from './bpeCorpus.ts';
import { visibleText } from './tokenDisplay.ts';

/** Most merges the stepper learns (the default corpus needs 5). */
export const MAX_MERGES = 40;
/** Longest word the encode trace accepts. */
export const MAX_ENCODE_LENGTH = 24;

/** Settings a learner can change. `step` is how many merges are applied (0 = bytes only). */
export interface BpeStepperSettings { corpus: string; step: number; tieBreak: TieBreak; word: string }

/** The curriculum's example: hug, hugs, bug, bugs, each counted once, ties to the pair seen first. */
export const DEFAULT_BPE_SETTINGS: BpeStepperSettings = { corpus: 'hug hugs bug bugs', step: 0, tieBreak: 'first-seen', word: 'pugs' };

/** Version 1 of the URL state. */
export const bpeStepperSchema = z.object({
  corpus: z.string().max(2000),
  step: z.number().int().min(0).max(MAX_MERGES),
  tieBreak: z.enum(['first-seen', 'smallest-ids']),
  word: z.string().max(MAX_ENCODE_LENGTH * 2),
});

/** The stepper's shareable state: version, schema and defaults (the shape kit/urlState.ts's WidgetStateSpec expects). */
export const bpeStepperState = { version: 1, schema: bpeStepperSchema as z.ZodType<BpeStepperSettings>, defaults: DEFAULT_BPE_SETTINGS };

/** A token shown in the views: its id and its text (partial bytes as ‹hex›). */
export interface ShownToken { id: number; text: string }

/** A learned merge as the merge table lists it. */
export interface MergeRow { rank: number; left: ShownToken; right: ShownToken; result: ShownToken; count: number; tokensAfter: number }

/** A word of the training text split into its tokens after the current step. */
export interface CorpusWord { word: string; count: number; tokens: ShownToken[] }

/** An adjacent pair in the corpus before the next merge, with its count. */
export interface PairRow { left: ShownToken; right: ShownToken; count: number; next: boolean }

/** One line of the encode trace: the tokens, the pairs with their ranks (null: never merged), and the pair merged. */
export interface EncodeRow { tokens: ShownToken[]; pairs: { left: ShownToken; right: ShownToken; rank: number | null }[]; merged: MergeRow | null }

/** Everything the view and exercise checks read. */
export interface BpeStepperView {
  words: CorpusWord[];
  /** Merges available with this corpus (training stops when no pair is left or at MAX_MERGES). */
  totalSteps: number;
  /** The step actually shown (the setting, clamped to what exists). */
  step: number;
  /** Applied merges in GPT-2's merges.txt form, "u g". */
  merges: string[];
  /** Every learned merge; the first `step` are applied. */
  mergeTable: MergeRow[];
  /** Tokens in the training text after `step` merges (each word times its count). */
  tokenCount: number;
  /** Token counts after 0, 1, …, totalSteps merges. */
  tokenCounts: number[];
  /** Adjacent pairs before the next merge, most frequent first, ties in the tie-break order; empty at the end. */
  pairs: PairRow[];
  /** The byte tokens the corpus uses, then the merged tokens so far. */
  vocabulary: (ShownToken & { merged: boolean })[];
  /** V = 256 + merges applied (no special tokens here). */
  vocabSize: number;
  /** How the encode word is tokenised by the merges applied so far, step by step. */
  encode: EncodeRow[];
  problems: string[];
}

interface Training { words: [string, number][]; trace: BpeTrace; problems: string[]; textOf: (id: number) => string }

let lastKey = '';
let lastTraining: Training | undefined;

/** Trains once per (corpus, tie-break); stepping back and forth reuses the same run. */
function train(corpus: string, tieBreak: TieBreak): Training {
  const key = `${tieBreak}\u0000${corpus}`;
  if (lastTraining && key === lastKey) return lastTraining;
  const { words, problems } = parseCorpus(corpus);
  const { trace } = trainBpeOnWords(words, MAX_MERGES, { tieBreak, candidateCount: 1 });
  const bytes: number[][] = Array.from({ length: BYTE_VOCAB_SIZE }, (_, b) => [b]);
  for (const step of trace.steps) bytes.push(step.bytes);
  const texts = bytes.map((b) => visibleText(displayBytes(b)));
  lastKey = key;
  lastTraining = { words, trace, problems, textOf: (id) => texts[id] ?? `#${id}` };
  return lastTraining;
}

/** Splits a byte sequence by the merges, in rank order; returns the final tokens. */
function segment(word: string, merges: readonly Merge[]): number[] {
  const steps = traceEncodeWord(word, merges);
  return steps[steps.length - 1].tokens;
}

/** Counts adjacent pairs over the segmented corpus, in order of first appearance. */
function countPairs(segmented: { tokens: number[]; count: number }[]): Map<string, { pair: Merge; count: number }> {
  const pairs = new Map<string, { pair: Merge; count: number }>();
  for (const { tokens, count } of segmented) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const key = `${tokens[i]},${tokens[i + 1]}`;
      const entry = pairs.get(key) ?? { pair: [tokens[i], tokens[i + 1]] as const, count: 0 };
      entry.count += count;
      pairs.set(key, entry);
    }
  }
  return pairs;
}

/** Computes the view; never throws. */
export function bpeStepperView(settings: BpeStepperSettings): BpeStepperView {
  const { words, trace, problems, textOf } = train(settings.corpus, settings.tieBreak);
  const shown = (id: number): ShownToken => ({ id, text: textOf(id) });
  const totalSteps = trace.steps.length;
  const step = Math.max(0, Math.min(Number.isInteger(settings.step) ? settings.step : 0, totalSteps));
  const allMerges = trace.steps.map((s) => s.pair);
  const applied = allMerges.slice(0, step);
  const mergeTable: MergeRow[] = trace.steps.map((s) => ({ rank: s.rank, left: shown(s.pair[0]), right: shown(s.pair[1]), result: shown(s.id), count: s.count, tokensAfter: s.tokenCount }));

  const segmented = words.map(([word, count]) => ({ word, count, tokens: segment(word, applied) }));
  const tokenCount = segmented.reduce((sum, w) => sum + w.tokens.length * w.count, 0);
  const nextPair = trace.steps[step]?.pair;
  const pairs: PairRow[] = [...countPairs(segmented).values()]
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => b.count - a.count || (settings.tieBreak === 'first-seen' ? a.order - b.order : a.pair[0] - b.pair[0] || a.pair[1] - b.pair[1]))
    .map(({ pair, count }) => ({ left: shown(pair[0]), right: shown(pair[1]), count, next: !!nextPair && pair[0] === nextPair[0] && pair[1] === nextPair[1] }));

  const usedBytes = [...new Set(words.flatMap(([word]) => Array.from(new TextEncoder().encode(word))))].sort((a, b) => a - b);
  const vocabulary = [
    ...usedBytes.map((b) => ({ ...shown(b), merged: false })),
    ...applied.map((_, rank) => ({ ...shown(BYTE_VOCAB_SIZE + rank), merged: true })),
  ];

  const word = [...settings.word.trim()].slice(0, MAX_ENCODE_LENGTH).join('');
  const encode: EncodeRow[] = word === '' ? [] : traceEncodeWord(word, applied).map((row) => ({
    tokens: row.tokens.map(shown),
    pairs: row.pairs.map((p) => ({ left: shown(p.pair[0]), right: shown(p.pair[1]), rank: p.rank ?? null })),
    merged: row.best ? mergeTable[row.best.rank] : null,
  }));

  return {
    words: segmented.map((w) => ({ word: w.word, count: w.count, tokens: w.tokens.map(shown) })),
    totalSteps,
    step,
    merges: applied.map(([a, b]) => `${textOf(a)} ${textOf(b)}`),
    mergeTable,
    tokenCount,
    tokenCounts: [trace.initialTokenCount, ...trace.steps.map((s) => s.tokenCount)],
    pairs,
    vocabulary,
    vocabSize: BYTE_VOCAB_SIZE + step,
    encode,
    problems,
  };
}
