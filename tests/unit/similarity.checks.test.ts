// Chapter 4's exercises: each check is false on its start state and true on a solved one (curriculum numbers),
// and the lesson's frontmatter starts match what the checks expect.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { exerciseChecks } from '../../lessons/checks/index.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { widgetStates } from '../../site/lib/widgetStates.ts';
import { playgroundView, type PlaygroundSettings } from '../../widgets/similarity/playgroundModel.ts';
import { dimensionSpreadView, type DimensionSpreadSettings } from '../../widgets/similarity/dimensionSpreadModel.ts';
import { questionnaireView, type QuestionnaireSettings } from '../../widgets/similarity/questionnaireModel.ts';

const lesson = readFileSync(new URL('../../lessons/04-similarity.mdx', import.meta.url), 'utf8');
const front = parse(lesson.split(/^---$/m)[1]) as { exercises: { id: string; widget?: string; start?: Record<string, unknown> }[]; quiz: unknown[] };
const exercise = (id: string) => {
  const found = front.exercises.find((e) => e.id === id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
};

function checkPlayground(change: Partial<PlaygroundSettings> = {}): boolean {
  const state = { ...widgetStates.VectorPlayground.defaults, ...exercise('longer-not-closer').start, ...change } as PlaygroundSettings;
  return runCheck(exerciseChecks['longer-not-closer'], { state, view: playgroundView(state), answer: '' });
}
function checkSpread(change: Partial<DimensionSpreadSettings> = {}): boolean {
  const state = { ...widgetStates.DimensionSpread.defaults, ...exercise('spread-by-dimension').start, ...change } as DimensionSpreadSettings;
  return runCheck(exerciseChecks['spread-by-dimension'], { state, view: dimensionSpreadView(state), answer: '' });
}
function checkQuestionnaire(change: Partial<QuestionnaireSettings> = {}): boolean {
  const state = { ...widgetStates.QuestionnaireDot.defaults, ...exercise('weights-flip-the-match').start, ...change } as QuestionnaireSettings;
  expect(widgetStates.QuestionnaireDot.schema.safeParse(state).success).toBe(true);
  return runCheck(exerciseChecks['weights-flip-the-match'], { state, view: questionnaireView(state), answer: '' });
}

describe('longer-not-closer', () => {
  test('starts unsolved at apple (5,5), orange (6,1), Android (1,8): 45 − 35 = 10 < 20', () => {
    expect(exercise('longer-not-closer').start).toEqual({ a: [5, 5], b: [6, 1], c: [1, 8] });
    expect(checkPlayground()).toBe(false);
  });
  test('Android at (1.5, 12) gives 67.5 vs 35 and still loses on cosine: solved', () => {
    expect(checkPlayground({ c: [1.5, 12] })).toBe(true);
  });
  test('rejects a too-small gap, a cosine win for Android, and moving apple or orange', () => {
    expect(checkPlayground({ c: [1, 9.9] })).toBe(false); // 54.5 − 35 = 19.5 < 20
    expect(checkPlayground({ c: [12, 12] })).toBe(false); // cosine 1: Android now closer by angle too
    expect(checkPlayground({ a: [5, 6], c: [1.5, 12] })).toBe(false);
    expect(checkPlayground({ b: [6, 0], c: [1.5, 12] })).toBe(false);
  });
  test('(1, 10) sits exactly on the boundary (55 − 35 = 20) and counts', () => {
    expect(checkPlayground({ c: [1, 10] })).toBe(true);
  });
});

describe('weights-flip-the-match', () => {
  test('starts at a = (+1, −1, +1), b = (+1, −1, −1), equal weights: score +1, not solved', () => {
    expect(exercise('weights-flip-the-match')).toMatchObject({ widget: 'QuestionnaireDot', start: { a: [1, -1, 1], b: [1, -1, -1], w: [1, 1, 1] } });
    expect(checkQuestionnaire()).toBe(false);
  });
  test('weighting the disagreeing question ×10 gives 1 + 1 − 10 = −8: solved', () => expect(checkQuestionnaire({ w: [1, 1, 10] })).toBe(true));
  test('a tie at 0 is not negative; just past it is', () => {
    expect(checkQuestionnaire({ w: [1, 1, 2] })).toBe(false);
    expect(checkQuestionnaire({ w: [1, 1, 2.5] })).toBe(true);
    expect(checkQuestionnaire({ w: [0, 0, 1] })).toBe(true);
  });
  test('changing the answers instead of the weights does not count', () => {
    expect(checkQuestionnaire({ a: [-1, 1, 1] })).toBe(false); // would score −1 − 1 − 1 = −3 with equal weights
    expect(checkQuestionnaire({ b: [1, -1, -1], a: [1, -1, 1], w: [1, 1, 10], wantsA: [1, 1, 1] })).toBe(true);
    expect(checkQuestionnaire({ b: [-1, 1, -1], w: [1, 1, 10] })).toBe(false);
  });
});

describe('spread-by-dimension', () => {
  test('starts unsolved at d = 2 raw', () => {
    expect(exercise('spread-by-dimension').start).toEqual({ d: 2, scaled: false });
    expect(checkSpread()).toBe(false);
  });
  test('d = 64 scaled is solved; d = 64 raw (std ≈ 8) and d = 128 scaled are not', () => {
    expect(checkSpread({ d: 64, scaled: true })).toBe(true);
    expect(checkSpread({ d: 64, scaled: false })).toBe(false);
    expect(checkSpread({ d: 128, scaled: true })).toBe(false);
  });
});

test('the chapter has the five curriculum quiz questions', () => {
  expect(front.quiz).toHaveLength(5);
});
