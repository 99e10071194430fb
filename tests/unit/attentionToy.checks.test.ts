// Chapter 6's pure-math exercises: each check is false on its start state (as declared in the lesson) and true
// on a state solved with the curriculum's numbers; near misses and edits outside the task are refused.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { exerciseChecks } from '../../lessons/checks/index.ts';
import { readPoint } from '../../lessons/checks/attentionToy.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { widgetStates } from '../../site/lib/widgetStates.ts';
import { whoPullsWhomView, type WhoPullsWhomSettings } from '../../widgets/attention/toy/whoPullsWhomModel.ts';
import { attentionCalculatorView, PRESETS, type AttentionCalculatorSettings } from '../../widgets/attention/toy/attentionCalculatorModel.ts';
import { wordGravityView, type WordGravitySettings } from '../../widgets/attention/toy/wordGravityModel.ts';

const lesson = readFileSync(new URL('../../lessons/06-attention.mdx', import.meta.url), 'utf8');
const front = parse(lesson.split(/^---$/m)[1]) as { exercises: { id: string; widget?: string; start?: Record<string, unknown> }[] };
const exercise = (id: string) => {
  const found = front.exercises.find((e) => e.id === id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
};

function gravityStart(): WordGravitySettings {
  return { ...widgetStates.WordGravity.defaults, ...exercise('two-token-pull').start } as WordGravitySettings;
}
const checkPull = (answer: string) => runCheck(exerciseChecks['two-token-pull'], { state: gravityStart(), view: wordGravityView(gravityStart()), answer });

function checkSymmetry(change: Partial<WhoPullsWhomSettings> = {}): boolean {
  const state = { ...widgetStates.WhoPullsWhom.defaults, ...exercise('break-the-symmetry').start, ...change } as WhoPullsWhomSettings;
  return runCheck(exerciseChecks['break-the-symmetry'], { state, view: whoPullsWhomView(state), answer: '' });
}

function checkFood(change: Partial<AttentionCalculatorSettings> = {}): boolean {
  const state = { ...widgetStates.AttentionCalculator.defaults, ...exercise('food-looks-for-animals').start, ...change } as AttentionCalculatorSettings;
  return runCheck(exerciseChecks['food-looks-for-animals'], { state, view: attentionCalculatorView(state), answer: '' });
}

describe('two-token-pull', () => {
  test('starts as the curriculum says: orange (2,0), apple (1,1), scaled, W = identity', () => {
    expect(exercise('two-token-pull').start).toEqual({ tokens: { orange: [2, 0], apple: [1, 1] }, scale: true, W: 'identity' });
    expect(exercise('two-token-pull').widget).toBe('WordGravity');
  });
  test('the widget, with phone in place of orange and one Step, shows apple at (0.5, 1.5), which the check accepts', () => {
    const stepped = wordGravityView({ ...gravityStart(), tokens: { phone: [0, 2], apple: [1, 1] }, steps: 1 });
    const [x, y] = stepped.positions[1];
    expect(checkPull(`(${x.toFixed(3)}, ${y.toFixed(3)})`)).toBe(true);
    expect(checkPull('(0.5, 1.5)')).toBe(true);
    expect(checkPull('0.50 1.50')).toBe(true);
  });
  test('orange\'s answer (1.5, 0.5), swapped coordinates, near misses and junk are refused', () => {
    expect(checkPull('(1.5, 0.5)')).toBe(false);
    expect(checkPull('(0.52, 1.5)')).toBe(false);
    expect(checkPull('0.5')).toBe(false);
    expect(checkPull('')).toBe(false);
    expect(checkPull('🍎'.repeat(100000))).toBe(false);
  });
  test('readPoint reads minus signs and bare decimals', () => {
    expect(readPoint('(−0.5, .25)')).toEqual([-0.5, 0.25]);
    expect(() => readPoint('1, 2, 3')).toThrow();
  });
});

describe('break-the-symmetry', () => {
  test('starts as the curriculum says and is not solved: both projections sum the features, S symmetric', () => {
    expect(exercise('break-the-symmetry').start).toEqual({ X: [[1, 0], [1, 1]], WQ: [[1], [1]], WK: [[1], [1]] });
    expect(checkSymmetry()).toBe(false);
  });
  test('W_Q = (0, 1)ᵀ, W_K = (1, 0)ᵀ gives S[Taylor][Luis] = 1 and S[Luis][Taylor] = 0: solved', () => {
    expect(checkSymmetry({ WQ: [[0], [1]], WK: [[1], [0]] })).toBe(true);
  });
  test('the reverse assignment, moving Luis or Taylor, and 2×2 projections do not count', () => {
    expect(checkSymmetry({ WQ: [[1], [0]], WK: [[0], [1]] })).toBe(false);
    expect(checkSymmetry({ X: [[1, 0], [0, 1]], WQ: [[0], [1]], WK: [[1], [0]] })).toBe(false);
    expect(checkSymmetry({ WQ: [[0, 0], [1, 0]], WK: [[1, 0], [0, 0]] })).toBe(false);
  });
});

describe('food-looks-for-animals', () => {
  test('starts on example (c), where honey\'s row is flat (⅓ each): not solved', () => {
    expect(exercise('food-looks-for-animals').start).toEqual({ preset: 'bear-honey-it' });
    expect(checkFood()).toBe(false);
  });
  test('W_Q = [[0, 0], [1, 0]] gives honey 0.768 on bear: solved', () => {
    expect(checkFood({ WQ: [[0, 0], [1, 0]] })).toBe(true);
  });
  test('reaching 0.7 by editing anything but W_Q, or with the mask on, does not count', () => {
    // Changing X so honey looks like an animal also puts weight on bear, but X is not W_Q.
    expect(checkFood({ WQ: [[0, 0], [1, 0]], X: [[2, 0], [0, 2], [0, 0]] })).toBe(false);
    expect(checkFood({ WQ: [[0, 0], [1, 0]], WK: [[2, 0], [0, 1]] })).toBe(false);
    expect(checkFood({ WQ: [[0, 0], [1, 0]], mask: true })).toBe(false);
    expect(checkFood({ ...PRESETS['orange-apple'].settings, WQ: [[0, 0], [1, 0]] })).toBe(false);
  });
  test('W_Q = [[0, 0], [0.5, 0]] reaches only about 0.51: not yet', () => {
    expect(attentionCalculatorView({ ...PRESETS['bear-honey-it'].settings, WQ: [[0, 0], [0.5, 0]] }).A[1][0]).toBeLessThan(0.7);
    expect(checkFood({ WQ: [[0, 0], [0.5, 0]] })).toBe(false);
  });
});
