// ParameterCounter's plain data: hyperparameters (or a preset), their URL schema, and the per-matrix table.
// The table comes from the engine's own parameter list (`paramSpecs`), so the counter counts exactly what
// the course model stores; GPT-2 small has the same layout (biases on every projection, two LNs per block).
import { z } from 'zod';
import { courseConfig, type ModelConfig } from '../../engine/config.ts';
import { paramSpecs, shapeSize } from '../../engine/params.ts';
import { defineWidgetState } from '../kit/urlState.ts';

/** The presets a learner can pick; 'blank' empties every box, 'custom' means "edited by hand". */
export type PresetId = 'blank' | 'custom' | 'course' | 'gpt2-small' | 'gpt2-medium';

/** Hyperparameters that decide the count; null while a box is empty. */
export interface Hyperparameters {
  vocab: number | null;
  context: number | null;
  dModel: number | null;
  layers: number | null;
  heads: number | null;
  dFF: number | null;
}

/** What the learner set: a preset label, the numbers, and two architecture switches. */
export interface ParameterCounterSettings extends Hyperparameters {
  preset: PresetId;
  /** Output matrix shares the token table (GPT-2 and the course model do). */
  tied: boolean;
  /** A learned position table (GPT-2, tw-learned); sinusoidal, rotary or none add no parameters. */
  learnedPos: boolean;
}

const course = courseConfig(400);

/** Hyperparameters of each preset (the course model's vocabulary is checked against its manifest in a test). */
export const PRESETS: Record<Exclude<PresetId, 'custom'>, { label: string; values: Hyperparameters }> = {
  blank: { label: 'Blank (type your own)', values: { vocab: null, context: null, dModel: null, layers: null, heads: null, dFF: null } },
  course: {
    label: 'Course model (tw-learned)',
    values: { vocab: course.vocabSize, context: course.contextLength, dModel: course.dModel, layers: course.nLayers, heads: course.nHeads, dFF: course.dFF },
  },
  'gpt2-small': { label: 'GPT-2 small', values: { vocab: 50257, context: 1024, dModel: 768, layers: 12, heads: 12, dFF: 3072 } },
  'gpt2-medium': { label: 'GPT-2 medium', values: { vocab: 50257, context: 1024, dModel: 1024, layers: 24, heads: 16, dFF: 4096 } },
};

/** Largest value any box accepts: far above real models, small enough that counts stay exact in a double. */
export const MAX_HYPERPARAMETER = 1_000_000;

/** Defaults: the course model, tied, learned positions. */
export const DEFAULT_PARAMETER_COUNTER: ParameterCounterSettings = { preset: 'course', ...PRESETS.course.values, tied: true, learnedPos: true };

const size = z.number().int().min(1).max(MAX_HYPERPARAMETER).nullable();

/** Version 1 of the URL state. */
export const parameterCounterState = defineWidgetState<ParameterCounterSettings>({
  version: 1,
  defaults: DEFAULT_PARAMETER_COUNTER,
  schema: z.object({
    preset: z.enum(['blank', 'custom', 'course', 'gpt2-small', 'gpt2-medium']),
    vocab: size, context: size, dModel: size, layers: size, heads: size, dFF: size,
    tied: z.boolean(),
    learnedPos: z.boolean(),
  }),
});

/** Settings after picking a preset (switches kept). */
export function applyPreset(settings: ParameterCounterSettings, preset: Exclude<PresetId, 'custom'>): ParameterCounterSettings {
  return { ...settings, ...PRESETS[preset].values, preset };
}

/** One row of the table: a group of same-shaped matrices. */
export interface ParameterRow {
  /** Where it lives: 'embedding', 'block' (counted once per block), or 'output'. */
  part: 'embedding' | 'block' | 'output';
  name: string;
  /** Shape of one tensor, e.g. [768, 768]. */
  shape: number[];
  /** How many such tensors (per block for part 'block'). */
  copies: number;
  /** copies × elements, per block for block rows. */
  count: number;
}

/** What the view and exercise checks read. */
export interface ParameterCounterView {
  /** Why nothing is counted (an empty or impossible box), or null. */
  problem: string | null;
  rows: ParameterRow[];
  /** Parameters in one block (attention + FFN + two layer norms). */
  perBlock: number;
  attentionPerBlock: number;
  ffnPerBlock: number;
  layerNormPerBlock: number;
  /** Token table + position table (if learned). */
  embeddings: number;
  /** Whole model; NaN while a box is empty. */
  total: number;
  /** Share of the total held by all FFNs, and by the token table. */
  ffnShare: number;
  embeddingShare: number;
  /** fp32 size in bytes. */
  bytesFp32: number;
}

