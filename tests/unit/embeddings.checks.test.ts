// Chapter 3's exercise checks: false on the start state, true on solved ones, with the curriculum's numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { embeddingsChecks } from '../../lessons/checks/embeddings.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { lessonSchema } from '../../site/lib/exerciseSchema.ts';
import { DEFAULT_EMBEDDING_MAP, type EmbeddingMapSettings, type EmbeddingMapView } from '../../widgets/embeddings/embeddingMapModel.ts';

const text = readFileSync(new URL('../../lessons/03-embeddings.mdx', import.meta.url), 'utf8');
const lesson = lessonSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]));
const answerCheck = (id: string, answer: string) => runCheck(embeddingsChecks[id], { state: {}, view: {}, answer });

describe('place-the-apple: nearest word a fruit, within 1.5 of cherry (6, 4)', () => {
  test.each([['5, 5', true], ['(6, 5)', true], ['5.5, 4.5', true], ['6,4', true], ['', false], ['3, 4', false], ['7.6, 4', false], ['1'.repeat(100_000), false], ['2, 6', false], ['apple', false]])(
    '%j → %s', (answer, solved) => expect(answerCheck('place-the-apple', answer)).toBe(solved));
});

describe('analogy-by-hand: from king to queen on the toy map', () => {
  test.each([
    ['king - man + woman', true], ['king − man + woman', true], ['woman + king - man', true],
    ['', false], ['queen', false], ['king', false], ['king - man + woman + queen - queen', false], ['king + woman', false], ['man - king + woman', false],
  ])('%j → %s', (answer, solved) => expect(answerCheck('analogy-by-hand', answer)).toBe(solved));
});

describe('pure-cluster: every neighbour shares a §2.2 list with the word', () => {
  const check = embeddingsChecks['pure-cluster'];
  const start = lesson.exercises.find((e) => e.id === 'pure-cluster')!.start as Partial<EmbeddingMapSettings>;
  const state = (over: Partial<EmbeddingMapSettings>): EmbeddingMapSettings => ({ ...DEFAULT_EMBEDDING_MAP, ...start, ...over });
  const run = (s: EmbeddingMapSettings, view: EmbeddingMapView) => runCheck(check, { state: s, view, answer: '' });
  // Neighbour lists as written in the curriculum's check C-7 report of the course model (independent of the widget).
  const monday = ['tuesday', 'sunday', 'friday', 'thursday', 'beijing'];
  const paris = ['copenhagen', 'hanoi', 'athens', 'lisbon', 'dublin'];

  test('the start word is monday, and a capital in its list fails it', () => {
    expect(start.word).toBe('monday');
    expect(run(state({}), { word: 'monday', neighbours: monday, analogy: null })).toBe(false);
  });
  test('before the neighbours arrive it is not solved', () => expect(run(state({}), { word: '', neighbours: [], analogy: null })).toBe(false));
  test('five capitals around paris solve it', () => expect(run(state({ word: 'paris' }), { word: 'paris', neighbours: paris, analogy: null })).toBe(true));
  test('apple counts fruit and companies as its own lists', () => {
    expect(run(state({ word: 'apple' }), { word: 'apple', neighbours: ['orbix', 'pixon', 'cherry', 'banana', 'kelta'], analogy: null })).toBe(true);
  });
  test('fewer than 5 neighbours, or a view of another word, do not count', () => {
    expect(run(state({ word: 'paris', k: 3 }), { word: 'paris', neighbours: paris.slice(0, 3), analogy: null })).toBe(false);
    expect(run(state({ word: 'monday' }), { word: 'paris', neighbours: paris, analogy: null })).toBe(false);
  });
  test('function words belong to no list', () => expect(run(state({ word: 'the' }), { word: 'the', neighbours: ['a', 'an', 'of', 'to', 'and'], analogy: null })).toBe(false));
});
