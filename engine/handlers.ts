import { EngineError } from './errors.ts';
import type { EngineVerbs, ParamsOf, ResultOf, Verb } from './protocol.ts';
import { softmaxWithTemperature } from './softmax.ts';
import { analogyVerb, embeddingMapVerb, neighboursVerb } from './verbs/embeddingVerbs.ts';
import { wordVectorsVerb } from './verbs/wordVectors.ts';
import { appendCompareVerb, positionLossesVerb } from './verbs/maskingVerbs.ts';
import { positionEmbeddingsVerb } from './verbs/positionEmbeddings.ts';
import { forwardWithoutPositionsVerb } from './verbs/forwardWithoutPositions.ts';
import { generateVerb } from './verbs/generateVerb.ts';
import { generationLoopVerb } from './verbs/generationLoop.ts';
import { ngramCountsVerb } from './verbs/ngramVerb.ts';
import { fineTuneDiffVerb, fineTuneExportVerb, fineTuneReadVerb, fineTuneResetVerb, fineTuneVerb } from './verbs/fineTuneVerbs.ts';
import { forwardVerb, loadModelVerb, logitLensVerb, nextTokenVerb, tokenizeVerb } from './verbs/modelVerbs.ts';

/** What a handler may use besides its parameters: progress reports and a cancellation probe. */
export interface HandlerContext {
  progress(done: number, total: number, label?: string, data?: unknown): void;
  isCancelled(): boolean;
  /** Buffers to transfer (not copy) with the result. */
  transfer: Transferable[];
}

/** A function that runs one verb. */
export type Handler<V extends Verb> = (params: ParamsOf<V>, ctx: HandlerContext) => ResultOf<V> | Promise<ResultOf<V>>;

/** The verb table; `handle` dispatches through it. */
export const handlers: { [V in Verb]: Handler<V> } = {
  softmax: ({ scores, temperature }) => {
    if (!Array.isArray(scores)) throw new EngineError('bad-input', 'Scores must be a list of numbers.');
    return softmaxWithTemperature(scores, temperature);
  },
  ping: () => ({ pong: true }),
  loadModel: loadModelVerb,
  tokenize: tokenizeVerb,
  forward: forwardVerb,
  nextToken: nextTokenVerb,
  logitLens: logitLensVerb,
  generate: generateVerb,
  generationLoop: generationLoopVerb,
  embeddingMap: (params, ctx) => {
    const result = embeddingMapVerb(params);
    ctx.transfer.push(result.coords.buffer as ArrayBuffer);
    return result;
  },
  neighbours: neighboursVerb,
  analogy: analogyVerb,
  ngramCounts: ngramCountsVerb,
  wordVectors: wordVectorsVerb,
  forwardWithoutPositions: forwardWithoutPositionsVerb,
  positionLosses: positionLossesVerb,
  appendCompare: appendCompareVerb,
  positionEmbeddings: (params, ctx) => {
    const result = positionEmbeddingsVerb(params);
    ctx.transfer.push(result.rows.buffer as ArrayBuffer);
    return result;
  },
  fineTune: fineTuneVerb,
  fineTuneReset: fineTuneResetVerb,
  fineTuneRead: fineTuneReadVerb,
  fineTuneExport: fineTuneExportVerb,
  fineTuneDiff: fineTuneDiffVerb,
};

/** Runs one verb by name, refusing names the engine does not know. */
export async function handle<V extends Verb>(verb: V, params: ParamsOf<V>, ctx: HandlerContext): Promise<EngineVerbs[V]['result']> {
  const handler = (handlers as Record<string, Handler<Verb> | undefined>)[verb];
  if (!handler) throw new EngineError('unknown-verb', `The engine does not know how to "${String(verb)}". The page may be newer than the engine: reload it.`);
  if (params === null || typeof params !== 'object') throw new EngineError('bad-input', `The request for "${String(verb)}" had no parameters.`);
  return (await handler(params as ParamsOf<Verb>, ctx)) as ResultOf<V>;
}
