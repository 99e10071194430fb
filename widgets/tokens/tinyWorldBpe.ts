// A byte-level BPE learned from generated TinyWorld text: the "our BPE" of the playground and the merge ladder of
// the vocabulary trade-off. Training takes a few hundred milliseconds, so lessons run it once at build time and
// hand the result to widgets as a compact string prop.
import { generateCorpus } from '../../engine/corpus/generator.ts';
import { trainBpe, type Merge } from '../../engine/tokenizer/index.ts';

/** Seed and size of the training text: ≈ 40,000 characters, enough for every TinyWorld word to become one token. */
export const TRAIN_SEED = 2;
export const TRAIN_DOCUMENTS = 300;
/** A different seed for the sample paragraph, so it is text the tokenizer was not trained on. */
export const SAMPLE_SEED = 11;
export const SAMPLE_DOCUMENTS = 4;
/** More merges than training can ever use: it stops by itself once every piece is a single token. */
const MERGE_LIMIT = 5000;

/** The trained merges and a held-out paragraph to measure sequence length on. */
export interface TinyWorldBpe {
  merges: Merge[];
  sample: string;
}

/** Trains the BPE on TinyWorld text and picks the sample paragraph (deterministic: same output every run). */
export function trainTinyWorldBpe(): TinyWorldBpe {
  const corpus = generateCorpus({ seed: TRAIN_SEED, documents: TRAIN_DOCUMENTS, validationFraction: 0 });
  const { trace } = trainBpe(corpus.trainText, MERGE_LIMIT);
  const sampleCorpus = generateCorpus({ seed: SAMPLE_SEED, documents: SAMPLE_DOCUMENTS, validationFraction: 0 });
  const sample = sampleCorpus.documents.map((d) => d.text.replace(/\s*<eos>\s*$/u, '')).join(' ');
  return { merges: trace.steps.map((s) => s.pair), sample };
}
