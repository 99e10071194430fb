// Counting what followed a context in a token stream: the n-gram model of chapter 1, computed exactly.

/** How often each token followed the context, most frequent first. */
export interface NgramCounts {
  /** Occurrences of the context in the stream. */
  matches: number;
  /** Tokens that followed it, with counts, most frequent first (ties by id). */
  next: { id: number; count: number }[];
}

/**
 * Finds every occurrence of `context` in `stream` and counts the token after each: the counts an
 * n-gram model with n = context length + 1 would use. stream: [N], context: [k] -> counts
 */
export function continuationCounts(stream: ArrayLike<number>, context: readonly number[]): NgramCounts {
  const k = context.length;
  const counts = new Map<number, number>();
  let matches = 0;
  if (k === 0) return { matches: 0, next: [] };
  const first = context[0];
  outer: for (let i = 0; i + k < stream.length; i++) {
    if (stream[i] !== first) continue;
    for (let j = 1; j < k; j++) if (stream[i + j] !== context[j]) continue outer;
    matches++;
    const id = stream[i + k];
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const next = [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id - b.id);
  return { matches, next };
}
