/**
 * Loads the text a model trains on and turns it into id streams (Node only, because it may read a
 * file). Two sources: the TinyWorld corpus (default; word tokenizer over courseVocabulary()) or
 * the user's own text (--text; a byte-level BPE tokenizer is learned from its training part).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { generateCorpus } from '../../engine/corpus/generator.ts';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import type { TokenizerSpec } from '../../engine/modelFile.ts';
import { tokenizerFromSpec, tokenizerToSpec } from '../../engine/modelFile.ts';
import { trainBpe } from '../../engine/tokenizer/bpeTrain.ts';
import type { Tokenizer } from '../../engine/tokenizer/types.ts';
import { createWordTokenizer } from '../../engine/tokenizer/word.ts';
import { PAD_ID } from '../../engine/train/batch.ts';
import { documentTokenStream, wordTokenStream } from '../../engine/train/tokenStream.ts';

/** Where the training text comes from (stored in checkpoints so a resume rebuilds the same data). */
export type DataSource = { kind: 'tinyworld'; seed: number; documents?: number } | { kind: 'text'; path: string; merges: number };

/** Id streams plus everything the manifest records about the data. */
export interface TrainingData {
  tokenizer: Tokenizer;
  train: Int32Array;
  validation: Int32Array;
  /** Targets equal to this id carry no loss (-1: none). */
  ignoreId: number;
  /** Provenance: corpus identity, size and hash (and H_gen for TinyWorld). */
  info: Record<string, unknown>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every 50th document of the user's text is held out for validation (at least one). */
function splitDocuments(docs: string[]): { train: string[]; validation: string[] } {
  const validation = docs.filter((_, i) => i % 50 === 49);
  if (validation.length === 0 && docs.length > 1) return { train: docs.slice(0, -1), validation: docs.slice(-1) };
  return { train: docs.filter((_, i) => i % 50 !== 49), validation };
}

/** Builds the training data. A saved tokenizer spec (from a checkpoint) is reused instead of relearning BPE. */
export async function loadTrainingData(source: DataSource, savedTokenizer?: TokenizerSpec): Promise<TrainingData> {
  if (source.kind === 'tinyworld') {
    const corpus = generateCorpus({ seed: source.seed, documents: source.documents });
    const tokenizer = createWordTokenizer(courseVocabulary());
    const { stats } = corpus;
    return {
      tokenizer, ignoreId: PAD_ID,
      train: wordTokenStream(corpus.trainText, tokenizer),
      validation: wordTokenStream(corpus.validationText, tokenizer),
      info: {
        kind: 'tinyworld', seed: source.seed, documents: stats.documents, sentences: stats.sentences,
        tokens: stats.tokens, trainTokens: stats.trainTokens, validationTokens: stats.validationTokens,
        hGen: stats.hGen, hGenTrain: stats.hGenTrain, hGenValidation: stats.hGenValidation,
        sha256: sha256(corpus.trainText + corpus.validationText),
      },
    };
  }
  const text = (await readFile(source.path, 'utf8')).replace(/\r\n?/gu, '\n');
  // Documents are separated by blank lines; <eos> ends each one, as in TinyWorld.
  const docs = text.split(/\n\s*\n/u).map((d) => d.trim()).filter((d) => d.length > 0);
  if (docs.length < 2) throw new Error(`${source.path} needs at least two documents (paragraphs separated by a blank line) so one can be held out for validation.`);
  const { train, validation } = splitDocuments(docs);
  const tokenizer = savedTokenizer ? tokenizerFromSpec(savedTokenizer) : trainBpe(train.join('<eos>'), source.merges, { specialTokens: ['<eos>'] }).tokenizer;
  const eos = tokenizer.idOf('<eos>');
  if (eos === undefined) throw new Error('The BPE tokenizer has no <eos> token.');
  const trainIds = documentTokenStream(train, tokenizer, eos);
  const validationIds = documentTokenStream(validation, tokenizer, eos);
  return {
    tokenizer, ignoreId: -1, train: trainIds, validation: validationIds,
    info: {
      kind: 'text', path: source.path, sha256: sha256(text), characters: text.length, documents: docs.length,
      trainDocuments: train.length, validationDocuments: validation.length, tokens: trainIds.length + validationIds.length,
      trainTokens: trainIds.length, validationTokens: validationIds.length, tokenizer: 'bpe', merges: source.merges,
    },
  };
}

/** The tokenizer in manifest form (saved in checkpoints of --text runs). */
export function savedTokenizer(data: TrainingData): TokenizerSpec {
  return tokenizerToSpec(data.tokenizer);
}
