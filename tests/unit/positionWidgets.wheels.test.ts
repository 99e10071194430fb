// Chapter 8's sinusoidal numbers (curriculum ch. 8 "Worked examples") through the SinusoidWheels math and view.
import { describe, expect, it } from 'vitest';
import { sinusoidalTable } from '../../engine/positions.ts';
import {
  distanceAtOffset, distinctAmongFirst, gcd, nearestReturn, positionVector, repeatEvery, similarityAtOffset,
  singleWheelCollisions, slowestPeriod, wheelAngleDeg, wheelSpeeds,
} from '../../widgets/positions/wheelMath.ts';
import { DEFAULT_WHEELS, sinusoidWheelsState, sinusoidWheelsView, type SinusoidWheelsSettings } from '../../widgets/positions/sinusoidWheelsModel.ts';
import { decodeState, encodeState } from '../../widgets/kit/urlState.ts';

const wheels = (extra: Partial<SinusoidWheelsSettings>) => sinusoidWheelsView({ ...DEFAULT_WHEELS, ...extra });

describe('one wheel repeats', () => {
  it('90° steps point right, up, left, down and repeat every 4 positions', () => {
    expect([0, 1, 2, 3, 4, 5].map((p) => wheelAngleDeg(p, 90))).toEqual([0, 90, 180, 270, 0, 90]);
    expect(repeatEvery(90)).toBe(4);
  });

  it('with 36° steps, position 11 lands on position 1 (ten steps × 36° = 360°), and 10 on 0', () => {
    expect(wheelAngleDeg(11, 36)).toBe(wheelAngleDeg(1, 36));
    expect(repeatEvery(36)).toBe(10);
    const collisions = singleWheelCollisions(20, 36);
    expect(collisions[0]).toEqual({ position: 10, sameAs: 0 });
    expect(collisions.find((c) => c.position === 11)).toEqual({ position: 11, sameAs: 1 });
    expect(collisions).toHaveLength(10);
  });

  it('counts distinct directions among the first 20 positions as min(20, 360/gcd(step, 360))', () => {
    expect(gcd(36, 360)).toBe(36);
    expect(distinctAmongFirst(20, 36)).toBe(10);
    expect(distinctAmongFirst(20, 90)).toBe(4);
    expect(distinctAmongFirst(20, 35)).toBe(20); // gcd 5: repeats only after 72 positions
    expect(distinctAmongFirst(20, 54)).toBe(20); // gcd 18: exactly 20 directions
    expect(distinctAmongFirst(20, 48)).toBe(15); // gcd 24
    // Brute force over every whole step from 10° to 90°: count distinct angles directly.
    for (let step = 10; step <= 90; step++) {
      const seen = new Set(Array.from({ length: 20 }, (_, p) => (p * step) % 360));
      expect(distinctAmongFirst(20, step)).toBe(seen.size);
    }
  });
});

describe('sinusoidal wheels, d_model = 8, base 10,000', () => {
  it('turn at 1, 0.1, 0.01 and 0.001 rad per position', () => {
    const speeds = wheelSpeeds(8, 10000);
    [1, 0.1, 0.01, 0.001].forEach((w, i) => expect(speeds[i]).toBeCloseTo(w, 12));
  });

  it('have periods 6.28, 62.8, 628 and 6,283 positions', () => {
    const periods = wheels({ mode: 'multi', dModel: 8 }).wheels.map((w) => w.period);
    expect(periods.map((p) => Number(p.toPrecision(3)))).toEqual([6.28, 62.8, 628, 6280]);
    expect(Math.round(periods[3])).toBe(6283);
  });

  it('give position 1 the vector (0.8415, 0.5403, 0.0998, 0.9950, 0.0100, 1.0000, 0.0010, 1.0000)', () => {
    const v = wheels({ mode: 'multi', dModel: 8, position: 1 }).vector;
    [0.8415, 0.5403, 0.0998, 0.995, 0.01, 1, 0.001, 1].forEach((x, i) => expect(v[i]).toBeCloseTo(x, 4));
  });

  it('give position 0 (the first token) the vector (0, 1, 0, 1, 0, 1, 0, 1)', () => {
    expect(positionVector(0, wheelSpeeds(8))).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it('match the engine table the model adds (base 10,000)', () => {
    const table = sinusoidalTable(40, 8);
    for (let p = 0; p < 40; p++) {
      const v = positionVector(p, wheelSpeeds(8));
      v.forEach((x, c) => expect(x).toBeCloseTo(table[p * 8 + c], 6));
    }
  });
});

describe('the slowest wheel', () => {
  it('repeats after 6,283 / 47,117 / 60,611 / 61,343 positions for d = 8 / 64 / 512 / 768', () => {
    const rounded = [8, 64, 512, 768].map((d) => Math.round(slowestPeriod(d, 10000)));
    expect(rounded).toEqual([6283, 47117, 60611, 61343]);
  });

  it('approaches 2π·10,000 ≈ 62,832 as d grows, never "a trillion"', () => {
    expect(Math.round(2 * Math.PI * 10000)).toBe(62832);
    expect(slowestPeriod(1e9, 10000)).toBeCloseTo(62832, 0);
    expect(slowestPeriod(768, 10000)).toBeLessThan(62832);
  });

  it('is the view’s last wheel, and the view reports it', () => {
    const view = wheels({ mode: 'multi', dModel: 512 });
    expect(view.wheels).toHaveLength(256);
    expect(view.slowestPeriod).toBeCloseTo(60611.48, 1);
    expect(view.wheels[255].period).toBeCloseTo(60611.48, 1);
  });
});

describe('similarity and near-returns', () => {
  it('similarity depends on the offset only and is 1 at offset 0', () => {
    const speeds = wheelSpeeds(16);
    expect(similarityAtOffset(0, speeds)).toBe(1);
    // Cosine of two explicit position vectors, 7 apart, at two different absolute positions.
    const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0) / Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
    const near = cosine(positionVector(3, speeds), positionVector(10, speeds));
    const far = cosine(positionVector(200, speeds), positionVector(207, speeds));
    expect(similarityAtOffset(7, speeds)).toBeCloseTo(near, 10);
    expect(similarityAtOffset(7, speeds)).toBeCloseTo(far, 10);
  });

  it('one wheel at 1 rad per position nearly returns after 44 and 710 positions (44/7 and 710/113 ≈ 2π)', () => {
    expect(nearestReturn([1], 100).offset).toBe(44);
    expect(nearestReturn([1], 1000).offset).toBe(710);
    expect(distanceAtOffset(710, [1])).toBeLessThan(1e-4);
  });

  it('with d = 64, no offset up to 2,000 comes anywhere near the start', () => {
    expect(nearestReturn(wheelSpeeds(64), 2000).distance).toBeGreaterThan(1);
  });
});

describe('SinusoidWheels URL state', () => {
  it('round-trips a multi-wheel state and rejects a d_model the slider cannot reach', () => {
    const state: SinusoidWheelsSettings = { mode: 'multi', stepDeg: 36, dModel: 512, base: 10000, position: 3 };
    expect(decodeState(sinusoidWheelsState, encodeState(sinusoidWheelsState, state))).toEqual({ state, notice: null });
    const bad = encodeState(sinusoidWheelsState, { ...state, dModel: 100 });
    expect(decodeState(sinusoidWheelsState, bad).notice).toBe('malformed');
  });
});
