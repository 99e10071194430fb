// Every exercise declared in a lesson's frontmatter is valid, has a check, and that check says "not yet" on the
// start state and "done" on a solved state built from the curriculum's numbers (chapter 5).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { exerciseChecks } from '../../lessons/checks/index.ts';
import { checkMenus, runCheck } from '../../lessons/checks/types.ts';
import { lessonSchema } from '../../site/lib/exerciseSchema.ts';
import { widgetStates } from '../../site/lib/widgetStates.ts';
import { softmaxLabView, type SoftmaxLabSettings } from '../../widgets/softmax/softmaxLabModel.ts';

const lessonDir = join(import.meta.dirname, '../../lessons');
const lessons = readdirSync(lessonDir).filter((f) => f.endsWith('.mdx')).map((file) => {
  const text = readFileSync(join(lessonDir, file), 'utf8');
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!front) throw new Error(`${file} has no frontmatter`);
  return { file, text, data: lessonSchema.parse(parse(front[1])) };
});
const exercises = lessons.flatMap((lesson) => lesson.data.exercises.map((exercise) => ({ ...exercise, file: lesson.file })));

/** Runs an exercise's check on a SoftmaxLab state (start merged over the defaults, then `change`). */
function checkSoftmax(id: string, change: Partial<SoftmaxLabSettings> = {}): boolean {
  const exercise = exercises.find((e) => e.id === id)!;
  const state = { ...widgetStates.SoftmaxLab.defaults, ...exercise.start, ...change } as SoftmaxLabSettings;
  return runCheck(exerciseChecks[id], { state, view: softmaxLabView(state), answer: '' });
}

describe('declared exercises', () => {
  test('chapter 5 declares tame-the-poet and nucleus-count', () => {
    expect(exercises.map((e) => e.id)).toEqual(expect.arrayContaining(['tame-the-poet', 'nucleus-count']));
  });

  test('ids are unique across the course', () => {
    const ids = exercises.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every declared exercise has a check, and every check belongs to a declared exercise', () => {
    expect(Object.keys(exerciseChecks).sort()).toEqual(exercises.map((e) => e.id).sort());
  });

  test('every exercise declared in frontmatter is placed in its lesson exactly once', () => {
    for (const exercise of exercises) {
      const text = lessons.find((l) => l.file === exercise.file)!.text;
      expect(text.split(`<Exercise id="${exercise.id}"`).length - 1, exercise.id).toBe(1);
    }
  });

  test('every widget exercise starts from a valid widget state', () => {
    for (const exercise of exercises.filter((e) => e.widget)) {
      const spec = widgetStates[exercise.widget!];
      expect(spec.schema.safeParse({ ...spec.defaults, ...exercise.start }).success, exercise.id).toBe(true);
    }
  });

  test('every menu exercise says "not yet" with its menus unanswered', () => {
    const menuExercises = exercises.filter((e) => e.answerMenus);
    expect(menuExercises.map((e) => e.id)).toContain('catch-the-cheater');
    for (const exercise of menuExercises) expect(runCheck(exerciseChecks[exercise.id], { state: {}, view: {}, answer: {} }), exercise.id).toBe(false);
  });

  test('every lesson with a quiz places <Quiz> for itself', () => {
    for (const lesson of lessons.filter((l) => l.data.quiz.length > 0)) {
      const id = lesson.file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
      expect(lesson.text).toContain(`<Quiz lesson="${id}" />`);
    }
  });
});

