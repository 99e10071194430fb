/**
 * H_gen, the generator's own choice entropy per token. Every random choice the generator makes
 * (which template, which record for each slot, whether the document stops) is drawn from an
 * explicit finite distribution, and its cost −ln p is added up. Because the templates are
 * unambiguous (a unit test checks that each generated document has exactly one parse), the text
 * determines the choices, so −ln P(text) is exactly that sum; H_gen = Σ(−ln p) / number of tokens.
 * Tokens the templates fix (literals, articles, the repeated half of a copy list) cost nothing.
 */

/** Cumulative weights for drawing an index in proportion to `weights`. weights: [n] -> [n] */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    out[i] = sum;
  }
  return out;
}

/** Draws an index with probability weight_i / total from cumulative weights (binary search). */
export function drawIndex(uniform: number, cum: Float64Array, count = cum.length): number {
  const target = uniform * cum[count - 1];
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The cost in nats of a choice with probability weight / total. */
export function choiceNats(weight: number, total: number): number {
  return Math.log(total / weight);
}

/** Nats per token; 0 for an empty text. */
export function perToken(nats: number, tokens: number): number {
  return tokens === 0 ? 0 : nats / tokens;
}
