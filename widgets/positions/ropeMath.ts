// RoPE in two dimensions: rotate q by t·ω and k by s·ω, then take their dot product. Pure float64 arithmetic with
// the engine's convention (applyRotary turns (x0, x1) counter-clockwise: x0·cos − x1·sin, x0·sin + x1·cos).
// We do not call applyRotary itself here because it works on Float32Array: a score of cos 60° would come out as
// 0.49999997, and the lesson's exercise compares the score with 0.5 to 1e-9. A unit test pins the two together.

/** A 2-D vector as [x, y]. */
export type Vec2 = [number, number];

/** Rotates v counter-clockwise by angle radians (the engine's direction). */
export function rotate(v: readonly [number, number], angle: number): Vec2 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [v[0] * c - v[1] * s, v[0] * s + v[1] * c];
}

/** Dot product of two 2-D vectors. */
export const dot2 = (a: readonly [number, number], b: readonly [number, number]): number => a[0] * b[0] + a[1] * b[1];

/** Degrees to radians. */
export const toRadians = (deg: number): number => (deg * Math.PI) / 180;
/** Radians to degrees. */
export const toDegrees = (rad: number): number => (rad * 180) / Math.PI;

/** The raw RoPE score of one pair: rotate q by t·ω and k by s·ω, then take the dot product (no 1/√d_k here). */
export function ropeScore(q: readonly [number, number], k: readonly [number, number], omega: number, t: number, s: number): number {
  return dot2(rotate(q, t * omega), rotate(k, s * omega));
}

/**
 * The same score written through the offset alone: q · R((s−t)ω) k. Equal to `ropeScore` for every t and s,
 * which is the whole point of RoPE; kept separate so tests can compare the two forms.
 */
export function ropeScoreAtOffset(q: readonly [number, number], k: readonly [number, number], omega: number, offset: number): number {
  return dot2(q, rotate(k, -offset * omega));
}

/** Mean over pairs of the one-pair score at this offset (t − s), with the same q and k placed in every pair. */
export function meanScoreAtOffset(q: readonly [number, number], k: readonly [number, number], omegas: readonly number[], offset: number): number {
  let sum = 0;
  for (const w of omegas) sum += ropeScoreAtOffset(q, k, w, offset);
  return sum / omegas.length;
}

/** Whole offsets spread evenly on a log scale from 1 to max (deduplicated, ascending), with 0 in front. */
export function logOffsets(max: number, count: number): number[] {
  const set = new Set<number>([0]);
  for (let i = 0; i < count; i++) set.add(Math.round(Math.pow(max, i / (count - 1))));
  return [...set].sort((a, b) => a - b);
}

/** Fixed decimals for display, with a real minus sign and no "−0.000" for values that round to zero. */
export function fixed(x: number, decimals = 3): string {
  if (!Number.isFinite(x)) return '—';
  const rounded = Number(x.toFixed(decimals));
  return (rounded === 0 ? 0 : rounded).toFixed(decimals).replace('-', '−');
}
