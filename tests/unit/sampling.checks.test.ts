// make-it-deterministic, run on the course model itself: the worker's nextToken verb gives the logits after
// "the king and the", and the check is false at the curriculum start and true after a decoding-only change.
import { beforeAll, describe, expect, test } from 'vitest';
import { readModelDir } from '../../scripts/modelDir.ts';
import { handle, type HandlerContext } from '../../engine/handlers.ts';
import { clearModels, putModel } from '../../engine/modelStore.ts';
import { softmaxChecks } from '../../lessons/checks/softmax.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { DEFAULT_SAMPLING, samplingView, type CachedLogits, type SamplingSettings } from '../../widgets/sampling/samplingModel.ts';
import { readLesson } from './fixtures/lessonQuiz.ts';

const ctx: HandlerContext = { progress: () => {}, isCancelled: () => false, transfer: [] };
const PROMPT = 'the king and the';
let cached: CachedLogits;
let topProb: number;

beforeAll(async () => {
  clearModels();
  const { model, tokenizer, manifest } = await readModelDir('public/models/tw-learned');
  putModel({ name: 'tw-learned', model, tokenizer, manifest });
  const r = await handle('nextToken', { model: 'tw-learned', text: PROMPT, top: 1 }, ctx);
  const vocabulary = Array.from({ length: tokenizer.vocabSize }, (_, id) => tokenizer.tokenText(id));
  cached = { prompt: PROMPT, logits: r.logits, vocabulary };
  topProb = r.candidates[0].prob;
}, 30_000);

const check = softmaxChecks['make-it-deterministic'];
/** Start state exactly as the lesson declares it, merged over the widget defaults, then a change. */
function solved(change: Partial<SamplingSettings>): boolean {
  const start = readLesson('05-softmax.mdx').lesson.exercises.find((e) => e.id === 'make-it-deterministic')!.start as Partial<SamplingSettings>;
  const state = { ...DEFAULT_SAMPLING, ...start, ...change };
  return runCheck(check, { state, view: samplingView(state, cached), answer: '' });
}

describe('make-it-deterministic on tw-learned', () => {
  test('the lesson starts where the curriculum says: "the king and the", sample, τ 1, seed 7, 20 samples', () => {
    const start = readLesson('05-softmax.mdx').lesson.exercises.find((e) => e.id === 'make-it-deterministic')!.start;
    expect(start).toEqual({ prompt: PROMPT, mode: 'sample', tau: 1, seed: 7, n: 20 });
  });

  test('not solved at the start: sampling at τ = 1 gives several different tokens', () => {
    expect(solved({})).toBe(false);
  });

  test('greedy solves it, and so does top-k = 1', () => {
    expect(solved({ mode: 'greedy' })).toBe(true);
    expect(solved({ topK: 1 })).toBe(true);
  });

  test('top-p solves it only below the top token’s probability', () => {
    expect(solved({ topP: Math.max(0.01, Math.floor(topProb * 100) / 100) })).toBe(true);
    expect(solved({ topP: 0.9 })).toBe(false);
  });

  test('lowering τ alone does not solve it here: the top logits are too close even at τ = 0.05', () => {
    expect(solved({ tau: 0.05 })).toBe(false);
  });

  test('the kept set the panel computes from the cached logits is the one the nextToken verb reports', async () => {
    for (const options of [{ temperature: 1, topP: 0.5 }, { temperature: 0.3, topK: 5 }, { temperature: 2, topK: 50, topP: 0.9 }]) {
      const verb = await handle('nextToken', { model: 'tw-learned', text: PROMPT, top: 1, ...options }, ctx);
      const view = samplingView({ ...DEFAULT_SAMPLING, prompt: PROMPT, tau: options.temperature, topK: options.topK ?? 0, topP: options.topP ?? 1 }, cached);
      expect(view.kept).toEqual(verb.sampling.ids.map((id) => cached.vocabulary[id]));
      view.keptProbs.forEach((p, i) => expect(p).toBeCloseTo(verb.sampling.probs[i], 12));
    }
  });

  test('changing the prompt or drawing fewer samples does not count', () => {
    expect(solved({ prompt: 'the capital of france is', mode: 'greedy' })).toBe(false);
    expect(solved({ mode: 'greedy', n: 19 })).toBe(false);
  });

  test('the model is unsure here: its top next token has under 10 %', () => {
    expect(topProb).toBeLessThan(0.1);
  });
});
