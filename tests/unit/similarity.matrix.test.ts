// ModelSimilarityMatrix: the presets are course words, the typed list is parsed with clear messages, and the
// cosines, dot products and norms the widget computes from the wordVectors verb equal a direct computation on the
// committed model file's raw wte bytes (read here with a DataView, not through the engine's model reader).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { handle } from '../../engine/handlers.ts';
import { clearModels } from '../../engine/modelStore.ts';
import { MAX_WORDS as VERB_MAX_WORDS } from '../../engine/verbs/wordVectors.ts';
import { recordingContext } from './fixtures/servedModel.ts';
import { MAX_WORDS, MIN_WORDS, WORD_PRESETS, nearestOther, normEffect, parseWordList, similarityMatrices } from '../../widgets/similarity/similarityMatrixModel.ts';

const dir = 'public/models/tw-learned';
const manifestText = readFileSync(`${dir}/manifest.json`, 'utf8');
const manifest = JSON.parse(manifestText) as {
  config: { dModel: number }; tokenizer: { vocabulary: string[] };
  tensors: { name: string; shape: number[]; byteOffset: number; dtype: 'float32' | 'float16' }[];
};
const weights = readFileSync(`${dir}/weights.bin`);

/** The row of `word` in wte, read straight from the bytes (little-endian float32 or float16). */
function rawRow(word: string): number[] {
  const id = manifest.tokenizer.vocabulary.indexOf(word);
  if (id < 0) throw new Error(`${word} not in vocabulary`);
  const d = manifest.config.dModel;
  const wte = manifest.tensors.find((t) => t.name === 'wte')!;
  const view = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
  if (wte.dtype === 'float32') return Array.from({ length: d }, (_, k) => view.getFloat32(wte.byteOffset + (id * d + k) * 4, true));
  return Array.from({ length: d }, (_, k) => halfToNumber(view.getUint16(wte.byteOffset + (id * d + k) * 2, true)));
}

/** IEEE 754 half precision, decoded here by hand (independently of the engine's decoder). */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

beforeAll(async () => {
  clearModels();
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === '/models/tw-learned/manifest.json') return new Response(manifestText);
    if (url === '/models/tw-learned/weights.bin') return new Response(weights.slice());
    return new Response('missing', { status: 404 });
  });
  await handle('loadModel', { name: 'tw-learned' }, recordingContext().ctx);
});
afterAll(() => vi.unstubAllGlobals());

describe('presets', () => {
  test(`every preset has ${MIN_WORDS}–${MAX_WORDS} distinct words of the tw-learned vocabulary`, () => {
    expect(MAX_WORDS).toBe(VERB_MAX_WORDS);
    for (const preset of WORD_PRESETS) {
      expect(new Set(preset.words).size).toBe(preset.words.length);
      expect(preset.words.length).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(preset.words.length).toBeLessThanOrEqual(MAX_WORDS);
      for (const word of preset.words) expect(manifest.tokenizer.vocabulary, word).toContain(word);
    }
  });
});

describe('parseWordList', () => {
  test('splits on commas and spaces and lower-cases', () => {
    expect(parseWordList(' Apple, banana  orange,cherry;phone laptop ')).toEqual({ words: ['apple', 'banana', 'orange', 'cherry', 'phone', 'laptop'] });
  });
  test('empty, too few, too many, repeated and absurdly long lists get a sentence', () => {
    expect(parseWordList('')).toEqual({ problem: expect.stringContaining('Type 6 to 10 words') });
    expect(parseWordList('apple banana')).toEqual({ problem: 'Type at least 6 words (you have 2).' });
    expect(parseWordList('a b c d e f g h i j k')).toEqual({ problem: 'Type at most 10 words (you have 11).' });
    expect(parseWordList('apple banana apple cherry pear plum')).toEqual({ problem: expect.stringContaining('“apple” appears twice') });
    expect(parseWordList('x'.repeat(100_000))).toEqual({ problem: expect.stringContaining('too long') });
  });
});

