// The three similarity measures of chapter 4 on plain vectors: dot product, cosine (and angle), Euclidean distance.
// Pure functions over number arrays, shared by the 2-D playground and the model-word comparison.
import { cosine } from '../../engine/embeddings.ts';

/** Sum of a_i·b_i. a, b: [d] -> scalar */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Euclidean length ‖a‖. a: [d] -> scalar */
export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** Euclidean distance ‖a − b‖. a, b: [d] -> scalar */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

/** All the measures of one pair of vectors, as the widgets show them. */
export interface PairMeasures {
  dot: number;
  lengthA: number;
  lengthB: number;
  /** Cosine of the angle; 0 when either vector is zero (no direction). */
  cosine: number;
  /** The angle in degrees, 0 to 180; NaN when either vector is zero. */
  angleDeg: number;
  distance: number;
}

/** Dot product, lengths, cosine, angle and distance of a and b (the engine's `cosine` supplies the cosine). */
export function measurePair(a: ArrayLike<number>, b: ArrayLike<number>): PairMeasures {
  const lengthA = norm(a);
  const lengthB = norm(b);
  const cos = cosine(a, b);
  // Clamp: rounding can push |cos| a hair past 1, where acos returns NaN.
  const angleDeg = lengthA === 0 || lengthB === 0 ? NaN : (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
  return { dot: dot(a, b), lengthA, lengthB, cosine: cos, angleDeg, distance: distance(a, b) };
}

/** a scaled to length 1 (the zero vector stays zero: it has no direction). a: [d] -> [d] */
export function unit(a: readonly number[]): number[] {
  const length = norm(a);
  return length === 0 ? a.map(() => 0) : a.map((x) => x / length);
}
