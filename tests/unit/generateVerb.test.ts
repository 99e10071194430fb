import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handle } from '../../engine/handlers.ts';
import { clearModels } from '../../engine/modelStore.ts';
import { generate } from '../../engine/sampling/generate.ts';
import { config, params, recordingContext, serveTinyModel, vocab } from './fixtures/servedModel.ts';

beforeEach(async () => {
  clearModels();
  serveTinyModel();
  await handle('loadModel', { name: 'tiny' }, recordingContext().ctx);
});
afterEach(() => vi.unstubAllGlobals());

describe('generate verb', () => {
  it('streams every token as progress and returns the same text as the engine’s own generate', async () => {
    const { ctx, progress } = recordingContext();
    const r = await handle('generate', { model: 'tiny', text: 'the cat', maxTokens: 5, seed: 11, temperature: 1 }, ctx);
    const direct = generate({ config, params }, [10, 11], { maxTokens: 5, seed: 11, temperature: 1, stopIds: [2] });
    expect(r.generated.map((g) => g.id)).toEqual(direct.ids);
    expect(progress.map((p) => (p.data as { id: number }).id)).toEqual(direct.ids);
    expect(r.generated.every((g) => g.token === vocab[g.id] && g.prob > 0 && g.prob <= 1)).toBe(true);
    expect(r.promptTokens).toEqual(['the', 'cat']);
  });

  it('the same seed and settings reproduce the same text; greedy ignores the seed', async () => {
    const run = (seed: number, temperature: number) =>
      handle('generate', { model: 'tiny', text: 'the dog', maxTokens: 6, seed, temperature }, recordingContext().ctx).then((r) => r.generated.map((g) => g.id));
    expect(await run(3, 1.5)).toEqual(await run(3, 1.5));
    expect(await run(1, 0)).toEqual(await run(2, 0));
  });

  it('stops between tokens when cancelled', async () => {
    const { ctx, cancel } = recordingContext();
    const pending = handle('generate', { model: 'tiny', text: 'the', maxTokens: 7, seed: 1 }, ctx);
    cancel();
    const r = await pending;
    expect(r.stoppedBy).toBe('cancelled');
    expect(r.generated.length).toBeLessThan(7);
  });

  it('refuses a token count or seed it cannot honour', async () => {
    await expect(handle('generate', { model: 'tiny', text: 'the', maxTokens: 0, seed: 1 }, recordingContext().ctx)).rejects.toThrow(/between 1 and 500/);
    await expect(handle('generate', { model: 'tiny', text: 'the', maxTokens: 3, seed: 1.5 }, recordingContext().ctx)).rejects.toThrow(/whole number/);
  });
});

describe('embedding verbs', () => {
  it('embeddingMap gives one point per token, and explains at most all the variance', async () => {
    const r = await handle('embeddingMap', { model: 'tiny', dims: 2 }, recordingContext().ctx);
    expect(r.coords).toHaveLength(vocab.length * 2);
    expect(r.explained[0]).toBeGreaterThanOrEqual(r.explained[1]);
    expect(r.explained[0] + r.explained[1]).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('neighbours ranks by cosine, leaves out the word itself and special tokens', async () => {
    const r = await handle('neighbours', { model: 'tiny', word: 'Cat', k: 5 }, recordingContext().ctx);
    expect(r.word).toBe('cat');
    expect(r.neighbours).toHaveLength(5);
    expect(r.neighbours.map((n) => n.token)).not.toContain('cat');
    expect(r.neighbours.some((n) => n.token.startsWith('<'))).toBe(false);
    const cosines = r.neighbours.map((n) => n.cosine);
    expect(cosines).toEqual([...cosines].sort((a, b) => b - a));
  });

  it('an unknown word gets a suggestion', async () => {
    await expect(handle('neighbours', { model: 'tiny', word: 'dgo' }, recordingContext().ctx)).rejects.toThrow(/"dgo" is not in the model's vocabulary. Try "dog"/);
  });

  it('analogy excludes its three inputs', async () => {
    const r = await handle('analogy', { model: 'tiny', a: 'cat', b: 'dog', c: 'fish', k: 3 }, recordingContext().ctx);
    expect(r.expression).toBe('cat − dog + fish');
    for (const w of ['cat', 'dog', 'fish']) expect(r.neighbours.map((n) => n.token)).not.toContain(w);
  });
});
