// Chapter 8's RoPE numbers (curriculum ch. 8 "Worked examples") through the RopeRotator math and view.
import { describe, expect, it } from 'vitest';
import { applyRotary, rotaryFrequencies } from '../../engine/positions.ts';
import { logOffsets, rotate, ropeScore, ropeScoreAtOffset } from '../../widgets/positions/ropeMath.ts';
import { ropePairs, DEFAULT_ROPE_FREQUENCIES, freqScaleOption } from '../../widgets/positions/ropeFrequencies.ts';
import { DEFAULT_ROPE, lockedRange, omegaOf, ropeRotatorState, ropeRotatorView, shiftedPair, type RopeRotatorSettings } from '../../widgets/positions/ropeRotatorModel.ts';
import { decodeState, encodeState } from '../../widgets/kit/urlState.ts';

const rope = (extra: Partial<RopeRotatorSettings>) => ropeRotatorView({ ...DEFAULT_ROPE, ...extra });

describe('RoPE in 2-D with ω = 30° per position and q = k = (1, 0)', () => {
  it('(t, s) = (5, 3) scores 0.5, and so does (12, 10)', () => {
    expect(rope({ t: 5, s: 3 }).score).toBeCloseTo(0.5, 12);
    expect(rope({ t: 12, s: 10 }).score).toBeCloseTo(0.5, 12);
  });

  it('t = s scores 1 wherever the pair is', () => {
    for (const t of [0, 7, 50, 127]) expect(rope({ t, s: t }).score).toBeCloseTo(1, 12);
  });

  it('offset 6 (180°) scores −1, and offset 3 (90°) scores 0', () => {
    expect(rope({ t: 9, s: 3 }).score).toBeCloseTo(-1, 12);
    expect(rope({ t: 3, s: 9 }).score).toBeCloseTo(-1, 12);
    expect(rope({ t: 6, s: 3 }).score).toBeCloseTo(0, 12);
  });

  it('rotates q by t·ω: q at t = 5 points at 150°', () => {
    const [x, y] = rope({ t: 5 }).qRotated;
    expect(x).toBeCloseTo(Math.cos((150 * Math.PI) / 180), 12);
    expect(y).toBeCloseTo(0.5, 12);
  });

  it('the score at offset 2 is 0.5 to 1e-9 even past position 100 (the exercise tolerance)', () => {
    for (let s = 0; s <= 125; s++) expect(Math.abs(rope({ t: s + 2, s }).score - 0.5)).toBeLessThan(1e-9);
  });

  it('the score-against-offset table agrees with the score at the current positions', () => {
    const q: [number, number] = [0.6, -1.2];
    const k: [number, number] = [1.5, 0.4];
    const view = rope({ q, k, omegaDeg: 17, t: 40, s: 31 });
    expect(view.byOffset.find((p) => p.offset === 9)!.score).toBeCloseTo(view.score, 12);
    expect(view.byOffset.find((p) => p.offset === 0)!.score).toBeCloseTo(0.6 * 1.5 - 1.2 * 0.4, 12);
  });
});

describe('the rotation follows the engine (pairs (2i, 2i+1), counter-clockwise)', () => {
  it('matches applyRotary on a 16-wide head to float32 precision', () => {
    const omegas = rotaryFrequencies(16, 10000);
    const row = Float32Array.from({ length: 16 }, (_, c) => Math.sin(c + 1) * 1.3);
    const T = 6;
    const x = new Float32Array(T * 16);
    for (let t = 0; t < T; t++) x.set(row, t * 16);
    const engine = applyRotary(x.slice(), T, 16, omegas, 20);
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < 8; i++) {
        const [a, b] = rotate([row[2 * i], row[2 * i + 1]], (20 + t) * omegas[i]);
        expect(engine[t * 16 + 2 * i]).toBeCloseTo(a, 5);
        expect(engine[t * 16 + 2 * i + 1]).toBeCloseTo(b, 5);
      }
    }
  });

  it('the score written through the offset alone equals the score of the two rotated vectors', () => {
    const q: [number, number] = [0.3, 0.9];
    const k: [number, number] = [-1.1, 0.2];
    for (const [t, s] of [[5, 3], [3, 5], [90, 17], [0, 0]]) {
      expect(ropeScoreAtOffset(q, k, 0.37, t - s)).toBeCloseTo(ropeScore(q, k, 0.37, t, s), 12);
    }
  });
});

