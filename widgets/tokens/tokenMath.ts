// The chapter's three formulas, as functions the widgets and tests share.

/** Byte-level BPE vocabulary: V = 256 byte tokens + one per merge + special tokens. */
export function byteLevelVocabSize(merges: number, specials: number): number {
  return 256 + merges + specials;
}

/** Parameters in a token embedding table: one row of d_model numbers per vocabulary entry. */
export function embeddingParams(vocabSize: number, dModel: number): number {
  return vocabSize * dModel;
}

/** Compression: characters per token (higher means shorter sequences for the same text). */
export function compression(chars: number, tokens: number): number {
  return tokens === 0 ? 0 : chars / tokens;
}
