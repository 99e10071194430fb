// Checks for chapter 5's exercises (curriculum: "Exercises" of chapter 5).
import type { SoftmaxLabSettings, SoftmaxLabView } from '../../widgets/softmax/softmaxLabModel.ts';
import type { SamplingSettings, SamplingView } from '../../widgets/sampling/samplingModel.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** The prompt `make-it-deterministic` starts from; the exercise allows changing only the decoding settings. */
export const DETERMINISTIC_PROMPT = 'the king and the';

const sameScores = (scores: readonly number[], expected: readonly number[]) =>
  scores.length === expected.length && scores.every((s, i) => s === expected[i]);

/** Chapter 5 checks, keyed by exercise id. */
export const softmaxChecks: Record<string, ExerciseCheck> = {
  // Apple at ≥ 90 % by temperature alone (true for τ ≤ 0.4527): changing the scores would dodge the point.
  'tame-the-poet': checkFor<SoftmaxLabSettings, SoftmaxLabView>(({ state, view }) =>
    state.mode === 'softmax' && sameScores(state.scores, [4, 3, 1]) && view.probs[0] >= 0.9),
  // Exactly three tokens survive top-p at τ = 1 with top-k off (true for p in (0.8770, 0.9638]).
  'nucleus-count': checkFor<SoftmaxLabSettings, SoftmaxLabView>(({ state, view }) =>
    state.mode === 'softmax' && sameScores(state.scores, [4, 3, 2, 1, -1]) && state.tau === 1 && state.topK === 0 && view.kept.length === 3),
  // All 20 draws the same token after the unchanged prompt (greedy, top-k 1, or a top-p below the top probability).
  // The samples must belong to this prompt and there must still be 20 of them: drawing 1 would dodge the point.
  'make-it-deterministic': checkFor<SamplingSettings, SamplingView>(({ state, view }) =>
    state.prompt.trim() === DETERMINISTIC_PROMPT && view.forPrompt === DETERMINISTIC_PROMPT && state.n === 20
    && view.samples.length === 20 && new Set(view.samples).size === 1),
};
