/**
 * Learning-rate schedule: linear warmup to the peak, then a cosine decay that reaches the floor
 * exactly at the last step ("annealed to the end", curriculum §2.6). Steps count from 1: step s
 * is the s-th parameter update.
 */

/** Schedule settings. */
export interface Schedule {
  /** Learning rate at the end of warmup. */
  peak: number;
  /** Steps of linear warmup (0 for none). */
  warmupSteps: number;
  /** Total number of steps in the run. */
  totalSteps: number;
  /** Learning rate at the last step. */
  floor: number;
}

/** The learning rate for update number `step` (1-based): peak·s/W during warmup, then cosine from peak to floor. */
export function learningRateAt(step: number, s: Schedule): number {
  if (s.warmupSteps > 0 && step <= s.warmupSteps) return (s.peak * Math.max(step, 0)) / s.warmupSteps;
  const decaySteps = s.totalSteps - s.warmupSteps;
  if (decaySteps <= 0) return s.peak;
  const progress = Math.min(1, (step - s.warmupSteps) / decaySteps);
  return s.floor + (s.peak - s.floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
}
