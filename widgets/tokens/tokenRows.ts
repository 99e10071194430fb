// One interface over the four tokenizers the chapter compares, and the rows every token view draws from it.
import { createBpeTokenizer, createWordTokenizer, encodeUtf8WithOffsets, suggestKnownWords } from '../../engine/tokenizer/index.ts';
import type { Merge } from '../../engine/tokenizer/index.ts';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import { bytesLabel, hexBytes, isPartialLabel, spokenLabel, visibleText } from './tokenDisplay.ts';

/** A token as the widgets show it. Indices count from 0, like the ids. */
export interface TokenRow {
  index: number;
  id: number;
  /** Chip text: ␣ for a space, ‹e3 81› for partial bytes; for the word tokenizer, the text as typed. */
  label: string;
  /** The token's bytes in hex ("" for the word tokenizer, which has no byte view). */
  hex: string;
  /** UTF-16 span in the input. */
  start: number;
  end: number;
  /** The token holds only part of a character's bytes. */
  partial: boolean;
  /** The word tokenizer did not know this word (id is <unk>). */
  unknown: boolean;
  /** Words a screen reader says for the label. */
  spoken: string;
}

/** What a tokenizer adapter returns for a text. */
export interface Tokenized {
  rows: TokenRow[];
  /** Words the closed vocabulary lacks, with close known words (word tokenizer only). */
  unknown: { word: string; start: number; suggestions: string[] }[];
}

/** A tokenizer the playground can run: a name, a vocabulary size and an encode to rows. */
export interface TokenizerAdapter {
  readonly name: string;
  readonly vocabSize: number;
  tokenize(text: string): Tokenized;
}

/** Builds a row from its parts (labels derived once, here). */
export function makeRow(index: number, id: number, label: string, hex: string, start: number, end: number, unknown = false): TokenRow {
  return { index, id, label, hex, start, end, partial: isPartialLabel(label), unknown, spoken: spokenLabel(label) };
}

/** Most unknown words the word tokenizer looks up suggestions for (edit distance against 400 words each). */
const MAX_SUGGESTED_WORDS = 20;

/** The TinyWorld word tokenizer: closed, lower-cased, V = 400; unknown words come back as <unk> with suggestions. */
export function tinyWorldAdapter(): TokenizerAdapter {
  const vocab = courseVocabulary();
  const tokenizer = createWordTokenizer(vocab);
  return {
    name: 'TinyWorld words',
    vocabSize: tokenizer.vocabSize,
    tokenize(text) {
      const encoding = tokenizer.encode(text);
      const unknownAt = new Set(encoding.unknown.map((u) => u.start));
      // A known word shows its vocabulary entry (lower-cased, as the model gets it); an unknown one, what was typed.
      const rows = encoding.spans.map((s, i) => {
        const isUnknown = unknownAt.has(s.start);
        const label = visibleText(isUnknown ? text.slice(s.start, s.end) : tokenizer.tokenText(s.id));
        return makeRow(i, s.id, label, '', s.start, s.end, isUnknown);
      });
      const unknown = encoding.unknown.map((u, i) => ({
        word: u.word,
        start: u.start,
        suggestions: i < MAX_SUGGESTED_WORDS ? suggestKnownWords(u.word, vocab, 3) : [],
      }));
      return { rows, unknown };
    },
  };
}

/** Our byte-level BPE from a merge list (trained on TinyWorld text), with <eos> as its one special token. */
export function ownBpeAdapter(merges: readonly Merge[], name = 'our BPE (TinyWorld)'): TokenizerAdapter {
  const tokenizer = createBpeTokenizer(merges, ['<eos>']);
  return {
    name,
    vocabSize: tokenizer.vocabSize,
    tokenize(text) {
      const { ids, spans } = tokenizer.encode(text);
      const rows = ids.map((id, i) => {
        const bytes = tokenizer.tokenBytes(id);
        return makeRow(i, id, bytesLabel(bytes), hexBytes(bytes), spans[i].start, spans[i].end);
      });
      return { rows, unknown: [] };
    },
  };
}

/**
 * Rows for any byte-level tokenizer that gives ids and each id's bytes (used for gpt-tokenizer's encodings):
 * spans come from walking the text's UTF-8 bytes, so a character split over two tokens is covered by both.
 */
export function rowsFromByteTokens(text: string, ids: readonly number[], bytesOf: (id: number) => Uint8Array): TokenRow[] {
  const { charStart, charEnd } = encodeUtf8WithOffsets(text);
  const rows: TokenRow[] = [];
  let byte = 0;
  ids.forEach((id, i) => {
    const bytes = bytesOf(id);
    const first = Math.min(byte, charStart.length - 1);
    const last = Math.min(byte + bytes.length - 1, charEnd.length - 1);
    rows.push(makeRow(i, id, bytesLabel(bytes), hexBytes(bytes), charStart[first] ?? 0, charEnd[last] ?? 0));
    byte += bytes.length;
  });
  return rows;
}
