/**
 * Seeded pseudo-random numbers. mulberry32: 32-bit state, integer-only arithmetic (Math.imul),
 * so the same seed yields the same sequence in every JS engine and platform.
 */

/** A deterministic PRNG returning floats in [0, 1); same seed, same sequence. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // 32 random bits divided by 2^32 is always < 1.
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples N(0, 1) drawn from a uniform source (Box–Muller). */
export function createNormal(uniform: () => number): () => number {
  let spare: number | undefined;
  return function nextNormal(): number {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    // 1 - u lies in (0, 1], so the log is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
