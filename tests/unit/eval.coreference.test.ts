/**
 * C-6 / C-6b on synthetic attention: the contrast read from a trace, the head margins and the demo-head
 * choice exactly as §2.5 states it, and the behaviour check's "bear/honey both ways" rule.
 */
import { describe, expect, it } from 'vitest';
import { attentionContrast, judgeCoreference, judgeDemoHead, selectDemoHead } from '../../engine/eval/coreference.ts';
import type { CoreferencePair, HeadContrast } from '../../engine/eval/coreference.ts';
import type { Trace } from '../../engine/trace.ts';

/** A trace holding only attention weights: layers × [H, T, T], filled from explicit last rows. */
function traceWithLastRows(T: number, lastRows: number[][][]): Trace {
  const H = lastRows[0].length;
  const layers = lastRows.map((heads) => {
    const weights = new Float32Array(H * T * T);
    heads.forEach((rowValues, h) => {
      // Earlier rows get a decoy value, so reading the wrong row would show.
      for (let i = 0; i < T - 1; i++) for (let j = 0; j <= i; j++) weights[h * T * T + i * T + j] = 0.9;
      rowValues.forEach((v, j) => (weights[h * T * T + (T - 1) * T + j] = v));
    });
    return { weights };
  });
  return { dims: { T, d: 8, nHeads: H, dk: 8 / H, dFF: 16, V: 10, nLayers: layers.length }, layers } as unknown as Trace;
}

describe('attentionContrast', () => {
  it('reads A[last, a] − A[last, f] for every layer and head', () => {
    // T = 5, animal at 1, food at 3.
    const trace = traceWithLastRows(5, [
      [[0.1, 0.5, 0.1, 0.2, 0.1], [0.2, 0.1, 0.1, 0.5, 0.1]],
      [[0, 0.25, 0.25, 0.25, 0.25], [0, 0.7, 0, 0.3, 0]],
    ]);
    const c = attentionContrast(trace, 1, 3);
    expect(c.map((l) => l.map((x) => Number(x.toFixed(6))))).toEqual([[0.3, -0.4], [0, 0.4]]);
  });
});

/** Contrast tables for 2 layers × 2 heads, written [[l0h0, l0h1], [l1h0, l1h1]]. */
const table = (a: number, b: number, c: number, d: number): HeadContrast => [[a, b], [c, d]];

describe('selectDemoHead', () => {
  const hungry = [table(0.1, 0.6, 0.0, 0.9), table(0.3, 0.4, 0.1, 0.7)];
  const delicious = [table(0.1, 0.0, 0.1, -0.1), table(0.1, -0.1, 0.0, 0.1)];
  // Margins by hand (mean over hungry − mean over delicious): l0h0 0.2 − 0.1 = 0.1; l0h1 0.5 − (−0.05) = 0.55;
  // l1h0 0.05 − 0.05 = 0; l1h1 0.8 − 0 = 0.8.
  const expectedMargins = [[0.1, 0.55], [0, 0.8]];

  it('computes each head margin and picks the largest among heads meeting both lesson conditions', () => {
    // l1h1 has the largest margin but on the "delicious" lesson sentence A(honey) − A(bear) is only 0.04.
    const s = selectDemoHead({ hungry, delicious, lessonHungry: table(0.2, 0.3, 0, 0.5), lessonDelicious: table(-0.1, -0.2, 0, -0.04) });
    s.margins.flat().forEach((m, i) => expect(m).toBeCloseTo(expectedMargins.flat()[i], 10));
    expect(s.demoHead).toMatchObject({ layer: 0, head: 1 });
    expect(s.demoHead!.margin).toBeCloseTo(0.55, 10);
    expect(s.demoHead!.lessonHungry).toBeCloseTo(0.3, 10);
    expect(s.demoHead!.lessonDelicious).toBeCloseTo(0.2, 10);
    expect(judgeDemoHead(s).met).toBe(true);
    expect(judgeDemoHead(s).measured.demoHead).toMatchObject({ layer: 0, head: 1 });
  });

  it('lesson conditions are inclusive at 0.1 and 0.05', () => {
    const s = selectDemoHead({ hungry, delicious, lessonHungry: table(0, 0, 0, 0.1), lessonDelicious: table(0, 0, 0, -0.05) });
    expect(s.demoHead).toMatchObject({ layer: 1, head: 1 });
    const below = selectDemoHead({ hungry, delicious, lessonHungry: table(0, 0, 0, 0.0999), lessonDelicious: table(0, 0, 0, -0.05) });
    expect(below.demoHead).toBeNull();
    expect(judgeDemoHead(below).met).toBe(false);
  });

  it('fails when the best eligible head has a margin under 0.1', () => {
    const weak = selectDemoHead({
      hungry: [table(0.09, 0, 0, 0)], delicious: [table(0, 0, 0, 0)],
      lessonHungry: table(0.2, 0, 0, 0), lessonDelicious: table(-0.2, 0, 0, 0),
    });
    expect(weak.demoHead).toMatchObject({ layer: 0, head: 0 });
    expect(judgeDemoHead(weak).met).toBe(false);
  });
});

describe('judgeCoreference', () => {
  const reading = (pAnimal: number, pFood: number) => ({ pAnimal, pFood, contrast: [] as HeadContrast });
  const pair = (hungryRight: boolean, deliciousRight: boolean): CoreferencePair => ({
    animal: 'a', food: 'f', hungry: hungryRight ? reading(0.6, 0.2) : reading(0.2, 0.6), delicious: deliciousRight ? reading(0.2, 0.6) : reading(0.6, 0.2),
  });
  const pairs = (hungryRight: number, deliciousRight: number) => Array.from({ length: 20 }, (_, i) => pair(i < hungryRight, i < deliciousRight));
  it('needs 17/20 each way and the lesson pair both ways', () => {
    expect(judgeCoreference({ pairs: pairs(17, 17), lesson: pair(true, true) }).met).toBe(true);
    expect(judgeCoreference({ pairs: pairs(16, 20), lesson: pair(true, true) }).met).toBe(false);
    expect(judgeCoreference({ pairs: pairs(20, 16), lesson: pair(true, true) }).met).toBe(false);
    expect(judgeCoreference({ pairs: pairs(20, 20), lesson: pair(true, false) }).met).toBe(false);
  });
  it('a tie is not a preference', () => {
    const tie: CoreferencePair = { animal: 'a', food: 'f', hungry: reading(0.3, 0.3), delicious: reading(0.3, 0.3) };
    expect(judgeCoreference({ pairs: Array.from({ length: 20 }, () => tie), lesson: pair(true, true) }).measured.hungry).toBe('0/20');
  });
});
