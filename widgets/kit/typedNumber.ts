// Number boxes in the pure-math widgets share one rule: a blank, non-numeric or out-of-range entry is explained
// to the learner and not applied.

/** The sentence explaining why a typed number cannot be used (missing, or beyond ±limit), or null when it can. */
export function typedNumberProblem(value: number, limit: number, text: { missing: string; range: string }): string | null {
  if (!Number.isFinite(value)) return text.missing;
  if (Math.abs(value) > limit) return text.range;
  return null;
}
