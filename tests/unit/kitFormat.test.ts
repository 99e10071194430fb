// The kit's number formats: what a learner reads next to every bar and in every table.
import { describe, expect, it } from 'vitest';
import { num, percent } from '../../widgets/kit/format.ts';

describe('percent', () => {
  it('rounds ordinary probabilities to the requested decimals', () => {
    expect(percent(0.7054)).toBe('70.5 %');
    expect(percent(0.25, 0)).toBe('25 %');
    expect(percent(0)).toBe('0.0 %');
    expect(percent(1)).toBe('100.0 %');
  });

  it('never shows a possible token as 0 % or an uncertain one as 100 %', () => {
    expect(percent(3e-6)).toBe('< 0.1 %');
    expect(percent(0.004, 0)).toBe('< 1 %');
    expect(percent(0.99996)).toBe('> 99.9 %');
    expect(percent(0.999, 2)).toBe('99.90 %');
  });

  it('says "—" for a value that is not a number', () => {
    expect(percent(Number.NaN)).toBe('—');
    expect(num(Number.NaN)).toBe('—');
  });
});
