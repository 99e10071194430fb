// The wordVectors verb: the rows it returns are the model's embedding rows, and bad words get clear sentences.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { params, recordingContext, serveTinyModel, vocab } from './fixtures/servedModel.ts';
import { handle } from '../../engine/handlers.ts';
import { clearModels } from '../../engine/modelStore.ts';

beforeEach(async () => {
  clearModels();
  serveTinyModel();
  await handle('loadModel', { name: 'tiny' }, recordingContext().ctx);
});
afterEach(() => vi.unstubAllGlobals());

const ask = (words: string[]) => handle('wordVectors', { model: 'tiny', words }, recordingContext().ctx);

describe('wordVectors', () => {
  it('returns the wte rows of the words, in order, normalising case and spaces', async () => {
    const result = await ask(['Apple', ' cat ']);
    const d = 16;
    expect(result.words).toEqual(['apple', 'cat']);
    expect(result.ids).toEqual([vocab.indexOf('apple'), vocab.indexOf('cat')]);
    expect(result.dModel).toBe(d);
    const wte = params.wte;
    const appleRow = Array.from(wte.subarray(vocab.indexOf('apple') * d, (vocab.indexOf('apple') + 1) * d));
    const catRow = Array.from(wte.subarray(vocab.indexOf('cat') * d, (vocab.indexOf('cat') + 1) * d));
    expect(Array.from(result.rows)).toEqual([...appleRow, ...catRow]);
  });

  it('refuses unknown, empty, too many and absurdly long words with a sentence', async () => {
    await expect(ask(['apple', 'zebra'])).rejects.toMatchObject({ code: 'bad-input', message: expect.stringContaining('"zebra" is not in the model') });
    await expect(ask(['apple', '  '])).rejects.toMatchObject({ message: 'Word 2 is empty: type a word.' });
    await expect(ask([])).rejects.toMatchObject({ code: 'bad-input' });
    await expect(ask(Array(11).fill('cat'))).rejects.toMatchObject({ message: expect.stringContaining('at most 10') });
    await expect(ask(['a'.repeat(100_000)])).rejects.toMatchObject({ message: expect.stringContaining('too long') });
    await expect(ask(['🍎'])).rejects.toMatchObject({ code: 'bad-input' });
  });
});