describe('lessonSchema rejects broken declarations', () => {
  const base = { title: 't', order: 1, summary: 's', objectives: ['o'] };
  const exercise = { id: 'x', title: 'X', task: 'do it', widget: 'SoftmaxLab', solution: 'so' };

  test('a start state the widget cannot take', () => {
    expect(lessonSchema.safeParse({ ...base, exercises: [{ ...exercise, start: { tau: -1 } }] }).success).toBe(false);
    expect(lessonSchema.safeParse({ ...base, exercises: [{ ...exercise, start: { tau: 2 } }] }).success).toBe(true);
  });

  test('an unknown widget, a bad id, and an exercise with neither widget nor answer box', () => {
    expect(lessonSchema.safeParse({ ...base, exercises: [{ ...exercise, widget: 'NoSuchLab' }] }).success).toBe(false);
    expect(lessonSchema.safeParse({ ...base, exercises: [{ ...exercise, id: 'Has Spaces' }] }).success).toBe(false);
    expect(lessonSchema.safeParse({ ...base, exercises: [{ ...exercise, widget: undefined }] }).success).toBe(false);
    expect(lessonSchema.safeParse({ ...base, exercises: [{ ...exercise, widget: undefined, answerLabel: 'Answer' }] }).success).toBe(true);
  });

  describe('answer menus', () => {
    const menus = [
      { key: 'lowerLoss', label: 'Lower training loss', options: ['tw-learned', 'tw-nomask'] },
      { key: 'betterText', label: 'Writes valid text', options: ['tw-learned', 'tw-nomask'] },
    ];
    const menuExercise = { ...exercise, widget: undefined, answerMenus: menus };
    const parse = (ex: Record<string, unknown>) => lessonSchema.safeParse({ ...base, exercises: [ex] });

    test('menus alone are enough for an exercise, and come through in order', () => {
      const result = parse(menuExercise);
      expect(result.success).toBe(true);
      expect(result.data?.exercises[0].answerMenus).toEqual(menus);
    });
    test('a menu with one option, repeated options, an empty label or a key the check could not read is rejected', () => {
      expect(parse({ ...menuExercise, answerMenus: [{ ...menus[0], options: ['tw-learned'] }] }).success).toBe(false);
      expect(parse({ ...menuExercise, answerMenus: [{ ...menus[0], options: ['tw-learned', 'tw-learned'] }] }).success).toBe(false);
      expect(parse({ ...menuExercise, answerMenus: [{ ...menus[0], options: ['tw-learned', ''] }] }).success).toBe(false);
      expect(parse({ ...menuExercise, answerMenus: [{ ...menus[0], label: '' }] }).success).toBe(false);
      expect(parse({ ...menuExercise, answerMenus: [{ ...menus[0], key: 'lower-loss' }] }).success).toBe(false);
    });
    test('no menus at all, two menus with one key, or menus and an answer box together are rejected', () => {
      expect(parse({ ...menuExercise, answerMenus: [] }).success).toBe(false);
      expect(parse({ ...menuExercise, answerMenus: [menus[0], { ...menus[1], key: 'lowerLoss' }] }).success).toBe(false);
      expect(parse({ ...menuExercise, answerLabel: 'Answer' }).success).toBe(false);
    });
  });

  test('a multiple-choice question whose correct index is out of range', () => {
    const q = { id: 'q', kind: 'choice', question: '?', explanation: 'e', choices: ['a', 'b'], correct: 2 };
    expect(lessonSchema.safeParse({ ...base, quiz: [q] }).success).toBe(false);
    expect(lessonSchema.safeParse({ ...base, quiz: [{ ...q, correct: 1 }] }).success).toBe(true);
  });
});

describe('tame-the-poet: apple at ≥ 90 % by temperature (threshold τ ≈ 0.4527)', () => {
  test('not solved at the start (τ = 2, apple 54.65 %)', () => {
    expect(checkSoftmax('tame-the-poet')).toBe(false);
  });
  test('solved at τ = 0.45, not at τ = 0.46 or 1', () => {
    expect(checkSoftmax('tame-the-poet', { tau: 0.45 })).toBe(true);
    expect(checkSoftmax('tame-the-poet', { tau: 0.46 })).toBe(false);
    expect(checkSoftmax('tame-the-poet', { tau: 1 })).toBe(false);
  });
  test('τ = 0 (greedy) counts: all probability on apple', () => {
    expect(checkSoftmax('tame-the-poet', { tau: 0 })).toBe(true);
  });
  test('changing the scores instead of τ does not count', () => {
    expect(checkSoftmax('tame-the-poet', { scores: [10, 3, 1] })).toBe(false);
    expect(checkSoftmax('tame-the-poet', { mode: 'divide', scores: [4, 3, 1], tau: 0.3 })).toBe(false);
  });
});

