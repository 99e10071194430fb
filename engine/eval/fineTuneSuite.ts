/**
 * C-13, C-13b, C-14 and C-15 (curriculum §2.5): each fine-tunes a copy of the model with the chapter 10 lab's own
 * presets and defaults (the FineTuneSession the worker runs), then asks the checks in fineTuneFacts.ts. The base
 * model's weights are never touched: every run works on the session's copy, reset before the next.
 */
import { FineTuneSession } from '../finetune/session.ts';
import type { FineTuneSettings } from '../finetune/session.ts';
import { PRESET_DEFAULTS } from '../finetune/presets.ts';
import type { PresetId } from '../finetune/presets.ts';
import type { LoadedModel } from '../modelStore.ts';
import { checkAfterFineTune, checkOverfitting, checkSft, checkVelmoraAlone } from './fineTuneFacts.ts';
import type { CheckOutcome, EvalContext } from './types.ts';

/** The seed every acceptance run uses, so a rerun reproduces the recorded numbers exactly. */
export const FINE_TUNE_CHECK_SEED = 1;

/** The lab's default settings for a preset, training every block and the embeddings. */
export function defaultSettings(preset: PresetId, nLayers: number): FineTuneSettings {
  const d = PRESET_DEFAULTS[preset];
  return {
    preset,
    replay: d.replay,
    lr: d.lr,
    steps: d.steps,
    batch: d.batch,
    seed: FINE_TUNE_CHECK_SEED,
    trainBlocks: Array.from({ length: nLayers }, (_, l) => l),
    trainEmbeddings: true,
    probeEvery: d.probeEvery,
  };
}

/** One fine-tuning check with the settings and wall time of its run. */
export interface FineTuneCheck {
  outcome: CheckOutcome;
  settings: FineTuneSettings;
  seconds: number;
}

/** Which fine-tuning checks to run. */
export type FineTuneCheckId = 'C-13' | 'C-13b' | 'C-14' | 'C-15';

/** Every fine-tuning check, in the curriculum's order. */
export const FINE_TUNE_CHECK_IDS: readonly FineTuneCheckId[] = ['C-13', 'C-13b', 'C-14', 'C-15'];

const PRESET_OF: Record<FineTuneCheckId, PresetId> = { 'C-13': 'new-capitals', 'C-13b': 'velmora', 'C-14': 'qa-format', 'C-15': 'overfit' };

/** Runs the chosen checks one after another on fresh copies of `entry`; `onProgress` hears every step. */
export async function runFineTuneChecks(
  entry: LoadedModel,
  ids: readonly FineTuneCheckId[] = FINE_TUNE_CHECK_IDS,
  onProgress: (id: FineTuneCheckId, step: number, total: number) => void = () => {},
): Promise<FineTuneCheck[]> {
  const session = new FineTuneSession(entry);
  const before: EvalContext = { model: entry.model, tokenizer: entry.tokenizer };
  const after: EvalContext = { model: session.model, tokenizer: entry.tokenizer };
  const results: FineTuneCheck[] = [];
  for (const id of ids) {
    const settings = defaultSettings(PRESET_OF[id], entry.model.config.nLayers);
    const heldOutLosses: number[] = [];
    const started = performance.now();
    await session.run(
      settings,
      (tick) => {
        onProgress(id, tick.progress.step, tick.progress.totalSteps);
        if (tick.readings?.heldOutLoss !== undefined) heldOutLosses.push(tick.readings.heldOutLoss);
      },
      () => false,
    );
    const seconds = (performance.now() - started) / 1000;
    const outcome =
      id === 'C-13' ? checkAfterFineTune(after)
      : id === 'C-13b' ? checkVelmoraAlone(after)
      : id === 'C-14' ? checkSft(before, after)
      : checkOverfitting(before, after, heldOutLosses);
    results.push({ outcome, settings, seconds });
    session.reset();
  }
  return results;
}
