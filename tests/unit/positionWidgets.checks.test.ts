// Chapter 8's exercise checks: false in each exercise's start state, true at a solution (curriculum ch. 8 "Exercises").
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../site/lib/exerciseSchema.ts';
import { exerciseChecks } from '../../lessons/checks/index.ts';
import { firstNumber } from '../../lessons/checks/position.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { DEFAULT_WHEELS, sinusoidWheelsView, type SinusoidWheelsSettings } from '../../widgets/positions/sinusoidWheelsModel.ts';
import { DEFAULT_ROPE, ropeRotatorView, type RopeRotatorSettings } from '../../widgets/positions/ropeRotatorModel.ts';

const lessonText = readFileSync(new URL('../../lessons/08-position.mdx', import.meta.url), 'utf8');
const lesson = lessonSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(lessonText)![1]));
/** The start an exercise declares in the lesson's frontmatter. */
const startOf = (id: string) => lesson.exercises.find((e) => e.id === id)!.start;

const wheelsCheck = (extra: Partial<SinusoidWheelsSettings>) => {
  const state = { ...DEFAULT_WHEELS, ...extra };
  return runCheck(exerciseChecks['find-the-collision'], { state, view: sinusoidWheelsView(state), answer: '' });
};
const ropeCheck = (extra: Partial<RopeRotatorSettings>) => {
  const state = { ...DEFAULT_ROPE, ...extra };
  return runCheck(exerciseChecks['same-offset-same-score'], { state, view: ropeRotatorView(state), answer: '' });
};
const periodCheck = (answer: string) => runCheck(exerciseChecks['period-of-the-slowest-wheel'], { state: null, view: null, answer });

describe('find-the-collision', () => {
  it('is open at the start (36°: only 10 directions among the first 20 positions)', () => {
    expect(startOf('find-the-collision')).toEqual({ mode: 'single', stepDeg: 36 });
    expect(wheelsCheck(startOf('find-the-collision'))).toBe(false);
  });

  it('is solved by a step whose 360/gcd(step, 360) is at least 20', () => {
    expect(wheelsCheck({ stepDeg: 35 })).toBe(true);
    expect(wheelsCheck({ stepDeg: 54 })).toBe(true);
    expect(wheelsCheck({ stepDeg: 13 })).toBe(true);
  });

  it('stays open for steps that repeat too soon, or fall outside 10° … 90°', () => {
    for (const stepDeg of [20, 24, 30, 40, 45, 48, 60, 72, 80, 90]) expect(wheelsCheck({ stepDeg })).toBe(false);
    expect(wheelsCheck({ stepDeg: 7 })).toBe(false);
    expect(wheelsCheck({ stepDeg: 97 })).toBe(false);
  });
});

describe('period-of-the-slowest-wheel', () => {
  it('is open with nothing typed and with the "trillion" myth', () => {
    expect(periodCheck('')).toBe(false);
    expect(periodCheck('1000000000000')).toBe(false);
    expect(periodCheck('62832')).toBe(false); // the large-d limit is 3.7 % too high for d = 512
  });

  it('accepts answers within 1 % of 60,611.48, with or without separators', () => {
    expect(periodCheck('60611.48')).toBe(true);
    expect(periodCheck('about 60,611 positions')).toBe(true);
    expect(periodCheck('60 611')).toBe(true);
    expect(periodCheck('60 000')).toBe(false); // 1.008 % low
    expect(periodCheck('6.06e4')).toBe(true);
    expect(periodCheck('59000')).toBe(false);
    expect(periodCheck('6283')).toBe(false);
  });

  it('reads the first number of an answer', () => {
    expect(firstNumber('60,611.48')).toBe(60611.48);
    expect(firstNumber('1,234,567')).toBe(1234567);
    expect(firstNumber('no idea')).toBeNaN();
  });
});

describe('same-offset-same-score', () => {
  it('is open at the start (t = 5, s = 3)', () => {
    expect(startOf('same-offset-same-score')).toEqual({ omegaDeg: 30, q: [1, 0], k: [1, 0], t: 5, s: 3 });
    expect(ropeCheck(startOf('same-offset-same-score'))).toBe(false);
  });

  it('is solved by moving both together past 20', () => {
    expect(ropeCheck({ t: 22, s: 20 })).toBe(true);
    expect(ropeCheck({ t: 102, s: 100 })).toBe(true);
  });

  it('stays open when the offset changes or s stays below 20', () => {
    expect(ropeCheck({ t: 23, s: 20 })).toBe(false);
    expect(ropeCheck({ t: 21, s: 19 })).toBe(false);
    expect(ropeCheck({ t: 20, s: 22 })).toBe(false);
  });
});

describe('the lesson declares the three exercises', () => {
  it('with the ids the checks use, the period one on the d = 512 wheels', () => {
    expect(lesson.exercises.map((e) => e.id)).toEqual(['find-the-collision', 'period-of-the-slowest-wheel', 'same-offset-same-score']);
    expect(startOf('period-of-the-slowest-wheel')).toEqual({ mode: 'multi', dModel: 512, base: 10000 });
    const period = sinusoidWheelsView({ ...DEFAULT_WHEELS, ...startOf('period-of-the-slowest-wheel') } as SinusoidWheelsSettings).slowestPeriod;
    expect(periodCheck(String(period))).toBe(true);
  });
});
