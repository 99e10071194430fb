// SoftmaxLab's extras: the entropy line, "Sample 100×" counts and the −ln p tab, against the curriculum numbers.
import { describe, expect, test } from 'vitest';
import { SAMPLE_BATCH, sampleCounts, tokenLoss } from '../../widgets/softmax/softmaxExtras.ts';
import { DEFAULT_SETTINGS, softmaxLabView, type SoftmaxLabSettings } from '../../widgets/softmax/softmaxLabModel.ts';
import { entropy } from '../../engine/softmax.ts';
import { readLesson } from './fixtures/lessonQuiz.ts';

const lab = (over: Partial<SoftmaxLabSettings>): SoftmaxLabSettings => ({ ...DEFAULT_SETTINGS, ...over });

describe('entropy shown by the lab (engine entropy of the lab view’s probabilities)', () => {
  const h = (over: Partial<SoftmaxLabSettings>) => entropy(softmaxLabView(lab(over)).probs);
  test('(4, 3, 1) at τ 0.5 / 1 / 2 gives 0.380 / 0.714 / 0.953 nats', () => {
    expect([0.5, 1, 2].map((tau) => h({ tau }).toFixed(3))).toEqual(['0.380', '0.714', '0.953']);
  });
  test('equal scores give the maximum, ln 3; one certain token gives 0', () => {
    expect(h({ scores: [2, 2, 2] })).toBeCloseTo(Math.log(3), 12);
    expect(h({ tau: 0 })).toBe(0);
  });
});

describe('−ln p tab', () => {
  test('curriculum losses: 0.105, 0.693 and 2.996 nats for p = 0.9, 0.5 and 0.05', () => {
    expect([0.9, 0.5, 0.05].map((p) => tokenLoss(p).toFixed(3))).toEqual(['0.105', '0.693', '2.996']);
  });
  test('quiz 6 (loss-005) accepts 2.996 nats and rejects 2.5', () => {
    const { grade } = readLesson('05-softmax.mdx');
    expect(grade('loss-005', '2.996')).toBe(true);
    expect(grade('loss-005', '2.5')).toBe(false);
  });
  test('certain right answers cost nothing, certain misses infinitely much; non-probabilities give NaN', () => {
    expect(tokenLoss(1)).toBe(-0);
    expect(tokenLoss(0)).toBe(Infinity);
    expect(tokenLoss(1.5)).toBeNaN();
    expect(tokenLoss(-0.1)).toBeNaN();
  });
  test('a uniform guess costs ln V: 5.99 nats for V = 400, 10.82 for GPT-2’s 50,257', () => {
    expect(tokenLoss(1 / 400).toFixed(2)).toBe('5.99');
    expect(tokenLoss(1 / 50_257).toFixed(2)).toBe('10.82');
  });
});

describe('Sample 100×', () => {
  test('draws exactly 100, seeded: the same seed repeats the counts, another seed changes them', () => {
    const a = sampleCounts(lab({}), 1);
    expect(a.reduce((n, r) => n + r.count, 0)).toBe(SAMPLE_BATCH);
    expect(sampleCounts(lab({}), 1)).toEqual(a);
    expect(sampleCounts(lab({}), 2).map((r) => r.count)).not.toEqual(a.map((r) => r.count));
  });
  test('expected counts are 100 × the curriculum probabilities 70.54 / 25.95 / 3.51 %', () => {
    expect(sampleCounts(lab({}), 1).map((r) => +r.expected.toFixed(2))).toEqual([70.54, 25.95, 3.51]);
  });
  test('with top-k = 2 the third token is never drawn and the two kept share 100', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rows = sampleCounts(lab({ topK: 2 }), seed);
      expect(rows[2].count).toBe(0);
      expect(rows[0].count + rows[1].count).toBe(100);
    }
  });
  test('over 10,000 draws the shares approach the probabilities (five tokens, τ = 1)', () => {
    const rows = sampleCounts(lab({ scores: [4, 3, 2, 1, -1] }), 9, 10_000);
    const expected = [0.6411, 0.2359, 0.0868, 0.0319, 0.0043];
    rows.forEach((r, i) => expect(Math.abs(r.count / 10_000 - expected[i])).toBeLessThan(0.015));
  });
});
