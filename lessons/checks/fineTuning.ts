// Checks for chapter 10's pure-math exercises (curriculum: "Exercises" of chapter 10).
import type { GradientStepSettings, GradientStepView } from '../../widgets/finetune/math/gradientStepModel.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

const sameLogits = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Chapter 10 (pure-math part) checks, keyed by exercise id. */
export const fineTuningChecks: Record<string, ExerciseCheck> = {
  // Rome 2, Paris 1, Oslo 0 with target Paris: one step with η ≤ 1 must put Paris on top (true once η > 0.7040).
  // The logits and target are pinned so the exercise cannot be solved by editing the scores instead of η.
  'one-good-step': checkFor<GradientStepSettings, GradientStepView>(({ state, view }) =>
    sameLogits(state.logits, [2, 1, 0]) && state.target === 1 && state.eta <= 1 && view.argmaxAfter === 1),
};
