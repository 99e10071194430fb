/**
 * Step-by-step views of BPE for teaching (curriculum W2.2): how a word looks after the first k merges,
 * and the encode trace of a word (pairs present, their ranks, the best one, the result of merging it).
 * Both work on one word without pre-splitting, like trainBpeOnWords.
 */
import { BYTE_VOCAB_SIZE, pairKey } from './bpe.ts';
import type { Merge } from './bpe.ts';

/** Rank of each merge pair (its position in the merge list). */
export function mergeRanks(merges: readonly Merge[]): Map<number, number> {
  const ranks = new Map<number, number>();
  merges.forEach(([a, b], rank) => {
    if (!ranks.has(pairKey(a, b))) ranks.set(pairKey(a, b), rank);
  });
  return ranks;
}

/** One adjacent pair of the current tokens and its merge rank (undefined: never merged). */
export interface RankedPair {
  pair: Merge;
  rank: number | undefined;
}

/** One step of encoding a word: the tokens before it, every adjacent pair, and which one gets merged. */
export interface EncodeStep {
  tokens: number[];
  pairs: RankedPair[];
  /** The lowest-rank pair, merged at this step; undefined on the last step (nothing left to merge). */
  best: { pair: Merge; rank: number; newId: number } | undefined;
}

/**
 * Encodes one word (its UTF-8 bytes) with the merges, recording every step; the last step holds the final
 * tokens. Each step merges all occurrences of the best pair, as the encoder does.
 * word -> steps: [number of merges applied + 1]
 */
export function traceEncodeWord(word: string, merges: readonly Merge[]): EncodeStep[] {
  const ranks = mergeRanks(merges);
  let tokens = Array.from(new TextEncoder().encode(word));
  const steps: EncodeStep[] = [];
  for (;;) {
    const pairs: RankedPair[] = [];
    for (let i = 0; i + 1 < tokens.length; i++) pairs.push({ pair: [tokens[i], tokens[i + 1]], rank: ranks.get(pairKey(tokens[i], tokens[i + 1])) });
    const ranked = pairs.filter((p): p is { pair: Merge; rank: number } => p.rank !== undefined);
    if (ranked.length === 0) {
      steps.push({ tokens, pairs, best: undefined });
      return steps;
    }
    const best = ranked.reduce((a, b) => (b.rank < a.rank ? b : a));
    const newId = BYTE_VOCAB_SIZE + best.rank;
    steps.push({ tokens, pairs, best: { pair: best.pair, rank: best.rank, newId } });
    const next: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (i + 1 < tokens.length && tokens[i] === best.pair[0] && tokens[i + 1] === best.pair[1]) {
        next.push(newId);
        i++;
      } else next.push(tokens[i]);
    }
    tokens = next;
  }
}

/** The tokens of one word after only the first `count` merges (count defaults to all), e.g. to show the corpus at step k. */
export function segmentWord(word: string, merges: readonly Merge[], count = merges.length): number[] {
  const steps = traceEncodeWord(word, merges.slice(0, count));
  return steps[steps.length - 1].tokens;
}
