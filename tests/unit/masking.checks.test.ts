// Chapter 7's exercise checks: "not yet" on each declared start state, "done" on the curriculum's solutions.
import { describe, expect, test } from 'vitest';
import { exerciseChecks } from '../../lessons/checks/index.ts';
import { runCheck, type Answer } from '../../lessons/checks/types.ts';
import { widgetStates } from '../../site/lib/widgetStates.ts';
import { maskPainterView, type MaskPainterSettings } from '../../widgets/masking/maskPainterModel.ts';
import { generationRowCounts, startSettings, trainVsGenerateView, type TrainVsGenerateSettings } from '../../widgets/masking/trainVsGenerateModel.ts';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { lesson } = readLesson('07-masking.mdx');

/** Runs an exercise's check on a MaskPainter state: its frontmatter start over the defaults, then `change`. */
function checkPainter(id: string, change: Partial<MaskPainterSettings> = {}): boolean {
  const exercise = lesson.exercises.find((e) => e.id === id)!;
  const state = { ...widgetStates.MaskPainter.defaults, ...exercise.start, ...change } as MaskPainterSettings;
  return runCheck(exerciseChecks[id], { state, view: maskPainterView(state), answer: '' });
}

// The six causal cells of T = 4, written out by hand (row < column), not taken from the code under test.
const SIX: [number, number][] = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]];

describe('paint-the-mask', () => {
  test('is not done at the start (nothing painted)', () => expect(checkPainter('paint-the-mask')).toBe(false));
  test('is done with exactly the six cells above the diagonal, in any order', () => {
    expect(checkPainter('paint-the-mask', { masked: SIX })).toBe(true);
    expect(checkPainter('paint-the-mask', { masked: [...SIX].reverse() })).toBe(true);
  });
  test('is not done with a cell missing, the diagonal added, or the lower triangle instead', () => {
    expect(checkPainter('paint-the-mask', { masked: SIX.slice(1) })).toBe(false);
    expect(checkPainter('paint-the-mask', { masked: [...SIX, [0, 0]] })).toBe(false);
    expect(checkPainter('paint-the-mask', { masked: SIX.map(([i, j]) => [j, i] as [number, number]) })).toBe(false);
  });
  test('is not done on another grid size', () => {
    expect(checkPainter('paint-the-mask', { T: 5, masked: SIX })).toBe(false);
  });
});

describe('zero-is-not-masking', () => {
  test('starts with the causal cells painted and fill 0, which is not done (row 1 leaks)', () => {
    const start = lesson.exercises.find((e) => e.id === 'zero-is-not-masking')!.start as Partial<MaskPainterSettings>;
    expect(start.fill).toBe('0');
    expect(start.masked).toEqual(SIX);
    expect(checkPainter('zero-is-not-masking')).toBe(false);
  });
  test('−∞ and −1e10 both pass; zeroing after the softmax does not', () => {
    expect(checkPainter('zero-is-not-masking', { fill: '-inf' })).toBe(true);
    expect(checkPainter('zero-is-not-masking', { fill: '-1e10' })).toBe(true);
    expect(checkPainter('zero-is-not-masking', { fill: 'after' })).toBe(false);
  });
  test('−∞ with row 1 only partly masked does not pass', () => {
    expect(checkPainter('zero-is-not-masking', { fill: '-inf', masked: [[0, 1], [0, 2]] })).toBe(false);
  });
});

