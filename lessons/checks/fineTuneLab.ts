// Checks for chapter 10's lab exercises (curriculum: "Exercises" of chapter 10). They read the numbers the lab and
// WeightDiff got from the worker: probe readings, the runs made on the page, the held-out curve's minimum.
import type { FineTuneBenchSettings, FineTuneBenchView } from '../../widgets/finetune/lab/fineTuneBenchModel.ts';
import { answerMatches, type WeightDiffSettings, type WeightDiffView } from '../../widgets/finetune/lab/weightDiffModel.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** A new fact counts as taught above this probability (C-13b). */
export const TAUGHT_MIN_P = 0.5;
/** Known capitals that must survive (of 24, C-13). */
export const KNOWN_KEPT = 20;
/** New capitals that must be right (of 8, C-13). */
export const NEW_RIGHT = 7;
/** How far the early stop may sit from the held-out minimum, in epochs (= steps in the overfitting preset). */
export const STOP_TOLERANCE = 2;

/** Chapter 10 lab checks, keyed by exercise id. */
export const fineTuneLabChecks: Record<string, ExerciseCheck> = {
  // P(quorvia | "the capital of velmora is") > 0.5 while ≥ 20 of 24 known capitals stay top-1.
  'teach-velmora': checkFor<FineTuneBenchSettings, FineTuneBenchView>(({ state, view }) =>
    state.preset === 'velmora' && view.step > 0 && view.probe.target !== null && view.probe.target > TAUGHT_MIN_P && view.probe.knownCapitalsCorrect >= KNOWN_KEPT),
  // One run without replay that learned ≥ 7 new capitals, and one with replay that also kept ≥ 20 old ones.
  'catastrophic-forgetting': checkFor<FineTuneBenchSettings, FineTuneBenchView>(({ view }) => {
    const runs = view.runs.filter((r) => r.preset === 'new-capitals');
    return runs.some((r) => !r.replay && r.newCorrect >= NEW_RIGHT) && runs.some((r) => r.replay && r.newCorrect >= NEW_RIGHT && r.knownCorrect >= KNOWN_KEPT);
  }),
  // Early stopping within two epochs of the lowest held-out loss of a full overfitting run.
  'stop-at-the-right-time': checkFor<FineTuneBenchSettings, FineTuneBenchView>(({ state, view }) =>
    state.preset === 'overfit' && state.stopStep > 0 && view.argminValStep !== null && Math.abs(state.stopStep - view.argminValStep) <= STOP_TOLERANCE),
  // The typed name is the matrix with the largest ‖ΔW‖/‖W‖ (file name or the label the widget shows).
  'who-changed-most': checkFor<WeightDiffSettings, WeightDiffView>(({ view, answer }) =>
    view.maxRelChange !== null && answerMatches(answer, view.maxRelChange)),
};