describe('nucleus-count: top-p keeps exactly 3 of (4, 3, 2, 1, −1) at τ = 1 (p in (0.8770, 0.9638])', () => {
  test('not solved at the start (top-p off keeps all 5)', () => {
    expect(checkSoftmax('nucleus-count')).toBe(false);
  });
  test('solved for p = 0.88, 0.9 and 0.96; not for 0.87 or 0.97', () => {
    for (const p of [0.88, 0.9, 0.96]) expect(checkSoftmax('nucleus-count', { topP: p }), `p = ${p}`).toBe(true);
    for (const p of [0.87, 0.97]) expect(checkSoftmax('nucleus-count', { topP: p }), `p = ${p}`).toBe(false);
  });
  test('top-k = 3 or another τ does not count', () => {
    expect(checkSoftmax('nucleus-count', { topK: 3 })).toBe(false);
    expect(checkSoftmax('nucleus-count', { topP: 0.9, tau: 0.9 })).toBe(false);
  });
});

describe('softmaxLabView (curriculum chapter 5, five tokens)', () => {
  const five = { ...widgetStates.SoftmaxLab.defaults, scores: [4, 3, 2, 1, -1] };
  const pct = (xs: number[]) => xs.map((x) => Number((x * 100).toFixed(2)));

  test('τ = 1: 64.11 / 23.59 / 8.68 / 3.19 / 0.43 %, all kept', () => {
    const view = softmaxLabView(five);
    expect(pct(view.probs)).toEqual([64.11, 23.59, 8.68, 3.19, 0.43]);
    expect(view.kept).toEqual([0, 1, 2, 3, 4]);
  });
  test('top-k = 2 keeps apple and orange: 73.11 / 26.89 %', () => {
    const view = softmaxLabView({ ...five, topK: 2 });
    expect(view.kept).toEqual([0, 1]);
    expect(pct(view.keptProbs)).toEqual([73.11, 26.89]);
  });
  test('top-p = 0.9 keeps 3: 66.52 / 24.47 / 9.00 %; at τ = 2 it keeps 4', () => {
    const view = softmaxLabView({ ...five, topP: 0.9 });
    expect(view.kept).toEqual([0, 1, 2]);
    expect(pct(view.keptProbs)).toEqual([66.52, 24.47, 9]);
    expect(softmaxLabView({ ...five, topP: 0.9, tau: 2 }).kept).toHaveLength(4);
  });
  test('an invalid score gives empty lists instead of throwing (checks then say "not yet")', () => {
    expect(softmaxLabView({ ...five, scores: [4, Number.NaN] })).toEqual({ probs: [], kept: [], keptProbs: [] });
  });
});

test('checkMenus hands the check the chosen options, and says "not solved" to a typed answer', () => {
  const check = checkMenus<unknown, unknown>(({ answer }) => answer.a === 'x' && answer.b === 'y');
  expect(runCheck(check, { state: null, view: null, answer: { a: 'x', b: 'y' } })).toBe(true);
  expect(runCheck(check, { state: null, view: null, answer: { a: 'y', b: 'x' } })).toBe(false);
  expect(runCheck(check, { state: null, view: null, answer: 'x y' })).toBe(false);
});

test('runCheck treats a throwing check as unsolved', () => {
  expect(runCheck(() => { throw new Error('half-typed'); }, { state: null, view: null, answer: '' })).toBe(false);
  expect(runCheck(undefined, { state: null, view: null, answer: '' })).toBe(false);
});
