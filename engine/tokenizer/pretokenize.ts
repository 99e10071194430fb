/**
 * The GPT-2 pre-split: before BPE, text is cut into word-like pieces so merges never cross a piece boundary.
 * A single leading space stays attached to the word after it ("␣moves"), contractions are split off, and
 * runs of letters, digits and other symbols form separate pieces.
 */

/** One pre-split piece and where it sits in the original text (UTF-16 offsets). */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

/** GPT-2's pre-split pattern (the same alternatives, in the same order, as its reference encoder). */
export const GPT2_SPLIT_PATTERN = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/**
 * Splits `text` into pieces covering it end to end. `offset` is added to every position, so a caller that
 * splits a slice of a longer text gets offsets into the longer text.
 */
export function preSplit(text: string, offset = 0): Piece[] {
  const pieces: Piece[] = [];
  const pattern = new RegExp(GPT2_SPLIT_PATTERN.source, GPT2_SPLIT_PATTERN.flags);
  let cursor = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // The alternatives together match every character, so gaps should never occur; if one did, it would
    // become its own piece rather than being dropped.
    if (m.index > cursor) pieces.push({ text: text.slice(cursor, m.index), start: offset + cursor, end: offset + m.index });
    pieces.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), start: offset + cursor, end: offset + text.length });
  return pieces;
}

/** A stretch of text that is either ordinary (to be pre-split) or exactly one special token. */
export interface Segment {
  text: string;
  start: number;
  special: boolean;
}

/** Cuts out every occurrence of the given special tokens (exact, case-sensitive), longest first. */
export function splitOnSpecials(text: string, specials: readonly string[]): Segment[] {
  if (specials.length === 0) return [{ text, start: 0, special: false }];
  const escaped = [...specials].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'gu');
  const segments: Segment[] = [];
  let cursor = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index > cursor) segments.push({ text: text.slice(cursor, m.index), start: cursor, special: false });
    segments.push({ text: m[0], start: m.index, special: true });
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), start: cursor, special: false });
  return segments;
}
