// FineTuneBench's plain data (W10.2): the shareable settings with their URL schema, the conversion to the
// engine's run settings, and the view exercise checks read. No runes, so Node tests and the content schema can import it.
import { z } from 'zod';
import { PRESET_DEFAULTS, PRESET_IDS, MAX_CUSTOM_SENTENCES, type PresetId } from '../../../engine/finetune/presets.ts';
import type { FineTuneReadings, FineTuneSettings } from '../../../engine/finetune/session.ts';
import type { ProbeReading } from '../../../engine/finetune/probes.ts';
import { HELD_OUT_CAPITALS } from '../../../engine/corpus/wordLists.ts';
import { defineWidgetState } from '../../kit/urlState.ts';

/** Blocks of a TinyWorld model (curriculum §2.1). */
export const LAB_BLOCKS = 4;
/** Longest custom training text, in characters: enough for dozens of sentences, and short enough for a link. */
export const CUSTOM_TEXT_MAX_CHARS = 2000;
/** Highest step count the lab offers (the engine accepts up to 2,000). */
export const MAX_LAB_STEPS = 400;

/** What the learner chose; a link with these settings reproduces the same run (same data, seed, curve). */
export interface FineTuneBenchSettings {
  model: string;
  preset: PresetId;
  /** The learner's own sentences, one per line (used by the custom preset). */
  text: string;
  replay: boolean;
  lr: number;
  steps: number;
  seed: number;
  /** Blocks whose weights train, 0-based. */
  trainBlocks: number[];
  trainEmbeddings: boolean;
  /** Early stopping: the run ends at this step (0 = off). */
  stopStep: number;
}

/** Settings a preset starts from: its learning rate, steps and replay, every block training, no early stop. */
export function presetSettings(preset: PresetId, base: Partial<FineTuneBenchSettings> = {}): FineTuneBenchSettings {
  const d = PRESET_DEFAULTS[preset];
  return {
    model: base.model ?? 'tw-learned', preset, text: base.text ?? 'the capital of velmora is quorvia .', replay: d.replay, lr: d.lr, steps: d.steps,
    seed: base.seed ?? 1, trainBlocks: [0, 1, 2, 3], trainEmbeddings: true, stopStep: 0,
  };
}

/** Defaults: teach velmora → quorvia, with replay. */
export const DEFAULT_FINE_TUNE_BENCH: FineTuneBenchSettings = presetSettings('velmora');

const schema = z.object({
  model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  preset: z.enum(PRESET_IDS as [PresetId, ...PresetId[]]),
  text: z.string().max(CUSTOM_TEXT_MAX_CHARS),
  replay: z.boolean(),
  lr: z.number().gt(0).max(0.1),
  steps: z.number().int().min(1).max(MAX_LAB_STEPS),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  trainBlocks: z.array(z.number().int().min(0).max(LAB_BLOCKS - 1)).max(LAB_BLOCKS),
  trainEmbeddings: z.boolean(),
  stopStep: z.number().int().min(0).max(MAX_LAB_STEPS),
});

/** Version 1 of the URL state. */
export const fineTuneBenchState = defineWidgetState<FineTuneBenchSettings>({ version: 1, schema, defaults: DEFAULT_FINE_TUNE_BENCH });

