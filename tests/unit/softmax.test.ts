import { describe, expect, it } from 'vitest';
import { divideBySum, entropy, softmaxWithTemperature } from '../../engine/softmax.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('softmaxWithTemperature', () => {
  it('gives the curriculum numbers for scores (4, 3, 1) at τ = 0.5, 1, 2', () => {
    const pct = (tau: number) => softmaxWithTemperature([4, 3, 1], tau).probs.map((p) => +(100 * p).toFixed(2));
    expect(pct(0.5)).toEqual([87.89, 11.89, 0.22]);
    expect(pct(1)).toEqual([70.54, 25.95, 3.51]);
    expect(pct(2)).toEqual([54.65, 33.15, 12.2]);
  });

  it('shows the unshifted exponentials whose sum is 77.402 at τ = 1', () => {
    const r = softmaxWithTemperature([4, 3, 1], 1);
    expect(r.exps.map((e) => +e.toFixed(3))).toEqual([54.598, 20.086, 2.718]);
    expect(r.sum).toBeCloseTo(77.402, 3);
  });

  it('sums to 1 and keeps the order of the scores', () => {
    const scores = [0.3, -2, 5, 1.1, 1.1];
    const { probs } = softmaxWithTemperature(scores, 0.7);
    expect(sum(probs)).toBeCloseTo(1, 12);
    const byScore = [...scores.keys()].sort((a, b) => scores[b] - scores[a]);
    const byProb = [...probs.keys()].sort((a, b) => probs[b] - probs[a]);
    expect(byProb[0]).toBe(byScore[0]);
    expect(probs[3]).toBe(probs[4]);
  });

  it('stays finite for scores of ±1000', () => {
    const { probs } = softmaxWithTemperature([1000, 999, -1000], 1);
    expect(probs.every(Number.isFinite)).toBe(true);
    expect(probs[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(probs[2]).toBe(0);
  });

  it('is unchanged when a constant is added to every score', () => {
    const a = softmaxWithTemperature([4, 3, 1], 1.3).probs;
    const b = softmaxWithTemperature([104, 103, 101], 1.3).probs;
    a.forEach((p, i) => expect(b[i]).toBeCloseTo(p, 12));
  });

  it('τ = 0 is argmax, and ties share the mass equally', () => {
    expect(softmaxWithTemperature([4, 3, 1], 0).probs).toEqual([1, 0, 0]);
    expect(softmaxWithTemperature([2, 5, 5, -1], 0).probs).toEqual([0, 0.5, 0.5, 0]);
  });

  it('a tiny τ approaches the τ = 0 answer', () => {
    expect(softmaxWithTemperature([4, 3, 1], 0.01).probs[0]).toBeGreaterThan(0.999999);
  });

  it('crosses 90 % for the top token exactly at τ ≈ 0.4527', () => {
    expect(softmaxWithTemperature([4, 3, 1], 0.4526).probs[0]).toBeGreaterThanOrEqual(0.9);
    expect(softmaxWithTemperature([4, 3, 1], 0.4528).probs[0]).toBeLessThan(0.9);
  });

  it.each([
    [[], /no scores/],
    [[1, Number.NaN], /Score 2 is empty or not a number/],
    [[Infinity, 1], /Score 1 is infinite/],
  ])('rejects %j with a sentence', (scores, message) => {
    expect(() => softmaxWithTemperature(scores as number[], 1)).toThrow(message);
  });

  it('rejects a negative or NaN temperature', () => {
    expect(() => softmaxWithTemperature([1, 2], -1)).toThrow(/Temperature/);
    expect(() => softmaxWithTemperature([1, 2], Number.NaN)).toThrow(/Temperature/);
  });
});

describe('divideBySum', () => {
  it('works for positive scores: 4, 3, 1 → 50 / 37.5 / 12.5 %', () => {
    expect(divideBySum([4, 3, 1])).toEqual([0.5, 0.375, 0.125]);
  });
  it('breaks for a negative score: a "probability" below zero', () => {
    expect(Math.min(...divideBySum([4, 3, -1]))).toBeLessThan(0);
  });
});

describe('entropy', () => {
  it('matches the curriculum: 0.380 / 0.714 / 0.953 nats for (4, 3, 1) at τ 0.5 / 1 / 2', () => {
    const h = (tau: number) => +entropy(softmaxWithTemperature([4, 3, 1], tau).probs).toFixed(3);
    expect([h(0.5), h(1), h(2)]).toEqual([0.38, 0.714, 0.953]);
  });
});
