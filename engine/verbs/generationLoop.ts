// The generation loop run two ways, for the KV-cache lesson: with the cache (one new position per step) or
// by re-running the whole prefix every step. Same seed, same sampler: the tokens must come out identical;
// only the work differs, and each step reports its multiply–adds and the cache's size.
import { EngineError } from '../errors.ts';
import type { Model } from '../model.ts';
import { requireModel } from '../modelStore.ts';
import { createRng } from '../rng.ts';
import { sampleToken } from '../sample.ts';
import { generateSteps, nextTokenLogits } from '../sampling/generate.ts';
import { generationStepMacs, kvCacheNumbers } from './generationCost.ts';
import { promptIds } from './prompt.ts';

/** Parameters of `generationLoop`. */
export interface GenerationLoopParams {
  model: string;
  text: string;
  /** Tokens to generate; prompt + maxTokens must fit the context so both ways stay exact. */
  maxTokens: number;
  seed: number;
  kvCache: boolean;
  temperature?: number;
}

/** One generated token and what it cost. */
export interface LoopStep {
  id: number;
  token: string;
  prob: number;
  /** Tokens the model read to produce it (prompt + earlier generated tokens). */
  context: number;
  macs: number;
  /** Numbers held in the KV cache after this step (0 without a cache). */
  cacheNumbers: number;
}

/** Result of `generationLoop`. */
export interface GenerationLoopResult {
  promptTokens: string[];
  steps: LoopStep[];
  totalMacs: number;
  stoppedBy: 'stop-token' | 'max-tokens';
}

/** The uncached loop: every step a full forward pass over the whole text so far, same sampler as generateSteps. */
function* uncachedSteps(model: Model, ids: readonly number[], maxTokens: number, seed: number, temperature: number, stop: number | undefined) {
  const rng = createRng(seed);
  const context = [...ids];
  for (let i = 0; i < maxTokens; i++) {
    const { token, ids: kept, probs } = sampleToken(nextTokenLogits(model, context), { temperature }, rng);
    yield { token, prob: probs[kept.indexOf(token)] };
    context.push(token);
    if (token === stop) return;
  }
}

/** Generates with the cache on or off and reports the cost of every step. */
export function generationLoopVerb(params: GenerationLoopParams): GenerationLoopResult {
  const entry = requireModel(params.model);
  const ids = promptIds(entry, params.text);
  const { config } = entry.model;
  const room = config.contextLength - ids.length;
  if (!Number.isInteger(params.maxTokens) || params.maxTokens < 1 || params.maxTokens > room) {
    throw new EngineError('bad-input', room < 1
      ? `The prompt already fills the ${config.contextLength}-token context: shorten it.`
      : `Ask for between 1 and ${room} tokens: the prompt (${ids.length} tokens) and the new tokens must fit in ${config.contextLength}.`);
  }
  if (!Number.isInteger(params.seed)) throw new EngineError('bad-input', `The seed must be a whole number, not ${String(params.seed)}.`);
  const temperature = params.temperature ?? 1;
  if (!(Number.isFinite(temperature) && temperature > 0)) throw new EngineError('bad-input', `The temperature must be above 0, not ${String(temperature)}.`);
  const stop = entry.tokenizer.idOf('<eos>');
  const draws = params.kvCache
    ? (function* () {
      for (const s of generateSteps(entry.model, ids, { maxTokens: params.maxTokens, seed: params.seed, temperature, stopIds: stop === undefined ? [] : [stop] })) {
        yield { token: s.token, prob: s.distribution.probs[s.distribution.ids.indexOf(s.token)] };
      }
    })()
    : uncachedSteps(entry.model, ids, params.maxTokens, params.seed, temperature, stop);
  const steps: LoopStep[] = [];
  for (const { token, prob } of draws) {
    const n = steps.length + 1;
    const context = ids.length + n - 1;
    steps.push({
      id: token, token: entry.tokenizer.tokenText(token), prob, context,
      macs: generationStepMacs(config, ids.length, n, params.kvCache),
      cacheNumbers: params.kvCache ? kvCacheNumbers(config, context) : 0,
    });
  }
  return {
    promptTokens: ids.map((id) => entry.tokenizer.tokenText(id)),
    steps,
    totalMacs: steps.reduce((sum, s) => sum + s.macs, 0),
    stoppedBy: steps.at(-1)?.id === stop && steps.length > 0 && stop !== undefined ? 'stop-token' : 'max-tokens',
  };
}
