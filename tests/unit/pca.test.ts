import { describe, expect, it } from 'vitest';
import { pca } from '../../engine/pca.ts';
import { analogyVector, cosine, nearestByCosine } from '../../engine/embeddings.ts';
import { createRng } from '../../engine/rng.ts';

describe('pca', () => {
  it('finds the direction of a line of points and explains all of its variance', () => {
    // Points on the line t·(3, 4)/5 in 2-D: one component explains everything and lies along (0.6, 0.8).
    const xs = new Float32Array([-2, -1, 0, 1, 2].flatMap((t) => [0.6 * t + 5, 0.8 * t - 1]));
    const { components, explained, coords } = pca(xs, 5, 2, 1);
    expect(Math.abs(components[0])).toBeCloseTo(0.6, 5);
    expect(Math.abs(components[1])).toBeCloseTo(0.8, 5);
    expect(explained[0]).toBeCloseTo(1, 5);
    expect(Array.from(coords).map((c) => Math.abs(c))).toEqual([2, 1, 0, 1, 2].map((t) => expect.closeTo(t, 4)));
  });

  it('orders components by variance, keeps them orthonormal, and is deterministic', () => {
    const rng = createRng(5);
    const n = 300;
    const d = 6;
    const scales = [5, 3, 1, 0.5, 0.2, 0.1];
    const x = new Float32Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = (rng() - 0.5) * scales[j];
    const a = pca(x, n, d, 3);
    const b = pca(x, n, d, 3);
    expect(Array.from(a.coords)).toEqual(Array.from(b.coords));
    expect(a.explained[0]).toBeGreaterThan(a.explained[1]);
    expect(a.explained[1]).toBeGreaterThan(a.explained[2]);
    for (let p = 0; p < 3; p++) {
      for (let q = 0; q < 3; q++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += a.components[p * d + j] * a.components[q * d + j];
        expect(dot).toBeCloseTo(p === q ? 1 : 0, 5);
      }
    }
    // The first component should be (nearly) the axis with the largest spread.
    expect(Math.abs(a.components[0])).toBeGreaterThan(0.99);
  });

  it('refuses impossible shapes with a sentence', () => {
    expect(() => pca(new Float32Array(6), 2, 3, 4)).toThrow(/cannot take 4 components/);
    expect(() => pca(new Float32Array(5), 2, 3, 1)).toThrow(/expected 2×3 values/);
  });
});

describe('embeddings', () => {
  const table = new Float32Array([1, 0, 0.9, 0.1, 0, 1, -1, 0]); // 4 rows of 2-D vectors
  it('cosine depends on direction only', () => {
    expect(cosine([1, 0], [5, 0])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 3])).toBeCloseTo(0, 12);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
  it('nearestByCosine ranks rows and skips excluded ones', () => {
    const ranked = nearestByCosine(table, 2, [1, 0], 4).map((n) => n.index);
    expect(ranked).toEqual([0, 1, 2, 3]);
    expect(nearestByCosine(table, 2, [1, 0], 1, new Set([0]))[0].index).toBe(1);
  });
  it('analogyVector computes a − b + c', () => {
    expect(Array.from(analogyVector(table, 2, 0, 2, 3))).toEqual([0, -1]);
  });
});
