import type { SerializedError } from './errors.ts';
import type { SoftmaxResult } from './softmax.ts';
import type { SamplingDistribution, SamplingOptions } from './sample.ts';
import type { Encoding } from './tokenizer/types.ts';
import type { Trace } from './trace.ts';
import type { Candidate, ModelSummary, RunOptions } from './verbs/modelVerbs.ts';
import type { GenerateParams, GenerateVerbResult } from './verbs/generateVerb.ts';
import type { WordNeighbour } from './verbs/embeddingVerbs.ts';
import type { NgramResult } from './verbs/ngramVerb.ts';
import type { WordVectorsResult } from './verbs/wordVectors.ts';
import type { AppendCompareResult, PositionLossesResult } from './verbs/maskingVerbs.ts';
import type { PositionEmbeddingsResult } from './verbs/positionEmbeddings.ts';
import type { FineTuneRunResult } from './verbs/fineTuneVerbs.ts';
import type { GenerationLoopParams, GenerationLoopResult } from './verbs/generationLoop.ts';
import type { FineTuneReadings, FineTuneSettings } from './finetune/session.ts';
import type { MatrixChange } from './finetune/weightDiff.ts';
import type { PresetId } from './finetune/presets.ts';

/**
 * Every verb the worker understands: its parameters and its result.
 * Adding a verb means adding one entry here and one handler in `handlers.ts`.
 */
export interface EngineVerbs {
  softmax: {
    params: { scores: number[]; temperature: number };
    result: SoftmaxResult;
  };
  ping: {
    params: Record<string, never>;
    result: { pong: true };
  };
  /** Download and verify a model (progress in bytes); later verbs name it by `model`. */
  loadModel: {
    params: { name: string; base?: string };
    result: ModelSummary;
  };
  tokenize: {
    params: { model: string; text: string };
    result: Encoding & { tokens: string[] };
  };
  /** Logits [T, V] for every position, and with `trace` every intermediate (transferred, not copied). */
  forward: {
    params: { model: string; text: string; trace?: boolean } & RunOptions;
    result: { ids: number[]; tokens: string[]; logits: Float32Array; trace?: Trace };
  };
  /** The next-token distribution after the text: top candidates, full logits [V], and the truncated sampling set. */
  nextToken: {
    params: { model: string; text: string; top?: number } & RunOptions & SamplingOptions;
    result: { tokens: string[]; candidates: Candidate[]; logits: Float32Array; sampling: SamplingDistribution };
  };
  /** What each depth of the residual stream would predict at a position. */
  logitLens: {
    params: { model: string; text: string; position?: number; top?: number } & RunOptions;
    result: { tokens: string[]; position: number; stages: { stage: string; layer: number; top: Candidate[] }[] };
  };
  /** Seeded generation; each token also arrives as a progress event (`data`: GeneratedToken) as soon as it is drawn. */
  generate: {
    params: GenerateParams;
    result: GenerateVerbResult;
  };
  /** Generation with the KV cache on or off (identical tokens), with multiply–adds and cache size per step. */
  generationLoop: {
    params: GenerationLoopParams;
    result: GenerationLoopResult;
  };
  /** Token embeddings projected to 2-D or 3-D by PCA: coords [V, dims]. */
  embeddingMap: {
    params: { model: string; dims: 2 | 3 };
    result: { coords: Float32Array; dims: number; explained: number[]; vocabulary: string[] };
  };
  /** Nearest words by cosine over the embedding table. */
  neighbours: {
    params: { model: string; word: string; k?: number };
    result: { word: string; neighbours: WordNeighbour[] };
  };
  /** Nearest words to a − b + c. */
  analogy: {
    params: { model: string; a: string; b: string; c: string; k?: number };
    result: { expression: string; neighbours: WordNeighbour[] };
  };
  /** The embedding rows of up to 10 words: rows [n, dModel]. */
  wordVectors: {
    params: { model: string; words: string[] };
    result: WordVectorsResult;
  };
  /** The position vectors a learned or sinusoidal model adds to its embeddings: rows [contextLength, dModel]. */
  positionEmbeddings: {
    params: { model: string };
    result: PositionEmbeddingsResult;
  };
  /** The loss −ln p(next token) at every position of one teacher-forced pass (masking chapter). */
  positionLosses: {
    params: { model: string; text: string } & RunOptions;
    result: PositionLossesResult;
  };
  /** How much appending tokens changes the earlier rows' predictions, keys and values (masking chapter). */
  appendCompare: {
    params: { model: string; text: string; appended: string } & RunOptions;
    result: AppendCompareResult;
  };
  /** A traced forward pass with the model's added position signal switched off (chapter 8's order demo). */
  forwardWithoutPositions: {
    params: { model: string; text: string };
    result: { ids: number[]; tokens: string[]; logits: Float32Array; trace: Trace };
  };
  /** What followed the last k words of the text in TinyWorld's training split (an exact n-gram count). */
  ngramCounts: {
    params: { text: string; k: number; seed?: number; top?: number };
    result: NgramResult;
  };
  /** Fine-tune a copy of a loaded model (registered as "<model>~ft"); every step arrives as progress (`data`: FineTuneTick). Cancel pauses. */
  fineTune: {
    params: { model: string; settings: FineTuneSettings; resume?: boolean };
    result: FineTuneRunResult;
  };
  /** Put the pretrained weights back into the fine-tuned copy. */
  fineTuneReset: {
    params: { model: string };
    result: { model: string };
  };
  /** Probe readings of the fine-tuned copy as it is now. */
  fineTuneRead: {
    params: { model: string; preset: PresetId; sentences?: string[] };
    result: FineTuneReadings;
  };
  /** ‖ΔW‖/‖W‖ of every matrix of the fine-tuned copy (chapter 10's WeightDiff). */
  fineTuneDiff: {
    params: { model: string };
    result: { model: string; step: number; changes: MatrixChange[] };
  };
  /** The fine-tuned copy as a model file to download. */
  fineTuneExport: {
    params: { model: string };
    result: { manifestJson: string; weights: Uint8Array; fileName: string };
  };
}

/** Name of a verb. */
export type Verb = keyof EngineVerbs;
/** Parameters of verb V. */
export type ParamsOf<V extends Verb> = EngineVerbs[V]['params'];
/** Result of verb V. */
export type ResultOf<V extends Verb> = EngineVerbs[V]['result'];

/** Client → worker: run a verb. `id` pairs the answer with the request. */
export interface RequestMessage<V extends Verb = Verb> {
  type: 'request';
  id: number;
  verb: V;
  params: ParamsOf<V>;
}

/** Client → worker: stop working on request `id` (long jobs check for this between steps). */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

/** Worker → client: the verb finished. */
export interface ResultMessage<V extends Verb = Verb> {
  type: 'result';
  id: number;
  result: ResultOf<V>;
}

/** Worker → client: the verb failed; `error.message` is a sentence for the learner. */
export interface ErrorMessage {
  type: 'error';
  id: number;
  error: SerializedError;
}

/** Worker → client: progress of a long job (`done` out of `total`, with an optional label and numbers). */
export interface ProgressMessage {
  type: 'progress';
  id: number;
  done: number;
  total: number;
  label?: string;
  data?: unknown;
}

/** Anything the client sends. */
export type ToWorker = RequestMessage | CancelMessage;
/** Anything the worker sends. */
export type FromWorker = ResultMessage | ErrorMessage | ProgressMessage;