describe('RoPE speeds from θ_base, d_k and the pair index', () => {
  it('d_k = 8 gives ω = 1, 0.1, 0.01, 0.001', () => {
    const omegas = [0, 1, 2, 3].map((pair) => omegaOf({ ...DEFAULT_ROPE, omegaMode: 'base', dk: 8, pair, ropeBase: 10000 }));
    [1, 0.1, 0.01, 0.001].forEach((w, i) => expect(omegas[i]).toBeCloseTo(w, 12));
  });

  it('d_k = 16 (TinyWorld) gives ω = 1, 0.316, 0.1, 0.0316, 0.01, 0.00316, 0.001, 0.000316 and periods 6.3 … 19,869', () => {
    const pairs = ropePairs(DEFAULT_ROPE_FREQUENCIES);
    const expected = [1, 0.316, 0.1, 0.0316, 0.01, 0.00316, 0.001, 0.000316];
    expect(pairs.map((p) => Number(p.speed.toPrecision(3)))).toEqual(expected);
    expect(pairs[0].period.toFixed(1)).toBe('6.3');
    expect(Math.round(pairs[7].period)).toBe(19869);
  });

  it('a larger base slows the wheels (Llama 3: 500,000)', () => {
    const slow = ropePairs({ ...DEFAULT_ROPE_FREQUENCIES, ropeBase: 500000 });
    expect(slow[7].period).toBeGreaterThan(ropePairs(DEFAULT_ROPE_FREQUENCIES)[7].period);
    expect(slow[0].period).toBeCloseTo(2 * Math.PI, 12);
  });

  it('a pair multiplier of 2 halves that pair’s period and leaves the others alone', () => {
    const scale = [1, 1, 1, 2, 1, 1, 1, 1];
    const plain = ropePairs(DEFAULT_ROPE_FREQUENCIES);
    const scaled = ropePairs({ ropeBase: 10000, freqScale: scale });
    expect(scaled[3].period).toBeCloseTo(plain[3].period / 2, 9);
    expect(scaled[2].period).toBe(plain[2].period);
    expect(Array.from(freqScaleOption({ ropeBase: 10000, freqScale: scale }))).toEqual(scale);
  });
});

describe('long-range behaviour across all 8 pairs of a d_k = 16 head', () => {
  it('starts at 1 for q = k and falls well below it at long offsets', () => {
    const view = rope({});
    expect(view.longRange[0]).toEqual({ offset: 0, score: 1 });
    const far = view.longRange.filter((p) => p.offset > 5000).map((p) => p.score);
    expect(Math.max(...far)).toBeLessThan(0.9);
  });

  it('samples whole offsets on a log scale up to 100,000', () => {
    const offsets = logOffsets(100000, 50);
    expect(offsets[0]).toBe(0);
    expect(offsets[1]).toBe(1);
    expect(offsets.at(-1)).toBe(100000);
    expect(offsets.every((o, i) => i === 0 || o > offsets[i - 1])).toBe(true);
  });
});

describe('RopeRotator URL state', () => {
  it('round-trips the exercise start and rejects a pair index past d_k / 2', () => {
    const state: RopeRotatorSettings = { ...DEFAULT_ROPE, t: 27, s: 25 };
    expect(decodeState(ropeRotatorState, encodeState(ropeRotatorState, state))).toEqual({ state, notice: null });
    const bad = encodeState(ropeRotatorState, { ...state, dk: 8, pair: 4 });
    expect(decodeState(ropeRotatorState, bad).notice).toBe('malformed');
  });
});

describe('moving both positions together', () => {
  it('a locked slider only goes where the other position can follow (0 … 127)', () => {
    expect(lockedRange(5, 3)).toEqual([2, 127]); // t ≥ 2 keeps s ≥ 0
    expect(lockedRange(3, 5)).toEqual([0, 125]); // s ≤ 125 keeps t ≤ 127
    expect(lockedRange(7, 7)).toEqual([0, 127]);
  });

  it('shifting keeps the offset and refuses to leave the range', () => {
    expect(shiftedPair(5, 3, 10)).toEqual([15, 13]);
    expect(shiftedPair(5, 3, -3)).toEqual([2, 0]);
    expect(shiftedPair(5, 3, -4)).toBeNull();
    expect(shiftedPair(127, 120, 1)).toBeNull();
    const [t, s] = shiftedPair(15, 13, 10)!;
    expect(rope({ t, s }).score).toBeCloseTo(rope({}).score, 12);
  });
});