/** The learner's lines as training sentences: trimmed, blank lines dropped. */
export function customSentences(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** A sentence saying why these settings cannot start a run, or null when they can. */
export function settingsProblem(s: FineTuneBenchSettings): string | null {
  if (!s.trainEmbeddings && s.trainBlocks.length === 0) return 'Choose at least one part of the model to train.';
  if (!(s.lr > 0 && s.lr <= 0.1)) return 'The learning rate must be above 0 and at most 0.1.';
  if (!Number.isInteger(s.steps) || s.steps < 1 || s.steps > MAX_LAB_STEPS) return `Steps must be a whole number from 1 to ${MAX_LAB_STEPS}.`;
  if (s.stopStep < 0 || !Number.isInteger(s.stopStep)) return 'Early stopping must be a whole step number (0 turns it off).';
  if (s.preset === 'custom') {
    if (s.text.length > CUSTOM_TEXT_MAX_CHARS) return `That text is ${s.text.length.toLocaleString('en')} characters long; use at most ${CUSTOM_TEXT_MAX_CHARS.toLocaleString('en')}.`;
    const lines = customSentences(s.text);
    if (lines.length === 0) return 'Type at least one sentence to train on, one per line.';
    if (lines.length > MAX_CUSTOM_SENTENCES) return `Use at most ${MAX_CUSTOM_SENTENCES} sentences (you have ${lines.length}).`;
  }
  return null;
}

/** The step a run ends at: early stopping cuts it short when set below the step count. */
export function lastStep(s: Pick<FineTuneBenchSettings, 'steps' | 'stopStep'>): number {
  return s.stopStep > 0 ? Math.min(s.steps, s.stopStep) : s.steps;
}

/** The engine's run settings for the lab's settings (batch and probe interval come from the preset). */
export function engineSettings(s: FineTuneBenchSettings): FineTuneSettings {
  const d = PRESET_DEFAULTS[s.preset];
  return {
    preset: s.preset,
    sentences: s.preset === 'custom' ? customSentences(s.text) : undefined,
    replay: s.replay,
    lr: s.lr,
    steps: lastStep(s),
    batch: d.batch,
    seed: s.seed,
    trainBlocks: [...s.trainBlocks].sort((a, b) => a - b),
    trainEmbeddings: s.trainEmbeddings,
    probeEvery: d.probeEvery,
  };
}

/** One point of the loss curves: the training loss of that step and, on probe steps, the held-out loss. */
export interface CurvePoint { step: number; train?: number; heldOut?: number }

/** The step with the lowest held-out loss on a curve (the first, on ties), or null without held-out readings. */
export function argminHeldOut(curve: readonly CurvePoint[]): number | null {
  let best: CurvePoint | null = null;
  for (const p of curve) if (p.heldOut !== undefined && (!best || p.heldOut < best.heldOut!)) best = p;
  return best ? best.step : null;
}

/** What one finished (or stopped) run left behind, for the forgetting exercise. */
export interface RunSummary {
  preset: PresetId;
  replay: boolean;
  steps: number;
  /** Held-out countries (of 8) whose capital is now top-1. */
  newCorrect: number;
  /** Known capitals (of 24) still top-1. */
  knownCorrect: number;
}

const HELD_OUT_COUNTRIES = new Set(HELD_OUT_CAPITALS.map((f) => f.country));

/** The numbers the probes give: the first probe's target probability, new facts and known capitals right. */
export interface ProbeSummary {
  /** Probability of the first probe's target (quorvia for the velmora preset); null when the preset has no probes. */
  target: number | null;
  /** Probes of held-out countries answered top-1 (of 8). */
  newCorrect: number;
  /** Every probe of the preset answered top-1. */
  probesCorrect: number;
  probesTotal: number;
  knownCapitalsCorrect: number;
  knownCapitalsTotal: number;
}

/** Summarises one set of probe readings. */
export function probeSummary(r: Pick<FineTuneReadings, 'probes' | 'general'> | null): ProbeSummary {
  const probes: ProbeReading[] = r?.probes ?? [];
  const general: ProbeReading[] = r?.general ?? [];
  return {
    target: probes.length ? probes[0].prob : null,
    newCorrect: probes.filter((p) => p.top1 && HELD_OUT_COUNTRIES.has(countryOf(p.prompt))).length,
    probesCorrect: probes.filter((p) => p.top1).length,
    probesTotal: probes.length,
    knownCapitalsCorrect: general.filter((g) => g.top1).length,
    knownCapitalsTotal: general.length,
  };
}

/** "the capital of brazil is" → "brazil". */
function countryOf(prompt: string): string {
  return prompt.trim().split(/\s+/).at(-2) ?? '';
}

/** What exercise checks read. */
export interface FineTuneBenchView {
  status: RunStatus;
  step: number;
  /** The latest probe readings (before any run: the pretrained model's). */
  probe: ProbeSummary;
  /** Runs made on this page, oldest first. */
  runs: RunSummary[];
  /** Held-out minimum of the latest run that ran its full length without early stopping. */
  argminValStep: number | null;
}

/** Where the lab is. */
export type RunStatus = 'idle' | 'running' | 'paused' | 'done';

/** Steps per second and seconds left, from steps done in this session and the wall time they took. */
export function speed(stepsDone: number, seconds: number, stepsLeft: number): { stepsPerSecond: number; etaSeconds: number } {
  const stepsPerSecond = seconds > 0 && stepsDone > 0 ? stepsDone / seconds : 0;
  return { stepsPerSecond, etaSeconds: stepsPerSecond > 0 ? stepsLeft / stepsPerSecond : Number.NaN };
}

/** "1 min 5 s", "12 s", "—" for an ETA. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