describe('append-and-compare (views from engine results; the engine side is tested in masking.verbs)', () => {
  const exercise = lesson.exercises.find((e) => e.id === 'append-and-compare')!;
  const startState = { ...widgetStates.TrainVsGenerate.defaults, ...exercise.start } as TrainVsGenerateSettings;
  const compareFor = (appended: string, maxAbsDiffEarlier: number) => ({
    result: { tokens: [], appendedTokens: [appended], rowChanges: [maxAbsDiffEarlier], maxAbsDiffEarlier, topBefore: [], topAfter: [], kvChangeByLayer: [], cacheVsFull: null },
    appended,
  });
  const check = (state: TrainVsGenerateSettings, compare: ReturnType<typeof compareFor> | null) =>
    runCheck(exerciseChecks['append-and-compare'], { state, view: trainVsGenerateView(state, { compare }), answer: '' });

  test('starts in append mode on "the bear ate the honey", mask on, nothing appended: not done', () => {
    expect(startState).toMatchObject({ model: 'tw-learned', mode: 'append', text: 'the bear ate the honey', causal: true, appended: '' });
    expect(check(startState, null)).toBe(false);
  });
  test('done once "because" is appended and the comparison for it reports 0', () => {
    expect(check({ ...startState, appended: 'because' }, compareFor('because', 0))).toBe(true);
  });
  test('not done with the mask off, another word, or a stale comparison', () => {
    expect(check({ ...startState, appended: 'because', causal: false }, compareFor('because', 0.02))).toBe(false);
    expect(check({ ...startState, appended: 'so' }, compareFor('so', 0))).toBe(false);
    expect(check({ ...startState, appended: 'because' }, compareFor('so', 0))).toBe(false);
  });
});

describe('generation cost with and without a KV cache', () => {
  test('a 5-token prompt and 3 passes: 5 + 6 + 7 = 18 rows recomputed, against 5 + 1 + 1 = 7 with a cache', () => {
    expect(generationRowCounts(5, 3)).toEqual({ withoutCache: 18, withCache: 7 });
    expect(generationRowCounts(5, 1)).toEqual({ withoutCache: 5, withCache: 5 });
    expect(generationRowCounts(5, 0)).toEqual({ withoutCache: 0, withCache: 0 });
  });
});

describe('catch-the-cheater (two menus beside the widget: lower training loss, valid text)', () => {
  const exercise = lesson.exercises.find((e) => e.id === 'catch-the-cheater')!;
  const check = (answer: Answer, state: unknown = {}) => runCheck(exerciseChecks['catch-the-cheater'], { state, view: {}, answer });

  test('passes only for lower loss tw-nomask and valid text tw-learned', () => {
    expect(check({ lowerLoss: 'tw-nomask', betterText: 'tw-learned' })).toBe(true);
  });
  test('fails for the swapped pair, the same model twice, or a menu left out', () => {
    expect(check({ lowerLoss: 'tw-learned', betterText: 'tw-nomask' })).toBe(false);
    expect(check({ lowerLoss: 'tw-nomask', betterText: 'tw-nomask' })).toBe(false);
    expect(check({ lowerLoss: 'tw-learned', betterText: 'tw-learned' })).toBe(false);
    expect(check({ lowerLoss: 'tw-nomask' })).toBe(false);
    expect(check({})).toBe(false);
  });
  test('a typed answer never passes, even one naming the right models in order (the exercise takes menus only)', () => {
    for (const answer of ['tw-nomask, tw-learned', '']) expect(check(answer), answer).toBe(false);
  });
  test('declares the two menus the curriculum names, each offering both models, and no answer box', () => {
    expect(exercise.answerLabel).toBeUndefined();
    expect(exercise.answerMenus).toEqual([
      { key: 'lowerLoss', label: 'Lower training loss on the text', options: ['tw-learned', 'tw-nomask'] },
      { key: 'betterText', label: 'Writes valid TinyWorld', options: ['tw-learned', 'tw-nomask'] },
    ]);
    expect(exercise.task).toMatch(/Choose a model in each of the two menus/);
    expect(exercise.task).not.toMatch(/Type the two model names/);
  });
  test('opens the widget on tw-nomask in Train mode, without the mask it was trained without', () => {
    expect(exercise.widget).toBe('TrainVsGenerate');
    expect(exercise.start).toEqual({ model: 'tw-nomask', mode: 'train' });
    expect(startSettings(exercise.start as Partial<TrainVsGenerateSettings>)).toMatchObject({ model: 'tw-nomask', mode: 'train', causal: false });
  });
  test('the correct answer does not depend on which model the widget shows when it is submitted', () => {
    for (const model of ['tw-learned', 'tw-nomask'] as const) {
      const state = startSettings({ model, mode: 'train' });
      expect(check({ lowerLoss: 'tw-nomask', betterText: 'tw-learned' }, state)).toBe(true);
      expect(check({ lowerLoss: 'tw-learned', betterText: 'tw-nomask' }, state)).toBe(false);
    }
  });
});
