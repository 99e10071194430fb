// The positionEmbeddings verb and the learned-positions picture: the verb returns exactly the model's wpe rows
// (read straight from the model file) or the sine/cosine table, refuses models without a table with a sentence,
// and the cosine matrix, offset means and PCA behave on hand-made tables.
import { beforeAll, describe, expect, it } from 'vitest';
import { readModelDir } from '../../scripts/modelDir.ts';
import { handle } from '../../engine/handlers.ts';
import { putModel } from '../../engine/modelStore.ts';
import { courseConfig } from '../../engine/config.ts';
import { initParams } from '../../engine/params.ts';
import { createWordTokenizer } from '../../engine/tokenizer/word.ts';
import { cosineMatrix, meanCosineByOffset, positionTableView } from '../../widgets/positions/learnedPositionsModel.ts';
import { recordingContext, vocab } from './fixtures/servedModel.ts';

describe('positionEmbeddings verb', () => {
  let wpe: Float32Array;
  beforeAll(async () => {
    for (const name of ['tw-learned', 'tw-rope']) {
      const { model, tokenizer, manifest } = await readModelDir(`public/models/${name}`);
      putModel({ name, model, tokenizer, manifest });
      if (name === 'tw-learned') wpe = model.params.wpe;
    }
    const config = { ...courseConfig(vocab.length, 'sinusoidal'), dModel: 8, nHeads: 2, nLayers: 1, dFF: 8, contextLength: 4 };
    const tokenizer = createWordTokenizer(vocab);
    putModel({ name: 'sin-tiny', model: { config, params: initParams(config, 3) }, tokenizer, manifest: {} as never });
  });

  it('gives tw-learned’s 64 × 64 wpe table, row for row, and hands its buffer over', async () => {
    const { ctx } = recordingContext();
    const r = await handle('positionEmbeddings', { model: 'tw-learned' }, ctx);
    expect(r).toMatchObject({ kind: 'learned', contextLength: 64, dModel: 64 });
    expect(r.rows).toHaveLength(64 * 64);
    expect(Array.from(r.rows)).toEqual(Array.from(wpe));
    expect(ctx.transfer).toContain(r.rows.buffer);
    expect(r.rows.buffer).not.toBe(wpe.buffer);
  });

  it('gives a sinusoidal model the rows it adds: the curriculum’s table (position 1 is sin/cos of 1, 0.1, 0.01, 0.001) times its scale', async () => {
    const r = await handle('positionEmbeddings', { model: 'sin-tiny' }, recordingContext().ctx);
    expect(r.kind).toBe('sinusoidal');
    const scale = 0.1; // the course's sinusoidal models add a tenth of the table
    const expected = [Math.sin(1), Math.cos(1), Math.sin(0.1), Math.cos(0.1), Math.sin(0.01), Math.cos(0.01), Math.sin(0.001), Math.cos(0.001)];
    Array.from(r.rows.subarray(8, 16)).forEach((v, i) => expect(v).toBeCloseTo(scale * expected[i], 6));
    expect(Array.from(r.rows.subarray(0, 8))).toEqual([0, 1, 0, 1, 0, 1, 0, 1].map((v) => Math.fround(scale * v)));
  });

  it('refuses a rotary model with a sentence that says why', async () => {
    await expect(handle('positionEmbeddings', { model: 'tw-rope' }, recordingContext().ctx)).rejects.toThrow(/rotary positions turn the queries and keys/);
  });

  it('on tw-learned, neighbouring positions are more alike than distant ones', async () => {
    const r = await handle('positionEmbeddings', { model: 'tw-learned' }, recordingContext().ctx);
    const view = positionTableView(r.rows, 64, 64);
    const at = (o: number) => view.byOffset[o - 1].score;
    expect(at(1)).toBeGreaterThan(0.8);
    expect(at(1)).toBeGreaterThan(at(32));
    expect(at(48)).toBeLessThan(-0.5);
    expect(view.explained[0]).toBeGreaterThan(view.explained[1]);
    // The lesson says the rows run along the first component in order: PC 1 is almost a linear function of p.
    const pc1 = Array.from({ length: 64 }, (_, p) => view.coords[2 * p]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ps = pc1.map((_, p) => p);
    const [mx, my] = [mean(ps), mean(pc1)];
    const cov = mean(ps.map((p, i) => (p - mx) * (pc1[i] - my)));
    const corr = cov / Math.sqrt(mean(ps.map((p) => (p - mx) ** 2)) * mean(pc1.map((y) => (y - my) ** 2)));
    expect(Math.abs(corr)).toBeGreaterThan(0.95);
  });
});

describe('position table maths', () => {
  it('cosine matrix of three hand-made rows', () => {
    // (1,0), (1,1), (0,1): cos 45° between neighbours, 0 between the ends.
    const m = cosineMatrix(Float32Array.from([1, 0, 1, 1, 0, 1]), 3, 2);
    expect(m[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(m[2]).toBeCloseTo(0, 6);
    expect(m[3]).toBeCloseTo(Math.SQRT1_2, 6);
    expect([m[0], m[4], m[8]]).toEqual([1, 1, 1]);
  });

  it('offset means average each diagonal', () => {
    const m = Float32Array.from([1, 0.5, 0.1, 0.5, 1, 0.3, 0.1, 0.3, 1]);
    const means = meanCosineByOffset(m, 3);
    expect(means[0].offset).toBe(1);
    expect(means[0].score).toBeCloseTo(0.4, 6);
    expect(means[1].score).toBeCloseTo(0.1, 6);
  });

  it('rows on a line put all their variance on the first component, in order', () => {
    const rows = Float32Array.from(Array.from({ length: 5 }, (_, p) => [p, 2 * p, 0]).flat());
    const view = positionTableView(rows, 5, 3);
    expect(view.explained[0]).toBeCloseTo(1, 5);
    const xs = Array.from({ length: 5 }, (_, p) => view.coords[2 * p]);
    const steps = xs.slice(1).map((x, i) => x - xs[i]);
    steps.forEach((s) => expect(Math.abs(s)).toBeCloseTo(Math.sqrt(5), 4));
  });
});
