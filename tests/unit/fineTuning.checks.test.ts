// Chapter 10 (pure-math part): the one-good-step check on the curriculum's numbers, the quiz, and the worked numbers
// quoted in the lesson text recomputed from the widgets' math (so prose and widgets cannot drift apart).
import { describe, expect, it } from 'vitest';
import { exerciseChecks } from '../../lessons/checks/index.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { crossEntropy, gradientStep, probabilities } from '../../widgets/finetune/math/crossEntropy.ts';
import { gradientStepView, type GradientStepSettings } from '../../widgets/finetune/math/gradientStepModel.ts';
import { klOptimum, preferenceProbability } from '../../widgets/finetune/math/preferenceMath.ts';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { text, lesson, grade, correctChoice } = readLesson('10-fine-tuning.mdx');
const exercise = lesson.exercises.find((e) => e.id === 'one-good-step')!;

function check(change: Partial<GradientStepSettings> = {}): boolean {
  const state = { logits: [2, 1, 0], target: 1, eta: 1, steps: 0, ...exercise.start, ...change } as GradientStepSettings;
  return runCheck(exerciseChecks['one-good-step'], { state, view: gradientStepView(state), answer: '' });
}

describe('one-good-step', () => {
  it('starts exactly as the curriculum says: GradientStep {logits:[2,1,0], target:1, eta:0}, not solved', () => {
    expect(exercise.widget).toBe('GradientStep');
    expect(exercise.start).toEqual({ logits: [2, 1, 0], target: 1, eta: 0 });
    expect(check()).toBe(false);
  });
  it('the threshold is 0.704: 0.7039 fails, 0.7041, 0.71 and 1 pass', () => {
    expect(check({ eta: 0.7039 })).toBe(false);
    expect(check({ eta: 0.7041 })).toBe(true);
    expect(check({ eta: 0.71 })).toBe(true);
    expect(check({ eta: 1 })).toBe(true);
  });
  it('η above 1 and edited logits or target do not count', () => {
    expect(check({ eta: 1.5 })).toBe(false);
    expect(check({ logits: [0, 5, 0], eta: 0.1 })).toBe(false);
    expect(check({ target: 0, eta: 0.8 })).toBe(false);
  });
});

describe('chapter 10 quiz', () => {
  it('has the six curriculum questions in order', () => {
    expect(lesson.quiz.map((q) => q.id)).toEqual(['base-model-continues', 'three-stages-data', 'chat-updates-weights', 'train-low-val-high', 'cross-entropy-gradient', 'over-optimise-reward']);
  });
  it('choice answers: b) continues the text; raw text / prompt–response / preference pairs; False', () => {
    expect(correctChoice('base-model-continues')).toMatch(/continues the text/);
    expect(correctChoice('three-stages-data')).toMatch(/^Pretraining: raw text.*SFT: prompt–response pairs; RLHF: preference pairs/);
    expect(correctChoice('chat-updates-weights')).toBe('False');
  });
  const cases: [string, string[], string[]][] = [
    ['train-low-val-high', ['overfitting, stop early', 'It is memorising; use early stopping'], ['train longer', 'underfitting', '']],
    ['cross-entropy-gradient', ['p - y', 'p − y', 'p minus y'], ['y - p', 'softmax', '']],
    ['over-optimise-reward', ['over-optimisation', 'sycophancy', 'it learns to flatter'], ['nothing', 'it gets better', '']],
  ];
  for (const [id, right, wrong] of cases) {
    it(`${id}: accepts ${right.length} right answers and refuses ${wrong.length} wrong ones`, () => {
      for (const answer of right) expect(grade(id, answer), answer).toBe(true);
      for (const answer of wrong) expect(grade(id, answer), answer).toBe(false);
    });
  }
});

describe('worked numbers in the lesson text match the math', () => {
  const f3 = (x: number) => x.toFixed(3);
  it('−ln p for p = 0.9, 0.5, 0.05', () => {
    for (const p of [0.9, 0.5, 0.05]) expect(text).toContain(`| ${f3(-Math.log(p))}`);
  });
  it('the Rome/Paris/Oslo step: p, loss, gradient, η = 1 and η = 0.5, and the 0.7040 threshold', () => {
    const z = [2, 1, 0];
    expect(text).toContain(`$p$ = (${probabilities(z).map(f3).join(', ')})`);
    expect(text).toContain(`$-\\ln 0.245 = ${f3(crossEntropy(z, 1))}$`);
    const after = gradientStep(z, 1, 1);
    expect(text).toContain(`(${after.map((x) => f3(x)).join(',\\ ').replace('-', '-')})`);
    expect(text).toContain(`Paris ${f3(probabilities(after)[1])}`);
    expect(text).toContain(`0.596`);
    expect(f3(crossEntropy(after, 1))).toBe('0.596');
    const half = gradientStep(z, 1, 0.5);
    expect(text).toContain(`Paris gets ${f3(probabilities(half)[1])} and the loss is ${f3(crossEntropy(half, 1))}`);
  });
  it('σ(1) and σ(2) as percentages, and the KL table', () => {
    expect(text).toContain(`${(preferenceProbability(1, 0) * 100).toFixed(1)} % of the time`);
    expect(text).toContain(`${(preferenceProbability(2, 0) * 100).toFixed(1)} %.`);
    for (const beta of [10, 1, 0.5]) expect(text).toContain(`(${klOptimum([0.7, 0.3], [0, 1], beta).map(f3).join(', ')})`);
    expect(text).toContain(`(${klOptimum([0.7, 0.3], [0, 1], 0.1).map((x) => x.toFixed(4)).join(', ')})`);
  });
  it('LoRA sizes: 64×64 at rank 4 and 768×768 at rank 8', () => {
    const lora = (d: number, r: number) => ({ small: 2 * d * r, full: d * d });
    const a = lora(64, 4);
    const b = lora(768, 8);
    expect(text).toContain(`${a.small} trainable numbers\n  instead of ${a.full.toLocaleString('en')} (${((100 * a.small) / a.full).toFixed(1)} %)`);
    expect(text).toContain(`${b.small.toLocaleString('en')} instead of ${b.full.toLocaleString('en')} (${((100 * b.small) / b.full).toFixed(1)} %)`);
  });
});
