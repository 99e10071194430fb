/**
 * Byte-level BPE in the GPT-2 style. The base vocabulary is the 256 byte values (ids 0–255); merge i creates
 * id 256 + i; special tokens (e.g. <eos>) come after the merges. So V = 256 + merges + specials, and no text
 * ever needs <unk>: every string is some sequence of bytes.
 *
 * Spans: a token's span runs from the start of the character holding its first byte to the end of the character
 * holding its last byte. When one character's bytes are split over several tokens, each of those tokens covers
 * the whole character, so neighbouring spans overlap by that one character (a widget can show the partial bytes
 * with `tokenBytes` / the ‹hex› form of `tokenText`). A lone surrogate is encoded as U+FFFD, like TextEncoder does.
 */
import type { Encoding, TokenSpan, Tokenizer } from './types.ts';
import { displayBytes, encodeUtf8WithOffsets } from './utf8.ts';
import { preSplit, splitOnSpecials } from './pretokenize.ts';

/** One learned merge: the ids of the left and right token that become a new token. */
export type Merge = readonly [number, number];

/** Number of base tokens: one per byte value. */
export const BYTE_VOCAB_SIZE = 256;

/** A BPE tokenizer, with the merge list and byte view needed to save it and to explain it. */
export interface BpeTokenizer extends Tokenizer {
  readonly kind: 'bpe';
  readonly merges: readonly Merge[];
  readonly specialTokens: readonly string[];
  /** The raw bytes a token stands for (a special token: its UTF-8 text). */
  tokenBytes(id: number): Uint8Array;
}

/** Packs a pair of ids into one number so it can key a Map (ids stay far below 2^21). */
export function pairKey(left: number, right: number): number {
  return left * 0x200000 + right;
}

/**
 * Applies merges to one piece's token ids by rank: repeatedly take the adjacent pair with the lowest rank and merge
 * all its occurrences left to right. This equals replaying the merges in training order, because a pair that
 * contains a token made by merge r can only have a rank above r.
 * tokens: [n] -> [m ≤ n]
 */
export function applyMergesByRank(tokens: number[], ranks: ReadonlyMap<number, number>): number[] {
  let current = tokens;
  while (current.length > 1) {
    let bestRank = Infinity;
    for (let i = 0; i + 1 < current.length; i++) {
      const rank = ranks.get(pairKey(current[i], current[i + 1]));
      if (rank !== undefined && rank < bestRank) bestRank = rank;
    }
    if (bestRank === Infinity) break;
    const next: number[] = [];
    const newId = BYTE_VOCAB_SIZE + bestRank;
    for (let i = 0; i < current.length; i++) {
      if (i + 1 < current.length && ranks.get(pairKey(current[i], current[i + 1])) === bestRank) {
        next.push(newId);
        i++;
      } else {
        next.push(current[i]);
      }
    }
    current = next;
  }
  return current;
}

/** Builds the byte table for a merge list: entry id holds the bytes token `id` stands for. Throws on a bad merge. */
function buildTokenBytes(merges: readonly Merge[]): Uint8Array[] {
  const table: Uint8Array[] = [];
  for (let b = 0; b < BYTE_VOCAB_SIZE; b++) table.push(Uint8Array.of(b));
  merges.forEach(([left, right], i) => {
    const limit = BYTE_VOCAB_SIZE + i;
    for (const id of [left, right]) {
      if (!Number.isInteger(id) || id < 0 || id >= limit) {
        throw new RangeError(`BPE merge ${i} uses token ${id}, which does not exist yet (ids so far: 0 to ${limit - 1}).`);
      }
    }
    const joined = new Uint8Array(table[left].length + table[right].length);
    joined.set(table[left], 0);
    joined.set(table[right], table[left].length);
    table.push(joined);
  });
  return table;
}

const MAX_CACHED_PIECES = 50_000;

/** A byte-level BPE tokenizer from an ordered merge list and optional special tokens (recognised verbatim in text). */
export function createBpeTokenizer(merges: readonly Merge[], specialTokens: readonly string[] = []): BpeTokenizer {
  const ownMerges: Merge[] = merges.map(([a, b]) => [a, b] as const);
  const bytesOf = buildTokenBytes(ownMerges);
  const ranks = new Map<number, number>();
  ownMerges.forEach(([a, b], rank) => {
    if (!ranks.has(pairKey(a, b))) ranks.set(pairKey(a, b), rank);
  });
  const specials = [...specialTokens];
  if (specials.some((s) => s.length === 0) || new Set(specials).size !== specials.length) {
    throw new Error('BPE special tokens must be distinct, non-empty strings.');
  }
  const firstSpecialId = BYTE_VOCAB_SIZE + ownMerges.length;
  const encoder = new TextEncoder();
  for (const special of specials) bytesOf.push(encoder.encode(special));
  const vocabSize = bytesOf.length;
  const pieceCache = new Map<string, number[]>();
  let textToId: Map<string, number> | undefined;

  function checkId(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
      throw new RangeError(`Token id ${id} is outside this vocabulary (0 to ${vocabSize - 1}).`);
    }
  }

  function tokenText(id: number): string {
    checkId(id);
    return id >= firstSpecialId ? specials[id - firstSpecialId] : displayBytes(bytesOf[id]);
  }

  function encodePiece(piece: string): number[] {
    const cached = pieceCache.get(piece);
    if (cached) return cached;
    const { bytes } = encodeUtf8WithOffsets(piece);
    const ids = applyMergesByRank(Array.from(bytes), ranks);
    if (pieceCache.size >= MAX_CACHED_PIECES) pieceCache.clear();
    pieceCache.set(piece, ids);
    return ids;
  }

  function encode(text: string): Encoding {
    const ids: number[] = [];
    const spans: TokenSpan[] = [];
    for (const segment of splitOnSpecials(text, specials)) {
      if (segment.special) {
        const id = firstSpecialId + specials.indexOf(segment.text);
        ids.push(id);
        spans.push({ id, start: segment.start, end: segment.start + segment.text.length });
        continue;
      }
      for (const piece of preSplit(segment.text, segment.start)) {
        const pieceIds = encodePiece(piece.text);
        const { charStart, charEnd } = encodeUtf8WithOffsets(piece.text, piece.start);
        let byte = 0;
        for (const id of pieceIds) {
          const length = bytesOf[id].length;
          ids.push(id);
          spans.push({ id, start: charStart[byte], end: charEnd[byte + length - 1] });
          byte += length;
        }
      }
    }
    return { ids, spans, unknown: [] };
  }

  // ignoreBOM keeps a leading U+FEFF in the text instead of silently eating it; invalid bytes become U+FFFD.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  function decode(tokenIds: readonly number[]): string {
    let total = 0;
    for (const id of tokenIds) {
      checkId(id);
      total += bytesOf[id].length;
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const id of tokenIds) {
      out.set(bytesOf[id], offset);
      offset += bytesOf[id].length;
    }
    return decoder.decode(out);
  }

  function idOf(token: string): number | undefined {
    if (!textToId) {
      textToId = new Map();
      for (let id = vocabSize - 1; id >= 0; id--) textToId.set(tokenText(id), id);
    }
    return textToId.get(token);
  }

  return {
    kind: 'bpe',
    vocabSize,
    merges: ownMerges,
    specialTokens: specials,
    encode,
    decode,
    tokenText,
    idOf,
    tokenBytes: (id) => {
      checkId(id);
      return bytesOf[id].slice();
    },
  };
}
