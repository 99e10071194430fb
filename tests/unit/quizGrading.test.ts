// Short-answer grading, on chapter 5's quiz as declared in its frontmatter (curriculum answers as the oracle).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { lessonSchema } from '../../site/lib/exerciseSchema.ts';
import { gradeShortAnswer, numbersIn } from '../../site/lib/quizGrading.ts';
import { blockHtml, inlineHtml } from '../../site/lib/richText.ts';

const text = readFileSync(join(import.meta.dirname, '../../lessons/05-softmax.mdx'), 'utf8');
const quiz = lessonSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)![1])).quiz;
const rule = (id: string) => {
  const q = quiz.find((item) => item.id === id);
  if (!q || q.kind !== 'short') throw new Error(`no short question ${id}`);
  return q.accept;
};

test('chapter 5 has the six curriculum questions, one of them multiple choice with answer b', () => {
  expect(quiz).toHaveLength(6);
  const choice = quiz.filter((q) => q.kind === 'choice');
  expect(choice).toHaveLength(1);
  expect(choice[0].kind === 'choice' && choice[0].choices[choice[0].correct]).toMatch(/sharpens the distribution and keeps the ranking/);
});

describe('gradeShortAnswer on chapter 5', () => {
  const cases: [string, string[], string[]][] = [
    ['softmax-431', ['71 / 26 / 4 %', '70.5%, 25.9%, 3.5%', '0.705, 0.259, 0.035', 'about 71, 26 and 4 percent'], ['50 / 37.5 / 12.5', '4, 3, 1', '26 / 71 / 4', '71 %']],
    ['why-not-divide', ['A negative score gives a negative probability', 'the scores could sum to zero', 'Negative numbers break it'], ['it is slower', 'exponentials are nicer', '']],
    ['top-p-count', ['3', 'three', 'it keeps 3 tokens'], ['2', '4', 'two']],
    ['base-ten', ['0.434', '≈ 0.4343', '1/ln 10', 'tau = 0.43429'], ['2.303', '0.5', '10', '0.44']],
    ['loss-005', ['2.996', '≈ 3.0 nats', '3', '2.99'], ['0.05', '1.3', '0.105', '−3']],
  ];
  for (const [id, right, wrong] of cases) {
    test(`${id}: accepts ${right.length} right answers, rejects ${wrong.length} wrong ones`, () => {
      for (const answer of right) expect(gradeShortAnswer(answer, rule(id)), answer).toBe(true);
      for (const answer of wrong) expect(gradeShortAnswer(answer, rule(id)), answer).toBe(false);
    });
  }
});

test('numbersIn reads signs (including the Unicode minus), decimals and exponents in order', () => {
  expect(numbersIn('−1, 2.5 and .5 then 1e-3')).toEqual([-1, 2.5, 0.5, 0.001]);
  expect(numbersIn('no numbers')).toEqual([]);
});

describe('richText', () => {
  test('escapes HTML and typesets $…$ with KaTeX', () => {
    const html = inlineHtml('<b>x</b> & $\\tau = 2$ costs \\$5');
    expect(html.startsWith('&lt;b&gt;x&lt;/b&gt; &amp; ')).toBe(true);
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('katex-error');
    expect(html.endsWith(' costs $5')).toBe(true);
  });
  test('blank lines make paragraphs', () => {
    expect(blockHtml('one\n\n two \n\n')).toBe('<p>one</p><p>two</p>');
  });
});
