/**
 * Learning a byte-level BPE: start from bytes, repeatedly merge the most frequent adjacent pair, and record every
 * step so a widget can replay and explain it. Pairs never cross a pre-split piece (or special token) boundary.
 *
 * Tie-breaking is deterministic. 'first-seen' (the default) takes, among the pairs with the highest count, the
 * one whose first occurrence comes earliest in the corpus (pieces in order of first appearance, then left to
 * right); this is the rule the curriculum's hug/hugs/bug/bugs example uses. 'smallest-ids' instead takes the
 * pair that is smallest by (left id, right id).
 */
import { BYTE_VOCAB_SIZE, createBpeTokenizer, pairKey } from './bpe.ts';
import type { BpeTokenizer, Merge } from './bpe.ts';
import { displayBytes } from './utf8.ts';
import { preSplit, splitOnSpecials } from './pretokenize.ts';

/** How to choose among pairs with equal counts. */
export type TieBreak = 'first-seen' | 'smallest-ids';

/** A pair and how often it occurs, as shown in a pair-count table. */
export interface PairCount {
  pair: Merge;
  /** The text the merged token would stand for (partial UTF-8 shown as ‹hex›). */
  text: string;
  count: number;
}

/** One training step: what was merged, why, and what it did to the corpus. */
export interface MergeStep {
  /** 0-based merge number; the new token's id is 256 + rank. */
  rank: number;
  pair: Merge;
  /** How often the pair occurred just before this merge. */
  count: number;
  id: number;
  text: string;
  bytes: number[];
  /** Tokens in the whole training corpus after this merge (special tokens count one each). */
  tokenCount: number;
  /** The most frequent pairs just before this merge, best first in tie-break order (at most `candidateCount`). */
  candidates: PairCount[];
}

/** Everything needed to replay or explain a training run. */
export interface BpeTrace {
  tieBreak: TieBreak;
  specialTokens: string[];
  /** Tokens in the corpus before any merge (one per byte, plus one per special token). */
  initialTokenCount: number;
  steps: MergeStep[];
}

/** A trained tokenizer and the trace of how it was learned. */
export interface BpeTrainResult {
  tokenizer: BpeTokenizer;
  trace: BpeTrace;
}

/** Training options; every field has a default. */
export interface BpeTrainOptions {
  tieBreak?: TieBreak;
  /** Special tokens appended after the merges (default ['<eos>'] for trainBpe, [] for trainBpeOnWords). */
  specialTokens?: string[];
  /** How many top pairs each step records (default 5). */
  candidateCount?: number;
}

interface WordTable {
  tokens: number[][];
  counts: number[];
}

/** True if pair a should be merged before pair b. */
function isBetter(a: { key: number; count: number; order: number }, b: { key: number; count: number; order: number }, tieBreak: TieBreak): boolean {
  if (a.count !== b.count) return a.count > b.count;
  return tieBreak === 'first-seen' ? a.order < b.order : a.key < b.key;
}

function pairText(bytesOf: number[][], left: number, right: number): string {
  return displayBytes([...bytesOf[left], ...bytesOf[right]]);
}

