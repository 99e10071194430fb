// Chapter 3's worked numbers (curriculum ch. 3 "Worked examples") on the pure plane math the lesson and checks use.
import { describe, expect, test } from 'vitest';
import { ROYAL_TOY, cosineOf, distance, evaluate, nearestWord, parseExpression, parsePoint } from '../../widgets/embeddings/planeMath.ts';

describe('toy planes: the curriculum numbers', () => {
  test('apple (5,5) is √2 ≈ 1.414 from cherry (6,4)', () => {
    expect(distance([5, 5], [6, 4])).toBeCloseTo(Math.SQRT2, 12);
    expect(distance([5, 5], [6, 4])).toBeCloseTo(1.414, 3);
  });
  test('sensor picture: strawberry–apple 1.00, strawberry–castle 4.24', () => {
    expect(distance([5, 4], [5, 5])).toBeCloseTo(1.0, 6);
    expect(distance([5, 4], [2, 1])).toBeCloseTo(4.24, 2);
  });
  test('penultimate-layer picture: 0.245 / 0.998 and 10.45 / −0.254', () => {
    const [s, a, c] = [[1, 3, 2], [1.1, 2.9, 2.2], [7, -5.4, 0.4]];
    expect(distance(s, a)).toBeCloseTo(0.245, 3);
    expect(cosineOf(s, a)).toBeCloseTo(0.998, 3);
    expect(distance(s, c)).toBeCloseTo(10.45, 2);
    expect(cosineOf(s, c)).toBeCloseTo(-0.254, 3);
  });
  test('king − man + woman = (2, 2), nearest queen', () => {
    const expr = parseExpression('king - man + woman', ROYAL_TOY)!;
    expect(evaluate(expr, ROYAL_TOY)).toEqual([2, 2]);
    expect(nearestWord([2, 2], ROYAL_TOY)).toBe('queen');
    expect(nearestWord([2, 2], ROYAL_TOY, ['queen'])).not.toBe('queen');
  });
});

describe('parsing typed answers', () => {
  test.each([['5, 5', [5, 5]], ['(5.5, 4.5)', [5.5, 4.5]], ['5 5', [5, 5]], ['-1,.5', [-1, 0.5]]])('point %j', (text, p) => expect(parsePoint(text)).toEqual(p));
  test.each(['', '5', 'five, five', '5,5,5', '😀'])('not a point: %j', (text) => expect(parsePoint(text)).toBeNull());
  test('a 100k paste is refused', () => {
    expect(parsePoint('1'.repeat(100_000))).toBeNull();
    expect(parsePoint(`1, ${'1'.repeat(100_000)}`)).toBeNull();
    expect(parseExpression('king + '.repeat(20_000), ROYAL_TOY)).toBeNull();
  });
  test('expressions: unicode minus, signs, unknown words and stray symbols', () => {
    expect(parseExpression('king − man + woman', ROYAL_TOY)?.terms).toEqual([{ word: 'king', sign: 1 }, { word: 'man', sign: -1 }, { word: 'woman', sign: 1 }]);
    expect(parseExpression('-man + king', ROYAL_TOY)?.terms[0]).toEqual({ word: 'man', sign: -1 });
    for (const bad of ['', 'king -', 'king + apple', 'king * man', 'king man', '+', '😀']) expect(parseExpression(bad, ROYAL_TOY)).toBeNull();
  });
});
