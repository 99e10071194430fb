/** One token of an encoding and the slice of the input text it came from. */
export interface TokenSpan {
  id: number;
  /** UTF-16 offset (inclusive) into the text that was encoded. */
  start: number;
  /** UTF-16 offset (exclusive) into the text that was encoded. */
  end: number;
}

/** A word the closed vocabulary does not contain; it was encoded as `<unk>`, and this says where. */
export interface UnknownWord {
  word: string;
  start: number;
  end: number;
}

/** The result of encoding text: ids, where each came from, and any words that were not in the vocabulary. */
export interface Encoding {
  ids: number[];
  spans: TokenSpan[];
  unknown: UnknownWord[];
}

/** What every tokenizer in the engine offers (word-level for the course models, byte-level BPE for custom text). */
export interface Tokenizer {
  readonly kind: 'word' | 'bpe';
  readonly vocabSize: number;
  encode(text: string): Encoding;
  decode(ids: readonly number[]): string;
  tokenText(id: number): string;
  idOf(token: string): number | undefined;
}
