// Checks for chapter 1's exercises (curriculum: "Exercises" of chapter 1).
import type { NextTokenSettings, NextTokenView } from '../../widgets/nextToken/nextTokenModel.ts';
import type { NgramSettings, NgramView } from '../../widgets/ngram/ngramModel.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** Reads a typed probability: "0.42", "42 %" and "42%" all mean 0.42; anything else is NaN. */
export function parseProbability(answer: string): number {
  const match = answer.trim().replace(',', '.').match(/^(-?\d*\.?\d+)\s*(%?)$/);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === '%' ? value / 100 : value;
}

/** Chapter 1 checks, keyed by exercise id. */
export const oneTokenChecks: Record<string, ExerciseCheck> = {
  // Greedy from the C-2 prompt: "paris" first and <eos> last (guaranteed by checks C-2 and C-2b).
  'ex-three-steps': checkFor<NextTokenSettings, NextTokenView>(({ state }) =>
    state.prompt.trim() === 'the capital of france is' && state.generated[0] === 'paris' && state.generated.at(-1) === '<eos>'),
  // The typed P(<eos>) within 0.01 of what the widget shows for the same prompt.
  'ex-stop-probability': checkFor<NextTokenSettings, NextTokenView>(({ state, view, answer }) =>
    state.generated.length === 0 && view.prob['<eos>'] !== undefined && Math.abs(parseProbability(answer) - view.prob['<eos>']) < 0.01),
  // Counts run dry at 4+ words while the model is still fairly sure.
  'ex-sparsity-hunt': checkFor<NgramSettings, NgramView>(({ state, view }) => state.k >= 4 && view.ngramMatches === 0 && view.modelTop1Prob >= 0.3),
};
