// Checks for chapter 9's exercises (curriculum: "Exercises" of chapter 9).
import type { BlockInspectorSettings, BlockInspectorView } from '../../widgets/block/blockInspectorModel.ts';
import { parseShape } from '../../widgets/block/blockInspectorModel.ts';
import type { GenerationLoopSettings, GenerationLoopView } from '../../widgets/block/generationLoopModel.ts';
import type { LogitLensSettings, LogitLensView } from '../../widgets/block/logitLensModel.ts';
import { parseBlockNumber } from '../../widgets/block/logitLensModel.ts';
import type { ParameterCounterSettings, ParameterCounterView } from '../../widgets/block/parameterCounterModel.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** GPT-2 small's parameter count with tied output and a learned position table. */
export const GPT2_SMALL_PARAMETERS = 124_439_808;

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Chapter 9 checks, keyed by exercise id. */
export const fullBlockChecks: Record<string, ExerciseCheck> = {
  // Typed by hand: picking the GPT-2 preset would make the exercise a single click.
  'count-gpt2': checkFor<ParameterCounterSettings, ParameterCounterView>(({ state, view }) =>
    state.preset !== 'gpt2-small' && view.total === GPT2_SMALL_PARAMETERS),
  // The residual stream after block 3's FFN for the 5-token prompt: 5 × 64, like every block's output.
  'width-never-changes': checkFor<BlockInspectorSettings, BlockInspectorView>(({ answer }) => sameList(parseShape(answer), [5, 64])),
  // The typed block number must be the first whole block whose top-1 is "paris" for the curriculum prompt.
  'when-does-paris-appear': checkFor<LogitLensSettings, LogitLensView>(({ state, view, answer }) => {
    const first = view.firstBlockWithTop1('paris');
    return state.text.trim() === 'the capital of france is' && first !== null && parseBlockNumber(answer) === first;
  }),
  // Both runs for the same prompt, seed and n: identical tokens, fewer multiply–adds with the cache.
  'cache-equivalence': checkFor<GenerationLoopSettings, GenerationLoopView>(({ view }) =>
    view.runs.on!.tokens.length > 0 && sameList(view.runs.on!.tokens, view.runs.off!.tokens) && view.runs.on!.macs < view.runs.off!.macs),
};
