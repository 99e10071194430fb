import type { SerializedError } from './errors.ts';
import type { SoftmaxResult } from './softmax.ts';

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
