// Checks for chapter 7's exercises (curriculum: "Exercises" of chapter 7).
import { causalCells, sameCells, type MaskPainterSettings, type MaskPainterView } from '../../widgets/masking/maskPainterModel.ts';
import type { TrainVsGenerateSettings, TrainVsGenerateView } from '../../widgets/masking/trainVsGenerateModel.ts';
import { checkFor, checkMenus, type ExerciseCheck } from './types.ts';

/** Chapter 7 checks, keyed by exercise id. */
export const maskingChecks: Record<string, ExerciseCheck> = {
  // Exactly the 6 cells above the diagonal of the 4×4 grid, nothing more (a masked diagonal would hide the token itself).
  'paint-the-mask': checkFor<MaskPainterSettings, MaskPainterView>(({ state, view }) =>
    view.T === 4 && sameCells(state.masked, causalCells(4))),
  // Row 1 exactly [1, 0, 0, 0] with a fill other than 0: −∞ and −1e10 both give exact zeros in float32.
  'zero-is-not-masking': checkFor<MaskPainterSettings, MaskPainterView>(({ state, view }) =>
    state.fill !== '0' && view.A[0].length === 4 && view.A[0].every((a, j) => a === (j === 0 ? 1 : 0))),
  // "because" appended with the mask on, and the engine's comparison (computed for that very word) found no change
  // above 1e-5 in any earlier row; by construction of the causal mask it is exactly 0.
  'append-and-compare': checkFor<TrainVsGenerateSettings, TrainVsGenerateView>(({ state, view }) =>
    state.mode === 'append' && state.causal && state.appended.trim() === 'because' && view.comparedFor?.trim() === 'because'
    && view.maxAbsDiffEarlier !== null && view.maxAbsDiffEarlier < 1e-5),
  // Two menus: the model with the lower training loss (tw-nomask, trained without the mask: it copied the next token)
  // and the one that writes valid TinyWorld (tw-learned). The curriculum's success expression, verbatim. The check reads
  // only the answer, since either model may be selected in the widget beside it when the answer is submitted.
  'catch-the-cheater': checkMenus<unknown, unknown>(({ answer }) => answer.lowerLoss === 'tw-nomask' && answer.betterText === 'tw-learned'),
};
