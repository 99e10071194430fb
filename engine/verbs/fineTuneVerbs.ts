// Worker verbs of the fine-tuning lab: start or resume a run (streamed), pause via cancel, reset, read probes,
// and export the fine-tuned model as a model file.
import { EngineError } from '../errors.ts';
import type { HandlerContext } from '../handlers.ts';
import { encodeModelFile } from '../modelFile.ts';
import { requireModel } from '../modelStore.ts';
import { MAX_CUSTOM_SENTENCES, PRESET_IDS, type PresetId } from '../finetune/presets.ts';
import { FineTuneSession, fineTunedName, type FineTuneReadings, type FineTuneSettings, type FineTuneTick } from '../finetune/session.ts';
import type { MatrixChange } from '../finetune/weightDiff.ts';
import type { HistoryPoint } from '../train/trainer.ts';

const sessions = new Map<string, FineTuneSession>();
const PRESETS: readonly PresetId[] = PRESET_IDS;

/** The run for a base model; a base model loaded again (a new entry) gets a fresh run. */
function sessionFor(model: string): FineTuneSession {
  const entry = requireModel(model);
  let session = sessions.get(model);
  if (!session || session.entry !== entry) {
    session = new FineTuneSession(entry);
    sessions.set(model, session);
  }
  return session;
}

/** Rejects settings no run could honour, with a sentence for each. */
export function validateSettings(s: FineTuneSettings, nLayers: number): void {
  const fail = (message: string): never => {
    throw new EngineError('bad-input', message);
  };
  if (!PRESETS.includes(s.preset)) fail(`Unknown preset "${String(s.preset)}".`);
  if (!(s.lr > 0 && s.lr <= 0.1)) fail(`The learning rate must be above 0 and at most 0.1, not ${String(s.lr)}.`);
  if (!Number.isInteger(s.steps) || s.steps < 1 || s.steps > 2000) fail(`Steps must be a whole number from 1 to 2,000, not ${String(s.steps)}.`);
  if (!Number.isInteger(s.batch) || s.batch < 1 || s.batch > 128) fail(`The batch must hold 1 to 128 sentences, not ${String(s.batch)}.`);
  if (!Number.isInteger(s.seed)) fail('The seed must be a whole number.');
  if (!Array.isArray(s.trainBlocks) || s.trainBlocks.some((b) => !Number.isInteger(b) || b < 0 || b >= nLayers)) fail(`Blocks to train must be numbers from 0 to ${nLayers - 1}.`);
  if (!s.trainEmbeddings && s.trainBlocks.length === 0) fail('Choose at least one part of the model to train.');
  if (!Number.isInteger(s.probeEvery) || s.probeEvery < 1) fail('Probe every must be a whole number of steps ≥ 1.');
  if (s.preset === 'custom') {
    const lines = (s.sentences ?? []).map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) fail('Type at least one sentence to train on, one per line.');
    if (lines.length > MAX_CUSTOM_SENTENCES) fail(`Use at most ${MAX_CUSTOM_SENTENCES} sentences.`);
  }
}

/** Result of a run request: where it stopped, and the whole loss history so far. */
export interface FineTuneRunResult { model: string; step: number; done: boolean; history: HistoryPoint[] }

/** Starts (or, with resume, continues) fine-tuning; each step is a progress event carrying a FineTuneTick. */
export async function fineTuneVerb(params: { model: string; settings: FineTuneSettings; resume?: boolean }, ctx: HandlerContext): Promise<FineTuneRunResult> {
  const base = requireModel(params.model);
  if (!params.resume) validateSettings(params.settings, base.model.config.nLayers);
  const settings = params.settings.preset === 'custom'
    ? { ...params.settings, sentences: (params.settings.sentences ?? []).map((l) => l.trim()).filter(Boolean) }
    : params.settings;
  const session = sessionFor(params.model);
  const result = await session.run(
    settings,
    (tick: FineTuneTick) => ctx.progress(tick.progress.step, tick.progress.totalSteps, 'Fine-tuning', tick),
    () => ctx.isCancelled(),
    params.resume === true,
  );
  return { model: fineTunedName(params.model), ...result };
}

/** Restores the pretrained weights of the fine-tuned copy. */
export function fineTuneResetVerb(params: { model: string }): { model: string } {
  sessionFor(params.model).reset();
  return { model: fineTunedName(params.model) };
}

/** Probe readings of the fine-tuned copy now (before a run: the pretrained model's answers). */
export function fineTuneReadVerb(params: { model: string; preset: PresetId; sentences?: string[] }): FineTuneReadings {
  if (!PRESETS.includes(params.preset)) throw new EngineError('bad-input', `Unknown preset "${String(params.preset)}".`);
  return sessionFor(params.model).read(params);
}

/** ‖ΔW‖/‖W‖ of every matrix of the fine-tuned copy against the pretrained weights (all zero before a run). */
export function fineTuneDiffVerb(params: { model: string }): { model: string; step: number; changes: MatrixChange[] } {
  const session = sessionFor(params.model);
  return { model: fineTunedName(params.model), step: session.history.at(-1)?.step ?? 0, changes: session.changes() };
}

/** The fine-tuned model as a downloadable model file (manifest JSON + weights bytes, transferred). */
export function fineTuneExportVerb(params: { model: string }, ctx: HandlerContext): { manifestJson: string; weights: Uint8Array; fileName: string } {
  const session = sessions.get(params.model);
  if (!session || session.history.length === 0) throw new EngineError('bad-input', 'Fine-tune the model first; there is nothing new to download yet.');
  const base = requireModel(params.model);
  const { manifest, weights } = encodeModelFile(session.model, base.tokenizer, {
    name: fineTunedName(params.model),
    provenance: { fineTunedFrom: params.model, baseSha256: base.manifest.weights.sha256, history: session.history, trainedIn: 'browser worker' },
  });
  ctx.transfer.push(weights.buffer as ArrayBuffer);
  return { manifestJson: JSON.stringify(manifest, null, 2), weights, fileName: fineTunedName(params.model).replace('~', '-') };
}
