// Chapter 6's own words and numbers (curriculum ch. 6): the quiz accepts the curriculum answers and turns down the
// misconceptions, the d_k table is d_model / n_heads, the exercise's solution names the head the model card
// records, and the engine sections quote the model numbers from the manifests instead of typing them in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLesson } from './fixtures/lessonQuiz.ts';

const { text, lesson, question, grade, correctChoice } = readLesson('06-attention.mdx');
const c6b = (name: string) => JSON.parse(readFileSync(`public/models/${name}/manifest.json`, 'utf8')).evals.checks.find((c: { id: string }) => c.id === 'C-6b').measured;
/** The part of the lesson this engineer writes: everything after the toy-attention region. */
const engineSections = text.slice(text.indexOf('{/* ch6b:end */}'));

describe('chapter 6 quiz', () => {
  it('has the six curriculum questions and places <Quiz lesson="attention" />', () => {
    expect(lesson.quiz.map((q) => q.id)).toEqual([
      'attention-rows-are-queries', 'attention-why-sqrt', 'attention-probabilities-symmetric', 'attention-head-counts', 'attention-values-carry', 'attention-cost',
    ]);
    expect(text).toContain('<Quiz lesson="attention" />');
  });

  it('rows of S are queries; values carry the content; probabilities are not symmetric', () => {
    expect(correctChoice('attention-rows-are-queries')).toBe('the query token being updated');
    expect(correctChoice('attention-values-carry')).toBe('what content gets mixed in');
    expect(correctChoice('attention-probabilities-symmetric')).toBe('False');
    expect(question('attention-rows-are-queries').explanation).toMatch(/columns are the keys/);
  });

  it('√d_k: the variance answer passes, "it is arbitrary" does not', () => {
    expect(grade('attention-why-sqrt', 'Var(q·k) = d_k, dividing brings the variance back to 1')).toBe(true);
    expect(grade('attention-why-sqrt', 'otherwise the softmax saturates')).toBe(true);
    expect(grade('attention-why-sqrt', 'it is an arbitrary constant')).toBe(false);
  });

  it('heads: 8 in the original paper, 12 in GPT-2 small; the 12-first mix-up fails', () => {
    expect(grade('attention-head-counts', '8 and 12')).toBe(true);
    expect(grade('attention-head-counts', '8; 12')).toBe(true);
    expect(grade('attention-head-counts', '12 and 12')).toBe(false);
    expect(grade('attention-head-counts', '12, 8')).toBe(false);
  });

  it('T = 1,000 gives T² = 1,000,000 scores', () => {
    expect(1000 ** 2).toBe(1_000_000);
    expect(grade('attention-cost', '1,000,000')).toBe(true);
    expect(grade('attention-cost', '1000000 scores')).toBe(true);
    expect(grade('attention-cost', 'a million')).toBe(true);
    expect(grade('attention-cost', '10^6')).toBe(true);
    expect(grade('attention-cost', '1000')).toBe(false);
  });
});

describe('worked numbers in the engine sections', () => {
  it('d_k = d_model / n_heads: 512/8 = 64, 768/12 = 64, 64/4 = 16, as the table prints', () => {
    for (const [dModel, heads, dk] of [[512, 8, 64], [768, 12, 64], [64, 4, 16]]) {
      expect(dModel / heads).toBe(dk);
      expect(engineSections).toContain(`| ${dModel} | ${heads} | ${dModel} / ${heads} = ${dk} |`);
    }
  });

  it('this model: √16 = 4 and 64² = 4,096 scores per head', () => {
    expect(Math.sqrt(16)).toBe(4);
    expect(64 ** 2).toBe(4096);
    expect(engineSections).toContain('\\sqrt{d_k} = \\sqrt{16} = 4');
    expect(engineSections).toContain('that is 4,096');
  });

  it('the pronoun-head numbers are quoted from the manifests, not typed in', () => {
    const learned = c6b('tw-learned').demoHead;
    const rope = c6b('tw-rope').demoHead;
    expect(engineSections).toContain('layer {learnedDemo.layer}, head {learnedDemo.head}');
    expect(engineSections).toContain('{fixed2(learnedDemo.lessonHungry)}');
    expect(engineSections).toContain('averages {fixed2(learnedDemo.margin)}');
    expect(engineSections).toContain('(layer {ropeDemo.layer}, head {ropeDemo.head})');
    expect(engineSections).not.toContain(learned.lessonHungry.toFixed(2));
    // "It is not a quirk of this pair": tw-learned's head switches over the 20 probe pairs too (C-6b's bar).
    expect(learned.margin).toBeGreaterThanOrEqual(0.1);
    // tw-rope's "hardly moves" holds only while its probe margin stays under that bar.
    expect(engineSections).toContain('averages only {fixed2(ropeDemo.margin)}');
    expect(rope.margin).toBeLessThan(0.1);
  });

  it('the seed-search claims match the runs recorded on tw-learned\'s card: all resolve "it", exactly one has the head, and it is the one shipped', () => {
    const manifest = JSON.parse(readFileSync('public/models/tw-learned/manifest.json', 'utf8'));
    const { chosen, runs } = manifest.provenance.seedSelection as { chosen: number; runs: { seed: number; demoHead: string | null; c6: { hungry: string; delicious: string } }[] };
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const run of runs) expect([run.c6.hungry, run.c6.delicious]).toEqual(['20/20', '20/20']);
    expect(runs.filter((r) => r.demoHead !== null).map((r) => r.seed)).toEqual([chosen]);
    expect(manifest.provenance.settings.seed).toBe(chosen);
    const head = c6b('tw-learned').demoHead;
    expect(runs.find((r) => r.seed === chosen)!.demoHead).toBe(`layer ${head.layer}, head ${head.head}`);
    expect(engineSections).toContain('in only\n{seedRunsWithHead} of them');
  });

  it('the exercise starts on tw-learned, and its solution names the head tw-learned’s card records', () => {
    const exercise = lesson.exercises.find((e) => e.id === 'find-the-pronoun-head')!;
    expect(exercise.start).toMatchObject({ model: 'tw-learned', layer: 0, head: 0 });
    const learned = c6b('tw-learned').demoHead;
    expect(exercise.solution).toContain(`Layer ${learned.layer}, head ${learned.head} of tw-learned`);
    // The last hint says where not to look; it must stay true of the recorded head.
    expect(exercise.hints.at(-1)).toBe('The head you want is not in the last layer.');
    expect(learned.layer).toBeLessThan(3);
    expect(text.split('<Exercise id="find-the-pronoun-head" />')).toHaveLength(2);
  });

  it('every misconception of the chapter is answered somewhere in the lesson', () => {
    expect(text).toMatch(/used\s+\*\*8 heads\*\*/);
    expect(text).toMatch(/not a\s+"master head"/);
    expect(text).toMatch(/mostly looks at the neighbouring words/);
    expect(text).toMatch(/rows are the tokens being updated/);
    expect(text).toMatch(/variance/);
  });
});
