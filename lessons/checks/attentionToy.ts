// Checks for chapter 6's pure-math exercises (curriculum: "Exercises" of chapter 6).
import type { WhoPullsWhomSettings, WhoPullsWhomView } from '../../widgets/attention/toy/whoPullsWhomModel.ts';
import { PRESETS, type AttentionCalculatorSettings, type AttentionCalculatorView } from '../../widgets/attention/toy/attentionCalculatorModel.ts';
import type { Matrix } from '../../widgets/attention/toy/matrixMath.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** Scores come from sums of products of typed decimals, so "exactly 1" is judged to within rounding. */
const TOLERANCE = 1e-9;
const near = (x: number, target: number) => Math.abs(x - target) < TOLERANCE;
const sameMatrix = (a: Matrix, b: Matrix) => a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((x, j) => x === b[i][j]));

/** Reads exactly two numbers from a typed answer such as "(0.5, 1.5)"; throws otherwise. */
export function readPoint(answer: string): [number, number] {
  const numbers = (answer.match(/[-−]?\d*\.?\d+/g) ?? []).map((s) => Number(s.replace('−', '-')));
  if (numbers.length !== 2) throw new Error('two coordinates expected');
  return [numbers[0], numbers[1]];
}

/** Chapter 6 (toy attention) checks, keyed by exercise id. */
export const attentionToyChecks: Record<string, ExerciseCheck> = {
  // Answer-checked: apple in [phone, apple] lands halfway between (1, 1) and (0, 2).
  'two-token-pull': checkFor<unknown, unknown>(({ answer }) => {
    const [x, y] = readPoint(answer);
    return Math.abs(x - 0.5) < 0.01 && Math.abs(y - 1.5) < 0.01;
  }),
  // Luis and Taylor must stay as they are, and the projections must be 2×1 (one number per word).
  'break-the-symmetry': checkFor<WhoPullsWhomSettings, WhoPullsWhomView>(({ state, view }) =>
    sameMatrix(state.X, [[1, 0], [1, 1]]) && state.WQ[0].length === 1 && near(view.S[1][0], 1) && near(view.S[0][1], 0)),
  // Only W_Q may change: the words, W_K, W_V, the scaling and the (absent) mask stay as in example (c).
  'food-looks-for-animals': checkFor<AttentionCalculatorSettings, AttentionCalculatorView>(({ state, view }) => {
    const start = PRESETS['bear-honey-it'].settings;
    return state.preset === 'bear-honey-it' && sameMatrix(state.X, start.X) && sameMatrix(state.WK, start.WK) && sameMatrix(state.WV, start.WV)
      && state.scale && !state.mask && view.A[1][0] >= 0.7;
  }),
};
