// Worker verbs that load and run a course model: load, tokenize, forward (with trace), next-token
// distribution and logit lens. Each returns plain data; big arrays are listed for transfer, not copied.
import { EngineError } from '../errors.ts';
import type { HandlerContext } from '../handlers.ts';
import { fetchModel } from '../fetchModel.ts';
import { logitLens } from '../logitLens.ts';
import { forward, type ForwardOptions } from '../model.ts';
import { findModel, putModel, requireModel, type LoadedModel } from '../modelStore.ts';
import { samplingDistribution, type SamplingDistribution, type SamplingOptions } from '../sample.ts';
import type { Encoding } from '../tokenizer/types.ts';
import { traceBuffers, type Trace } from '../trace.ts';
import type { ModelConfig } from '../config.ts';
import { assertText, promptIds, tokenTexts } from './prompt.ts';

/** What a page learns about a model once it is loaded. */
export interface ModelSummary {
  name: string;
  config: ModelConfig;
  parameterCount: number;
  /** Text of every token id, in id order. */
  vocabulary: string[];
  provenance: Record<string, unknown>;
  evals: Record<string, unknown>;
}

/** Inference-time switches a widget may flip (masking and rotary chapters). */
export interface RunOptions {
  causal?: boolean;
  ropeBase?: number;
  /** One multiplier per rotary pair, [dk/2]. */
  ropeFreqScale?: number[];
}

/** One candidate next token. */
export interface Candidate { id: number; token: string; logit: number; prob: number }

function summarize(entry: LoadedModel): ModelSummary {
  const { manifest, tokenizer } = entry;
  return {
    name: entry.name,
    config: manifest.config,
    parameterCount: manifest.parameterCount,
    vocabulary: Array.from({ length: tokenizer.vocabSize }, (_, id) => tokenizer.tokenText(id)),
    provenance: manifest.provenance,
    evals: manifest.evals,
  };
}

/** Checks and converts a widget's inference switches into forward options. */
export function forwardRunOptions(run: RunOptions, entry: LoadedModel): Omit<ForwardOptions, 'trace'> {
  const options: Omit<ForwardOptions, 'trace'> = { causal: run.causal ?? true };
  if (run.ropeBase !== undefined) {
    if (!(Number.isFinite(run.ropeBase) && run.ropeBase > 1)) throw new EngineError('bad-input', `The rotary base must be a number above 1, not ${String(run.ropeBase)}.`);
    options.ropeBase = run.ropeBase;
  }
  if (run.ropeFreqScale !== undefined) {
    const pairs = entry.model.config.dModel / entry.model.config.nHeads / 2;
    if (!Array.isArray(run.ropeFreqScale) || run.ropeFreqScale.length !== pairs || !run.ropeFreqScale.every(Number.isFinite)) {
      throw new EngineError('bad-input', `Give one finite frequency multiplier for each of the ${pairs} rotary pairs.`);
    }
    options.ropeFreqScale = Float32Array.from(run.ropeFreqScale);
  }
  return options;
}

/** Downloads and verifies a model (once per worker), reporting progress in bytes. */
export async function loadModelVerb(params: { name: string; base?: string }, ctx: HandlerContext): Promise<ModelSummary> {
  const cached = findModel(params.name);
  if (cached) return summarize(cached);
  const entry = await fetchModel(params.base ?? '/models', params.name, (received, total) => ctx.progress(received, total, 'Downloading the model'));
  putModel(entry);
  return summarize(entry);
}

/** Tokenizes text with a model's tokenizer; unknown words are reported with positions and suggestions, never dropped. */
export function tokenizeVerb(params: { model: string; text: string }): Encoding & { tokens: string[] } {
  const entry = requireModel(params.model);
  assertText(params.text);
  const encoding = entry.tokenizer.encode(params.text);
  return { ...encoding, tokens: tokenTexts(entry, encoding.ids) };
}

/** Runs the model over text; logits [T, V] and, if asked, every intermediate are transferred to the page. */
export function forwardVerb(
  params: { model: string; text: string; trace?: boolean } & RunOptions,
  ctx: HandlerContext,
): { ids: number[]; tokens: string[]; logits: Float32Array; trace?: Trace } {
  const entry = requireModel(params.model);
  const ids = promptIds(entry, params.text);
  const result = forward(entry.model, ids, { ...forwardRunOptions(params, entry), trace: params.trace === true });
  ctx.transfer.push(result.logits.buffer as ArrayBuffer);
  if (result.trace) {
    // The trace's logits share the result's buffer in some builds; transfer each buffer once.
    for (const buffer of traceBuffers(result.trace)) if (!ctx.transfer.includes(buffer)) ctx.transfer.push(buffer);
  }
  return { ids, tokens: tokenTexts(entry, ids), logits: result.logits, trace: result.trace };
}

/** The model's next-token distribution after the text: the top candidates and, for decoding settings, what survives truncation. */
export function nextTokenVerb(
  params: { model: string; text: string; top?: number } & RunOptions & SamplingOptions,
  ctx: HandlerContext,
): { tokens: string[]; candidates: Candidate[]; logits: Float32Array; sampling: SamplingDistribution } {
  const entry = requireModel(params.model);
  const ids = promptIds(entry, params.text);
  const { logits: all } = forward(entry.model, ids, forwardRunOptions(params, entry));
  const V = entry.model.config.vocabSize;
  const logits = all.slice((ids.length - 1) * V, ids.length * V);
  const plain = samplingDistribution(logits, { temperature: 1 });
  const top = Math.max(1, Math.min(params.top ?? 10, V));
  const candidates = plain.ids.slice(0, top).map((id, i) => ({ id, token: entry.tokenizer.tokenText(id), logit: logits[id], prob: plain.probs[i] }));
  const sampling = samplingDistribution(logits, { temperature: params.temperature, topK: params.topK, topP: params.topP });
  ctx.transfer.push(logits.buffer as ArrayBuffer);
  return { tokens: tokenTexts(entry, ids), candidates, logits, sampling };
}

/** What each depth of the residual stream would predict at one position (logit lens), top tokens only. */
export function logitLensVerb(
  params: { model: string; text: string; position?: number; top?: number } & RunOptions,
): { tokens: string[]; position: number; stages: { stage: string; layer: number; top: Candidate[] }[] } {
  const entry = requireModel(params.model);
  const ids = promptIds(entry, params.text);
  const position = params.position ?? ids.length - 1;
  if (!Number.isInteger(position) || position < 0 || position >= ids.length) {
    throw new EngineError('bad-input', `Position ${String(position)} is outside the text (0 to ${ids.length - 1}).`);
  }
  const { trace } = forward(entry.model, ids, { ...forwardRunOptions(params, entry), trace: true });
  const top = Math.max(1, Math.min(params.top ?? 5, entry.model.config.vocabSize));
  const stages = logitLens(entry.model, trace!, position, { includeAttention: true }).map((s) => {
    const order = Array.from(s.probs.keys()).sort((a, b) => s.probs[b] - s.probs[a]).slice(0, top);
    return { stage: s.stage, layer: s.layer, top: order.map((id) => ({ id, token: entry.tokenizer.tokenText(id), logit: s.logits[id], prob: s.probs[id] })) };
  });
  return { tokens: tokenTexts(entry, ids), position, stages };
}
