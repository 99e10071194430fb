/**
 * Shapes shared by the acceptance checks (curriculum §2.5). Every check is split into a measurement
 * (runs the model) and a judgement (pure: numbers in, verdict out), so thresholds can be tested on
 * exact numbers and the result is plain JSON that a model manifest can store.
 */
import type { ForwardOptions, Model } from '../model.ts';
import type { Tokenizer } from '../tokenizer/types.ts';

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What every measurement needs: the model, its tokenizer and how to run it (e.g. tw-nomask without the mask). */
export interface EvalContext {
  model: Model;
  tokenizer: Tokenizer;
  forwardOptions?: Omit<ForwardOptions, 'trace'>;
}

/** A judged check before the suite decides whether it gates this model variant. */
export interface CheckOutcome {
  /** "C-2", "C-6b", … */
  id: string;
  title: string;
  /** Whether the §2.5 condition holds; null for checks that only report numbers. */
  met: boolean | null;
  /** Headline numbers (what the probe table prints). */
  measured: Record<string, Json>;
  /** The condition in words, e.g. "≥ 22/24 top-1 with p > 0.5; france required". */
  threshold: string;
  /** Per-probe data for lessons and debugging. */
  details?: Json;
  /** Present when the threshold differs from the curriculum's; says what was measured to justify it. */
  calibration?: Calibration;
}

/** A threshold changed from curriculum §2.5, with the measurement behind the change (issue #4 allows no other kind). */
export interface Calibration {
  /** The curriculum's condition, in words. */
  curriculum: string;
  /** What was measured that made the change necessary, and why the new value still tests the claim. */
  reason: string;
}

/** A check as stored in a manifest: `pass` is the verdict when it gates this variant, else 'report'. */
export interface CheckResult extends CheckOutcome {
  pass: boolean | 'report';
  /** Set when the check could not run (e.g. a prompt word missing from the vocabulary). */
  error?: string;
}

/** Rounds for display and storage: enough digits to compare with thresholds, no float noise. */
export function round(x: number, digits = 4): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  // `+ 0` turns -0 into 0, which JSON cannot tell apart anyway.
  return Math.round(x * f) / f + 0;
}

/** "k/n" for a count of successes. */
export function fraction(k: number, n: number): string {
  return `${k}/${n}`;
}
