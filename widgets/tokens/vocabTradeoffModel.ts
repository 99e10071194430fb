// The vocabulary trade-off (W2.3): from single bytes, through BPE with more and more merges, to whole words, how the
// vocabulary size V, the sequence length T of a sample paragraph, the embedding table V·d_model and the T² attention
// grid move against each other. Pure: the merges and the sample come in as data.
import { z } from 'zod';
import { createBpeTokenizer, createWordTokenizer, type Merge } from '../../engine/tokenizer/index.ts';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import { compression, embeddingParams } from './tokenMath.ts';

/** Merge counts on the ladder between bytes and the full merge list (those beyond the list are dropped). */
export const MERGE_STOPS = [0, 25, 50, 100, 200, 400];
/** Model widths to price the table with: TinyWorld's and GPT-2's. */
export const D_MODELS = [64, 768] as const;

/** Settings: which rung of the ladder, and which model width. */
export interface TradeoffSettings { stop: number; dModel: (typeof D_MODELS)[number] }

/** Defaults: BPE with 100 merges (the 4th rung), priced at TinyWorld's d_model = 64. */
export const DEFAULT_TRADEOFF_SETTINGS: TradeoffSettings = { stop: 3, dModel: 64 };

/** Version 1 of the URL state. */
export const tradeoffSchema = z.object({ stop: z.number().int().min(0).max(20), dModel: z.union([z.literal(64), z.literal(768)]) });

/** The trade-off's shareable state (the shape kit/urlState.ts's WidgetStateSpec expects). */
export const tradeoffState = { version: 1, schema: tradeoffSchema as z.ZodType<TradeoffSettings>, defaults: DEFAULT_TRADEOFF_SETTINGS };

/** One rung: how the sample is tokenised and what it costs. */
export interface Rung {
  label: string;
  kind: 'bytes' | 'bpe' | 'words';
  merges: number;
  /** Vocabulary size: 256 + merges + 1 (<eos>) for byte-level BPE, 400 for TinyWorld's words. */
  vocabSize: number;
  /** Tokens in the sample paragraph. */
  length: number;
  /** Words that fall outside the vocabulary (only whole words can have any). */
  unknown: number;
}

/** Builds the ladder: bytes, BPE at each stop the merge list reaches, all merges, whole words. */
export function tradeoffRungs(merges: readonly Merge[], sample: string): Rung[] {
  const stops = [...MERGE_STOPS.filter((n) => n < merges.length), merges.length];
  const rungs: Rung[] = stops.map((n) => {
    const tokenizer = createBpeTokenizer(merges.slice(0, n), ['<eos>']);
    return {
      label: n === 0 ? 'bytes (no merges)' : n === merges.length ? `BPE, all ${n} merges` : `BPE, ${n} merges`,
      kind: n === 0 ? 'bytes' : 'bpe',
      merges: n,
      vocabSize: tokenizer.vocabSize,
      length: tokenizer.encode(sample).ids.length,
      unknown: 0,
    };
  });
  const words = createWordTokenizer(courseVocabulary());
  const encoded = words.encode(sample);
  rungs.push({ label: 'whole words (TinyWorld)', kind: 'words', merges: 0, vocabSize: words.vocabSize, length: encoded.ids.length, unknown: encoded.unknown.length });
  return rungs;
}

/** What the widget shows for the chosen rung, with the costs at the chosen width. */
export interface TradeoffView {
  rungs: Rung[];
  current: Rung;
  index: number;
  /** V · d_model: parameters in the token embedding table. */
  embeddingParams: number;
  /** T²: entries in one attention score matrix for the sample. */
  attentionEntries: number;
  /** Characters per token for the sample. */
  charsPerToken: number;
}

/** The view for some settings over a prepared ladder (index clamped to the ladder). */
export function tradeoffView(settings: TradeoffSettings, rungs: Rung[], sample: string): TradeoffView {
  const index = Math.max(0, Math.min(settings.stop, rungs.length - 1));
  const current = rungs[index];
  return {
    rungs,
    current,
    index,
    embeddingParams: embeddingParams(current.vocabSize, settings.dModel),
    attentionEntries: current.length ** 2,
    charsPerToken: compression(sample.length, current.length),
  };
}
