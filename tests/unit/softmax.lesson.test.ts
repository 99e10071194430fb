// Chapter 5's prose: every curriculum misconception is answered, the widgets and exercise are placed, and the
// course model's numbers are quoted from its manifest rather than typed in.
import { describe, expect, test } from 'vitest';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { text, lesson } = readLesson('05-softmax.mdx');
const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('chapter 5 lesson', () => {
  test.each([
    ['higher τ is more accurate', /Raising the temperature does not make a model more accurate/],
    ['temperature can change the top token', /ranking never changes/],
    ['logits are probabilities', /A logit is not a probability/],
    ['greedy is best', /Is greedy best\?[\s\S]*tends to fall[\s\S]*into a \*\*loop\*\*/],
    ['p is the chance the answer is true', /It is not\s+the chance that the sentence is true/],
    ['decoding changes the text, not the model', /decoding changes the text, not the model/],
  ])('answers the misconception or key idea: %s', (_, pattern) => {
    expect(body).toMatch(pattern);
  });

  test('places both widgets and all three exercises', () => {
    expect(body).toContain('<SoftmaxLab client:visible id="softmax-lab" />');
    expect(body).toContain('<SamplingPanel client:visible id="sampling-panel" />');
    for (const id of ['tame-the-poet', 'nucleus-count', 'make-it-deterministic']) expect(body).toContain(`<Exercise id="${id}" />`);
    expect(lesson.exercises.map((e) => e.id)).toEqual(['tame-the-poet', 'nucleus-count', 'make-it-deterministic']);
  });

  test('ln V of the course model comes from the manifest, not a typed number', () => {
    expect(body).toMatch(/\{Math\.log\(vocabSize\)\.toFixed\(2\)\}/);
    expect(body).toMatch(/learnedManifest\.config\.vocabSize/);
    expect(body).not.toMatch(/5\.99/);
  });

  test('the objectives include the loss −ln p and greedy loops', () => {
    expect(lesson.objectives.some((o) => /-\\ln p/.test(o))).toBe(true);
    expect(lesson.objectives.some((o) => /greedy/.test(o))).toBe(true);
  });
});