describe('matrices from the model file', () => {
  test('cosines, dot products and norms equal a direct computation on the raw wte rows', async () => {
    const words = WORD_PRESETS[0].words;
    const r = await handle('wordVectors', { model: 'tw-learned', words }, recordingContext().ctx);
    const m = similarityMatrices(r.rows, r.words.length, r.dModel);
    const rows = words.map(rawRow);
    for (let i = 0; i < words.length; i++) {
      const normI = Math.sqrt(rows[i].reduce((s, x) => s + x * x, 0));
      expect(m.norms[i]).toBeCloseTo(normI, 10);
      for (let j = 0; j < words.length; j++) {
        const dotIJ = rows[i].reduce((s, x, k) => s + x * rows[j][k], 0);
        const normJ = Math.sqrt(rows[j].reduce((s, x) => s + x * x, 0));
        expect(m.dots[i][j]).toBeCloseTo(dotIJ, 10);
        expect(m.cosines[i][j]).toBeCloseTo(dotIJ / (normI * normJ), 10);
      }
      expect(m.cosines[i][i]).toBeCloseTo(1, 12);
    }
  });

  test('the norm summary names the longest and shortest rows and each row\'s nearest word by both measures', async () => {
    const words = WORD_PRESETS[3].words;
    const r = await handle('wordVectors', { model: 'tw-learned', words }, recordingContext().ctx);
    const m = similarityMatrices(r.rows, r.words.length, r.dModel);
    const effect = normEffect(m);
    const norms = words.map((w) => Math.hypot(...rawRow(w)));
    expect(norms[effect.longest]).toBeCloseTo(Math.max(...norms), 6);
    expect(norms[effect.shortest]).toBeCloseTo(Math.min(...norms), 6);
    expect(effect.ratio).toBeCloseTo(Math.max(...norms) / Math.min(...norms), 6);
    for (const d of effect.disagreeing) expect(d.byDot).not.toBe(d.byCosine);
    expect(effect.disagreeing.length).toBe(words.filter((_, i) => nearestOther(m.dots, i) !== nearestOther(m.cosines, i)).length);
  });
});

test('the lesson\'s claim: the never-trained words of "common and rare" have longer rows than its common words', () => {
  const norm = (w: string) => Math.hypot(...rawRow(w));
  const untrained = ['quorvia', 'tarsin', 'olvec'].map(norm);
  const common = ['the', 'a', 'and', 'was'].map(norm);
  expect(WORD_PRESETS[3].words).toEqual(expect.arrayContaining(['quorvia', 'tarsin', 'olvec', 'the', 'a', 'and', 'was']));
  expect(Math.min(...untrained)).toBeGreaterThan(Math.max(...common));
});

test('the lesson\'s claim: those three point the same way and have the largest dot products of the preset', async () => {
  const words = WORD_PRESETS[3].words;
  const r = await handle('wordVectors', { model: 'tw-learned', words }, recordingContext().ctx);
  const m = similarityMatrices(r.rows, r.words.length, r.dModel);
  const untrained = ['quorvia', 'tarsin', 'olvec'].map((w) => words.indexOf(w));
  let smallestAmongThem = Infinity;
  for (const i of untrained) for (const j of untrained) {
    expect(m.cosines[i][j]).toBeGreaterThan(0.99);
    smallestAmongThem = Math.min(smallestAmongThem, m.dots[i][j]);
  }
  for (let i = 0; i < words.length; i++) for (let j = 0; j < words.length; j++) {
    if (untrained.includes(i) && untrained.includes(j)) continue;
    expect(m.dots[i][j]).toBeLessThan(smallestAmongThem);
  }
});

describe('hand-made rows', () => {
  test('a long row wins on dot product but not on cosine', () => {
    // Rows: a = (1, 0), b = (0.9, 0.1), c = (3, 3): c is longer, b is closer in direction to a.
    const m = similarityMatrices(new Float32Array([1, 0, 0.9, 0.1, 3, 3]), 3, 2);
    expect(m.dots[0]).toEqual([1, expect.closeTo(0.9, 6), 3]);
    expect(nearestOther(m.dots, 0)).toBe(2);
    expect(nearestOther(m.cosines, 0)).toBe(1);
    const effect = normEffect(m);
    expect(effect).toMatchObject({ longest: 2, shortest: 1 });
    expect(effect.disagreeing).toContainEqual({ row: 0, byDot: 2, byCosine: 1 });
    // b = (0.9, 0.1) too: by cosine it is nearest to a (0.994), by dot product to the long c (3 against 0.9).
    expect(effect.disagreeing).toContainEqual({ row: 1, byDot: 2, byCosine: 0 });
  });
  test('an all-zero row has NaN cosines instead of dividing by zero', () => {
    const m = similarityMatrices(new Float32Array([0, 0, 1, 2]), 2, 2);
    expect(m.cosines[0][1]).toBeNaN();
    expect(m.dots[0][1]).toBe(0);
  });
});