const LABELS: Record<keyof Hyperparameters, string> = {
  vocab: 'V', context: 'T_max', dModel: 'd_model', layers: 'blocks', heads: 'heads', dFF: 'd_ff',
};

/** The config the engine would build, or a sentence saying which box is wrong. */
export function configFrom(settings: ParameterCounterSettings): ModelConfig | string {
  for (const key of Object.keys(LABELS) as (keyof Hyperparameters)[]) {
    const value = settings[key];
    if (value === null || !Number.isInteger(value) || value < 1) return `Fill in ${LABELS[key]} with a whole number of at least 1.`;
    if (value > MAX_HYPERPARAMETER) return `${LABELS[key]} is capped at ${MAX_HYPERPARAMETER.toLocaleString('en-US')} here.`;
  }
  const { vocab, context, dModel, layers, heads, dFF } = settings as { [K in keyof Hyperparameters]: number };
  if (dModel % heads !== 0) return `d_model (${dModel}) must split evenly into ${heads} heads.`;
  return { vocabSize: vocab, contextLength: context, dModel, nLayers: layers, nHeads: heads, dFF, positions: settings.learnedPos ? 'learned' : 'none', ropeBase: 10000 };
}

/** Groups the engine's tensor list by role: block 0 stands for every block. */
function rowsFor(config: ModelConfig, tied: boolean): ParameterRow[] {
  const rows = new Map<string, ParameterRow>();
  for (const spec of paramSpecs(config)) {
    const match = /^blocks\.(\d+)\.(.+)$/.exec(spec.name);
    if (match && match[1] !== '0') continue;
    const part = match ? 'block' : 'embedding';
    // Biases and gains are grouped with their siblings of the same shape (wq, wk, wv, wo → one row of 4).
    const local = match ? match[2] : spec.name;
    const group = local.replace(/\.(wq|wk|wv|wo)$/, '.wq/wk/wv/wo').replace(/\.(bq|bk|bv|bo)$/, '.bq/bk/bv/bo');
    const name = group === 'lnf.gain' || group === 'lnf.bias' ? 'lnf.gain/bias' : group;
    const row = rows.get(name) ?? { part: name.startsWith('lnf') ? 'output' : part, name, shape: spec.shape, copies: 0, count: 0 };
    row.copies += 1;
    row.count += shapeSize(spec.shape);
    rows.set(name, row);
  }
  const list = [...rows.values()];
  if (!tied) list.push({ part: 'output', name: 'lm_head (untied)', shape: [config.dModel, config.vocabSize], copies: 1, count: config.dModel * config.vocabSize });
  return list;
}

/** The per-matrix table and totals; never throws (a problem sentence instead). */
export function parameterCounterView(settings: ParameterCounterSettings): ParameterCounterView {
  const config = configFrom(settings);
  if (typeof config === 'string') {
    return { problem: config, rows: [], perBlock: NaN, attentionPerBlock: NaN, ffnPerBlock: NaN, layerNormPerBlock: NaN, embeddings: NaN, total: NaN, ffnShare: NaN, embeddingShare: NaN, bytesFp32: NaN };
  }
  const rows = rowsFor(config, settings.tied);
  const sum = (keep: (row: ParameterRow) => boolean) => rows.filter(keep).reduce((s, r) => s + r.count, 0);
  const attentionPerBlock = sum((r) => r.part === 'block' && r.name.startsWith('attn.'));
  const ffnPerBlock = sum((r) => r.part === 'block' && r.name.startsWith('mlp.'));
  const layerNormPerBlock = sum((r) => r.part === 'block' && /^ln[12]\./.test(r.name));
  const perBlock = attentionPerBlock + ffnPerBlock + layerNormPerBlock;
  const embeddings = sum((r) => r.part === 'embedding');
  const total = embeddings + config.nLayers * perBlock + sum((r) => r.part === 'output');
  return {
    problem: null, rows, perBlock, attentionPerBlock, ffnPerBlock, layerNormPerBlock, embeddings, total,
    ffnShare: (config.nLayers * ffnPerBlock) / total,
    embeddingShare: (config.vocabSize * config.dModel) / total,
    bytesFp32: total * 4,
  };
}
