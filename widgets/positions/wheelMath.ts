// The arithmetic of position "wheels": one wheel turning by a fixed step, and the sinusoidal encoding's many
// wheels turning at speeds base^(-2i/d). Pure functions (no runes, no DOM) so tests and exercise checks can use them.
// Positions count from 0, as in the engine: position p has turned p steps.
import { rotaryFrequencies } from '../../engine/positions.ts';

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  let x = Math.abs(Math.round(a));
  let y = Math.abs(Math.round(b));
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Where position p points on a single wheel with a whole-degree step, in [0, 360). */
export const wheelAngleDeg = (position: number, stepDeg: number): number => (((position * stepDeg) % 360) + 360) % 360;

/** After how many steps a wheel with a whole-degree step points the same way again: 360 / gcd(step, 360). */
export const repeatEvery = (stepDeg: number): number => 360 / gcd(stepDeg, 360);

/** How many of positions 0 … n−1 point in different directions on a single wheel. */
export const distinctAmongFirst = (n: number, stepDeg: number): number => Math.min(n, repeatEvery(stepDeg));

/** A position that lands exactly where an earlier one did. */
export interface Collision {
  position: number;
  /** The earliest position pointing the same way. */
  sameAs: number;
}

/** Every collision among positions 0 … n−1 of a single wheel, in order of position. */
export function singleWheelCollisions(n: number, stepDeg: number): Collision[] {
  const period = repeatEvery(stepDeg);
  const out: Collision[] = [];
  for (let p = period; p < n; p++) out.push({ position: p, sameAs: p % period });
  return out;
}

/**
 * Speeds of the d/2 sinusoidal wheels, ω_i = base^(-2i/d) radians per position. This is the engine's own
 * formula: the engine computes RoPE's per-pair speeds with it, and the sinusoidal table uses the same ω_i. -> [d/2]
 */
export function wheelSpeeds(d: number, base = 10000): number[] {
  return Array.from(rotaryFrequencies(d, base));
}

/** Positions a wheel needs for one full turn: 2π / ω. */
export const periodOf = (speed: number): number => (2 * Math.PI) / speed;

/** Period of the slowest sinusoidal wheel: 2π · base^((d−2)/d); tends to 2π · base as d grows. */
export const slowestPeriod = (d: number, base = 10000): number => 2 * Math.PI * Math.pow(base, (d - 2) / d);

/** The sinusoidal position vector: (sin pω_0, cos pω_0, sin pω_1, cos pω_1, …), in float64. -> [d] */
export function positionVector(position: number, speeds: readonly number[]): number[] {
  const out: number[] = [];
  for (const w of speeds) out.push(Math.sin(position * w), Math.cos(position * w));
  return out;
}

/**
 * Cosine similarity of the position vectors of p and p + offset. Each pair contributes cos(offset·ω_i) and every
 * vector has length √(d/2), so this depends on the offset only: Σ cos(offset·ω_i) / (d/2).
 */
export function similarityAtOffset(offset: number, speeds: readonly number[]): number {
  let sum = 0;
  for (const w of speeds) sum += Math.cos(offset * w);
  return sum / speeds.length;
}

/** Euclidean distance between the position vectors of p and p + offset: √(2 Σ (1 − cos(offset·ω_i))). */
export function distanceAtOffset(offset: number, speeds: readonly number[]): number {
  let sum = 0;
  for (const w of speeds) sum += 1 - Math.cos(offset * w);
  return Math.sqrt(2 * sum);
}

/** The offset within 1 … maxOffset at which the vector comes closest to where it started (a near-collision). */
export interface NearestReturn {
  offset: number;
  distance: number;
  similarity: number;
}

/** Searches offsets 1 … maxOffset for the closest return of all wheels together. Cost: maxOffset × d/2 cosines. */
export function nearestReturn(speeds: readonly number[], maxOffset: number): NearestReturn {
  let best: NearestReturn = { offset: 1, distance: Infinity, similarity: -Infinity };
  for (let offset = 1; offset <= maxOffset; offset++) {
    const distance = distanceAtOffset(offset, speeds);
    if (distance < best.distance) best = { offset, distance, similarity: similarityAtOffset(offset, speeds) };
  }
  return best;
}
