/**
 * C-1 fit: cross-entropy on a fixed slice of the validation split against H_gen, the loss a perfect
 * model would reach. Windows start at a document boundary (the previous <eos>), so every token is
 * predicted with its whole document as context, exactly the conditioning H_gen is computed with.
 */
import { forward } from '../model.ts';
import { encodeStrict, idOfStrict } from './probes.ts';
import type { CheckOutcome, EvalContext } from './types.ts';
import { round } from './types.ts';

/** Validation cross-entropy may exceed H_gen by at most this many nats per token. */
export const FIT_MAX_EXCESS = 0.15;
/** Documents in the default fixed slice (the first ones of the validation split, ≈ 5,700 tokens). */
export const DEFAULT_FIT_DOCUMENTS = 200;

/** A validation document as the generator writes it: text ending in <eos>, and its exact cost in nats. */
export interface ValidationDocument {
  text: string;
  nats: number;
}

/** One forward window: inputs stream[start, end − 1), scoring the targets stream[scoreFrom, end). */
export interface FitWindow {
  start: number;
  end: number;
  scoreFrom: number;
}

/**
 * Splits a token stream (which starts with <eos>) into windows of at most `context` inputs. Each window
 * starts at the <eos> before the first document it scores and ends at a document end when one fits; a
 * document longer than the context is continued with half a context of its own tokens as context.
 */
export function fitWindows(stream: readonly number[], eosId: number, context: number): FitWindow[] {
  const n = stream.length;
  const docStart = new Int32Array(n); // index of the <eos> that precedes position i's document
  let lastEos = 0;
  for (let i = 0; i < n; i++) {
    docStart[i] = lastEos;
    if (stream[i] === eosId) lastEos = i;
  }
  const windows: FitWindow[] = [];
  let next = 1;
  while (next < n) {
    let start = docStart[next];
    if (next - start > context >> 1) start = next - (context >> 1);
    let end = Math.min(n, start + context + 1);
    if (end < n) {
      let e = end;
      while (e > next && stream[e - 1] !== eosId) e--;
      if (e > next) end = e;
    }
    windows.push({ start, end, scoreFrom: next });
    next = end;
  }
  return windows;
}

/** Mean −ln p(next token) over a token stream, in nats per scored token. */
export function streamCrossEntropy(ctx: EvalContext, stream: readonly number[], eosId: number): { nats: number; tokens: number } {
  const { contextLength: C, vocabSize: V } = ctx.model.config;
  let nats = 0;
  let tokens = 0;
  for (const w of fitWindows(stream, eosId, C)) {
    const input = stream.slice(w.start, w.end - 1);
    const { logits } = forward(ctx.model, input, ctx.forwardOptions);
    for (let target = w.scoreFrom; target < w.end; target++) {
      const rowStart = (target - 1 - w.start) * V;
      let max = -Infinity;
      for (let v = 0; v < V; v++) max = Math.max(max, logits[rowStart + v]);
      let sum = 0;
      for (let v = 0; v < V; v++) sum += Math.exp(logits[rowStart + v] - max);
      nats += Math.log(sum) + max - logits[rowStart + stream[target]];
      tokens++;
    }
  }
  return { nats, tokens };
}

/** What C-1 measured. */
export interface FitMeasurement {
  crossEntropy: number;
  /** H_gen of exactly the scored documents (Σ nats / Σ tokens). */
  hGenSlice: number;
  tokens: number;
  documents: number;
  lnV: number;
  /** H_gen of the whole corpus, if known (as the manifest records it). */
  hGenCorpus?: number;
  /** The loss before training, if the trainer recorded it (should be ≈ ln V). */
  startLoss?: number;
}

/** C-1 measurement on the given validation documents (pass the fixed slice). */
export function measureFit(ctx: EvalContext, documents: readonly ValidationDocument[], extra: Pick<FitMeasurement, 'hGenCorpus' | 'startLoss'> = {}): FitMeasurement {
  const eosId = idOfStrict(ctx.tokenizer, '<eos>');
  const stream = [eosId];
  let genNats = 0;
  for (const doc of documents) {
    stream.push(...encodeStrict(ctx.tokenizer, doc.text));
    genNats += doc.nats;
  }
  const { nats, tokens } = streamCrossEntropy(ctx, stream, eosId);
  return { crossEntropy: nats / tokens, hGenSlice: genNats / tokens, tokens, documents: documents.length, lnV: Math.log(ctx.model.config.vocabSize), ...extra };
}

/** C-1 verdict. */
export function judgeFit(m: FitMeasurement): CheckOutcome {
  const excess = m.crossEntropy - m.hGenSlice;
  return {
    id: 'C-1',
    title: 'Fit: validation loss near H_gen',
    met: excess <= FIT_MAX_EXCESS,
    measured: {
      validationLoss: round(m.crossEntropy),
      hGen: round(m.hGenSlice),
      excess: round(excess),
      tokens: m.tokens,
      lnV: round(m.lnV),
      startLoss: m.startLoss === undefined ? 'not recorded' : round(m.startLoss),
      hGenCorpus: m.hGenCorpus === undefined ? null : round(m.hGenCorpus),
    },
    threshold: `validation cross-entropy ≤ H_gen + ${FIT_MAX_EXCESS} nats/token (${m.documents} validation documents); start loss ≈ ln V reported`,
  };
}
