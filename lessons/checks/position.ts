// Checks for chapter 8's exercises (curriculum: "Exercises" of chapter 8).
import type { SinusoidWheelsSettings, SinusoidWheelsView } from '../../widgets/positions/sinusoidWheelsModel.ts';
import type { RopeRotatorSettings, RopeRotatorView } from '../../widgets/positions/ropeRotatorModel.ts';
import { slowestPeriod } from '../../widgets/positions/wheelMath.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** The slowest wheel's period at d_model = 512, base 10,000: 2π·10000^(510/512) ≈ 60,611.48 positions. */
export const SLOWEST_PERIOD_512 = slowestPeriod(512, 10000);

/** Reads the first number in a typed answer, allowing thousands separators ("60,611", "60 611.5", "6.06e4"). */
export function firstNumber(answer: string): number {
  const cleaned = answer.replace(/(\d)[,\u00a0\u202f ](?=\d{3}(\D|$))/g, '$1');
  const match = /[-+]?\d*\.?\d+(?:e[-+]?\d+)?/i.exec(cleaned);
  return match ? Number(match[0]) : NaN;
}

/** Chapter 8 checks, keyed by exercise id. */
export const positionChecks: Record<string, ExerciseCheck> = {
  // A whole-degree step in [10°, 90°] whose first 20 positions all point differently: 360/gcd(step, 360) ≥ 20.
  'find-the-collision': checkFor<SinusoidWheelsSettings, SinusoidWheelsView>(({ state, view }) =>
    Number.isInteger(state.stepDeg) && state.stepDeg >= 10 && state.stepDeg <= 90 && view.distinctAmongFirst20 === 20),
  // A typed answer within 1 % of 60,611.48 (an answer exercise: the widget beside it shows the wheels at d = 512).
  'period-of-the-slowest-wheel': checkFor<unknown, unknown>(({ answer }) =>
    Math.abs(firstNumber(answer) - SLOWEST_PERIOD_512) / SLOWEST_PERIOD_512 < 0.01),
  // Both positions past 20, still two apart, and the score still cos 60° = 0.5.
  'same-offset-same-score': checkFor<RopeRotatorSettings, RopeRotatorView>(({ state, view }) =>
    state.s >= 20 && state.t - state.s === 2 && Math.abs(view.score - 0.5) < 1e-9),
};
