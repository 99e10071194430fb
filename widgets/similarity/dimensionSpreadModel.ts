// DimensionSpread's plain data: the dimension d and the ÷√d switch, the URL schema, and the seeded samples of
// random dot products and cosines with their standard deviations (the fact behind attention's 1/√d_k).
import { z } from 'zod';
import { createNormal, createRng } from '../../engine/rng.ts';
import { cosine } from '../../engine/embeddings.ts';
import { defineWidgetState } from '../kit/urlState.ts';
import { dot } from './vectorMath.ts';

/** The dimensions the slider offers: powers of two from 2 to 1024. */
export const DIMENSIONS = [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] as const;
/** Pairs of random vectors drawn per dimension. */
export const SAMPLE_COUNT = 5000;
/** Fixed seed so every reader (and every test) sees the same histogram. */
export const SEED = 4;

/** Settings: the dimension and whether dot products are divided by √d. */
export interface DimensionSpreadSettings { d: number; scaled: boolean }

/** Starts where the curriculum's exercise starts: d = 2, raw dot products. */
export const DEFAULT_SETTINGS: DimensionSpreadSettings = { d: 2, scaled: false };

/** Version 1 of the URL state: d must be one of the offered powers of two. */
export const dimensionSpreadSchema = z.object({
  d: z.number().int().refine((d) => (DIMENSIONS as readonly number[]).includes(d), 'd must be a power of two from 2 to 1024'),
  scaled: z.boolean(),
});

/** DimensionSpread's shareable state. */
export const dimensionSpreadState = defineWidgetState<DimensionSpreadSettings>({ version: 1, schema: dimensionSpreadSchema, defaults: DEFAULT_SETTINGS });

/** Samples and their spread. */
export interface DimensionSpreadView {
  /** SAMPLE_COUNT dot products q·k (divided by √d when scaled). */
  dots: Float64Array;
  /** SAMPLE_COUNT cosines of the same pairs. */
  cosines: Float64Array;
  /** Standard deviation of `dots`. */
  dotStd: number;
  /** Standard deviation of `cosines`. */
  cosStd: number;
}

/** Population standard deviation. xs: [n] -> scalar */
export function standardDeviation(xs: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += xs[i];
  mean /= xs.length;
  let sq = 0;
  for (let i = 0; i < xs.length; i++) sq += (xs[i] - mean) ** 2;
  return Math.sqrt(sq / xs.length);
}

/** Raw samples per dimension, cached: the ÷√d switch must not redraw them, and moving the slider back is free. */
const cache = new Map<number, { dots: Float64Array; cosines: Float64Array }>();

/** Draws SAMPLE_COUNT pairs q, k with i.i.d. N(0, 1) entries in d dimensions (seeded by d, so each d is stable). */
export function randomPairs(d: number, count = SAMPLE_COUNT): { dots: Float64Array; cosines: Float64Array } {
  const cached = count === SAMPLE_COUNT ? cache.get(d) : undefined;
  if (cached) return cached;
  const normal = createNormal(createRng(SEED * 100003 + d));
  const q = new Float64Array(d);
  const k = new Float64Array(d);
  const dots = new Float64Array(count);
  const cosines = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < d; i++) { q[i] = normal(); k[i] = normal(); }
    dots[s] = dot(q, k);
    cosines[s] = cosine(q, k);
  }
  const result = { dots, cosines };
  if (count === SAMPLE_COUNT) cache.set(d, result);
  return result;
}

/** The samples for the settings and their standard deviations. */
export function dimensionSpreadView(settings: DimensionSpreadSettings): DimensionSpreadView {
  const raw = randomPairs(settings.d);
  const dots = settings.scaled ? raw.dots.map((x) => x / Math.sqrt(settings.d)) : raw.dots;
  return { dots, cosines: raw.cosines, dotStd: standardDeviation(dots), cosStd: standardDeviation(raw.cosines) };
}
