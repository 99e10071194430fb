/** The tokenizer module's public surface: one import for widgets, the worker and the CLI. */
export type { Encoding, TokenSpan, Tokenizer, UnknownWord } from './types.ts';
export { createWordTokenizer, suggestKnownWords, editDistance, isSpecialToken, WORD_PUNCTUATION, UNKNOWN_TOKEN } from './word.ts';
export { createBpeTokenizer, applyMergesByRank, BYTE_VOCAB_SIZE } from './bpe.ts';
export type { BpeTokenizer, Merge } from './bpe.ts';
export { trainBpe, trainBpeOnWords, replayMerges } from './bpeTrain.ts';
export type { BpeTrace, BpeTrainOptions, BpeTrainResult, MergeStep, PairCount, TieBreak } from './bpeTrain.ts';
export { traceEncodeWord, segmentWord, mergeRanks } from './bpeExplain.ts';
export type { EncodeStep, RankedPair } from './bpeExplain.ts';
export { preSplit, GPT2_SPLIT_PATTERN } from './pretokenize.ts';
export { displayBytes, encodeUtf8WithOffsets } from './utf8.ts';
