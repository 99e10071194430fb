/**
 * Word-level tokenizer for the TinyWorld course models (curriculum §2.1): lower-cased, closed vocabulary,
 * the punctuation marks . , ? ! : as tokens of their own, and special tokens such as <eos> recognised in text.
 */
import type { Encoding, TokenSpan, Tokenizer, UnknownWord } from './types.ts';

/** The punctuation marks that always form a token of their own, even when glued to a word ("apple."). */
export const WORD_PUNCTUATION: readonly string[] = ['.', ',', '?', '!', ':'];

/** Id every out-of-vocabulary word is encoded as (the course vocabulary puts `<unk>` at index 1). */
export const UNKNOWN_TOKEN = '<unk>';

const PUNCTUATION_SET = new Set(WORD_PUNCTUATION);
const WHITESPACE = /\s/u;

/** True for tokens written like `<eos>`: these are matched in text before any splitting. */
export function isSpecialToken(token: string): boolean {
  return /^<[^<>\s]+>$/u.test(token);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A closed-vocabulary word tokenizer over `vocab` (index = id). Throws if the list has duplicates or lacks `<unk>`. */
export function createWordTokenizer(vocab: readonly string[]): Tokenizer {
  const ids = new Map<string, number>();
  vocab.forEach((token, id) => {
    if (ids.has(token)) throw new Error(`Word vocabulary: "${token}" appears twice (ids ${ids.get(token)} and ${id}).`);
    ids.set(token, id);
  });
  const maybeUnknownId = ids.get(UNKNOWN_TOKEN);
  if (maybeUnknownId === undefined) throw new Error(`Word vocabulary: it must contain ${UNKNOWN_TOKEN} so unknown words have an id.`);
  const unknownId: number = maybeUnknownId;
  const words = [...vocab];
  const specials = words.filter(isSpecialToken);
  // Longest first so that a special token never loses to a shorter one it starts with.
  specials.sort((a, b) => b.length - a.length);
  const specialPattern = specials.length > 0 ? new RegExp(specials.map(escapeRegExp).join('|'), 'giu') : undefined;

  function tokenText(id: number): string {
    if (!Number.isInteger(id) || id < 0 || id >= words.length) {
      throw new RangeError(`Token id ${id} is outside this vocabulary (0 to ${words.length - 1}).`);
    }
    return words[id];
  }

  function encode(text: string): Encoding {
    const spans: TokenSpan[] = [];
    const unknown: UnknownWord[] = [];
    const pushWord = (start: number, end: number): void => {
      const original = text.slice(start, end);
      const id = ids.get(original.toLowerCase());
      if (id === undefined) {
        spans.push({ id: unknownId, start, end });
        unknown.push({ word: original, start, end });
      } else {
        spans.push({ id, start, end });
      }
    };
    // Splits a stretch of ordinary text (no special tokens) into words and punctuation, keeping original offsets.
    const splitPlain = (from: number, to: number): void => {
      let wordStart = -1;
      for (let i = from; i < to; i++) {
        const ch = text[i];
        const isPunct = PUNCTUATION_SET.has(ch);
        if (isPunct || WHITESPACE.test(ch)) {
          if (wordStart >= 0) pushWord(wordStart, i);
          wordStart = -1;
          if (isPunct) spans.push({ id: ids.get(ch) ?? unknownId, start: i, end: i + 1 });
        } else if (wordStart < 0) {
          wordStart = i;
        }
      }
      if (wordStart >= 0) pushWord(wordStart, to);
    };
    let cursor = 0;
    if (specialPattern) {
      specialPattern.lastIndex = 0;
      for (let m = specialPattern.exec(text); m !== null; m = specialPattern.exec(text)) {
        splitPlain(cursor, m.index);
        spans.push({ id: ids.get(m[0].toLowerCase()) ?? ids.get(m[0]) ?? unknownId, start: m.index, end: m.index + m[0].length });
        cursor = m.index + m[0].length;
      }
    }
    splitPlain(cursor, text.length);
    return { ids: spans.map((s) => s.id), spans, unknown };
  }

  return {
    kind: 'word',
    vocabSize: words.length,
    encode,
    // The corpus writes every token space-separated ("i ate an apple ."), so decoding does the same.
    decode: (tokenIds) => tokenIds.map(tokenText).join(' '),
    tokenText,
    idOf: (token) => ids.get(token),
  };
}

/** Levenshtein distance (insert, delete, substitute each cost 1) between two strings, by UTF-16 unit. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitute, previous[j] + 1, current[j - 1] + 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Up to `n` vocabulary words closest to `word` by edit distance (ties keep vocabulary order), for a widget
 * to offer "did you mean …". Special tokens and punctuation are never suggested; words further than
 * `maxDistance` (default: half the word's length, at least 2) are left out, so nonsense gets no suggestions.
 */
export function suggestKnownWords(word: string, vocab: readonly string[], n: number, maxDistance?: number): string[] {
  const target = word.toLowerCase();
  const limit = maxDistance ?? Math.max(2, Math.ceil(target.length / 2));
  const scored: { token: string; distance: number; order: number }[] = [];
  vocab.forEach((token, order) => {
    if (isSpecialToken(token) || PUNCTUATION_SET.has(token)) return;
    const distance = editDistance(target, token);
    if (distance <= limit) scored.push({ token, distance, order });
  });
  scored.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return scored.slice(0, Math.max(0, n)).map((s) => s.token);
}