/** Core loop over a table of unique words (byte ids) with counts, in first-appearance order. */
function trainOnTable(table: WordTable, numMerges: number, options: BpeTrainOptions, extraTokens: number): BpeTrainResult {
  const tieBreak = options.tieBreak ?? 'first-seen';
  // At least one entry is always kept: it is the pair to merge.
  const candidateCount = Math.max(1, options.candidateCount ?? 5);
  const specialTokens = [...(options.specialTokens ?? [])];
  const bytesOf: number[][] = Array.from({ length: BYTE_VOCAB_SIZE }, (_, b) => [b]);
  const { tokens, counts } = table;
  let tokenCount = extraTokens;
  tokens.forEach((word, w) => (tokenCount += word.length * counts[w]));
  const initialTokenCount = tokenCount;
  const steps: MergeStep[] = [];
  const merges: Merge[] = [];

  for (let rank = 0; rank < numMerges; rank++) {
    // Map iteration follows insertion order, so `order` below is the pair's first occurrence in the corpus.
    const pairCounts = new Map<number, number>();
    for (let w = 0; w < tokens.length; w++) {
      const word = tokens[w];
      for (let i = 0; i + 1 < word.length; i++) {
        const key = pairKey(word[i], word[i + 1]);
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + counts[w]);
      }
    }
    if (pairCounts.size === 0) break;
    // Keep the best `candidateCount` pairs in a small sorted list; the first is the one to merge.
    const top: { key: number; count: number; order: number }[] = [];
    let order = 0;
    for (const [key, count] of pairCounts) {
      const entry = { key, count, order: order++ };
      if (top.length === candidateCount && !isBetter(entry, top[top.length - 1], tieBreak)) continue;
      let at = top.length;
      while (at > 0 && isBetter(entry, top[at - 1], tieBreak)) at--;
      top.splice(at, 0, entry);
      if (top.length > candidateCount) top.pop();
    }
    const best = top[0];
    const left = Math.floor(best.key / 0x200000);
    const right = best.key % 0x200000;
    const id = BYTE_VOCAB_SIZE + rank;
    bytesOf.push([...bytesOf[left], ...bytesOf[right]]);
    merges.push([left, right]);
    for (let w = 0; w < tokens.length; w++) {
      const word = tokens[w];
      let write = 0;
      for (let read = 0; read < word.length; read++) {
        if (read + 1 < word.length && word[read] === left && word[read + 1] === right) {
          word[write++] = id;
          read++;
          tokenCount -= counts[w];
        } else {
          word[write++] = word[read];
        }
      }
      word.length = write;
    }
    steps.push({
      rank,
      pair: [left, right],
      count: best.count,
      id,
      text: displayBytes(bytesOf[id]),
      bytes: bytesOf[id],
      tokenCount,
      candidates: top.slice(0, candidateCount).map((c) => {
        const a = Math.floor(c.key / 0x200000);
        const b = c.key % 0x200000;
        return { pair: [a, b] as const, text: pairText(bytesOf, a, b), count: c.count };
      }),
    });
  }
  return { tokenizer: createBpeTokenizer(merges, specialTokens), trace: { tieBreak, specialTokens, initialTokenCount, steps } };
}

/** Adds a word's count to the table, keeping first-appearance order. */
function addWord(index: Map<string, number>, table: WordTable, encoder: TextEncoder, word: string, count: number): void {
  const at = index.get(word);
  if (at !== undefined) {
    table.counts[at] += count;
    return;
  }
  index.set(word, table.tokens.length);
  table.tokens.push(Array.from(encoder.encode(word)));
  table.counts.push(count);
}

/**
 * Learns up to `numMerges` merges from whole words with counts (no pre-split: each word is one piece), e.g.
 * [['hug', 1], ['hugs', 1], ['bug', 1], ['bugs', 1]]. Stops early once no adjacent pair is left.
 */
export function trainBpeOnWords(words: Iterable<readonly [string, number]>, numMerges: number, options: BpeTrainOptions = {}): BpeTrainResult {
  const index = new Map<string, number>();
  const table: WordTable = { tokens: [], counts: [] };
  const encoder = new TextEncoder();
  for (const [word, count] of words) {
    if (!(Number.isInteger(count) && count > 0)) throw new RangeError(`Word "${word}" needs a positive whole count, got ${count}.`);
    addWord(index, table, encoder, word, count);
  }
  return trainOnTable(table, numMerges, { specialTokens: [], ...options }, 0);
}

/**
 * Learns up to `numMerges` merges from running text: special tokens are cut out first, the rest is pre-split
 * GPT-2 style (a leading space stays with its word), and pairs are counted inside pieces only.
 */
export function trainBpe(text: string, numMerges: number, options: BpeTrainOptions = {}): BpeTrainResult {
  const specialTokens = options.specialTokens ?? ['<eos>'];
  const index = new Map<string, number>();
  const table: WordTable = { tokens: [], counts: [] };
  const encoder = new TextEncoder();
  let specialCount = 0;
  for (const segment of splitOnSpecials(text, specialTokens)) {
    if (segment.special) specialCount++;
    else for (const piece of preSplit(segment.text)) addWord(index, table, encoder, piece.text, 1);
  }
  return trainOnTable(table, numMerges, { ...options, specialTokens }, specialCount);
}

/** Rebuilds the tokenizer a trace describes, from its recorded merges alone. */
export function replayMerges(trace: BpeTrace): BpeTokenizer {
  return createBpeTokenizer(trace.steps.map((s) => s.pair), trace.specialTokens);
}
