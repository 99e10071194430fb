// Chapter 3's exercise checks: false on the start state, true on solved ones, with the curriculum's numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { embeddingsChecks } from '../../lessons/checks/embeddings.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { cosineNeighbours, embeddingsOf } from '../../engine/eval/neighbours.ts';
import { readModelDir } from '../../scripts/modelDir.ts';
import { lessonSchema } from '../../site/lib/exerciseSchema.ts';
import { DEFAULT_PLANE, embeddingPlaneView, type EmbeddingPlaneSettings } from '../../widgets/embeddings/embeddingPlaneModel.ts';
import { DEFAULT_EMBEDDING_MAP, type EmbeddingMapSettings, type EmbeddingMapView } from '../../widgets/embeddings/embeddingMapModel.ts';

const text = readFileSync(new URL('../../lessons/03-embeddings.mdx', import.meta.url), 'utf8');
const lesson = lessonSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]));
const exercise = (id: string) => lesson.exercises.find((e) => e.id === id)!;
/** The plane as the exercise opens it: the widget's defaults under the frontmatter's start. */
const startOf = (id: string): EmbeddingPlaneSettings => ({ ...DEFAULT_PLANE, ...(exercise(id).start as Partial<EmbeddingPlaneSettings>) });
const planeCheck = (id: string, state: EmbeddingPlaneSettings) => runCheck(embeddingsChecks[id], { state, view: embeddingPlaneView(state), answer: '' });

describe('place-the-apple: nearest word a fruit, within 1.5 of cherry (6, 4)', () => {
  const start = startOf('place-the-apple');
  const withApple = (apple: [number, number]) => ({ ...start, pos: { apple } });
  test('the exercise wraps EmbeddingPlane in place mode on the curriculum plane', () => {
    expect(exercise('place-the-apple').widget).toBe('EmbeddingPlane');
    expect(start.mode).toBe('place');
    expect(start.fixed).toEqual({ cherry: [6, 4], strawberry: [5, 4], castle: [2, 1], bike: [1, 2], basketball: [2, 6] });
  });
  test('not solved at the start', () => expect(planeCheck('place-the-apple', start)).toBe(false));
  test.each([
    [[5, 5], true], [[6, 5], true], [[5.5, 4.5], true], [[6, 4], true], [[7, 5], true],
    [[3, 4], false], [[7.6, 4], false], [[2, 6], false], [[4.4, 4], false], [[6, 5.6], false],
  ] as [[number, number], boolean][])('apple at %j → %s', (apple, solved) => expect(planeCheck('place-the-apple', withApple(apple))).toBe(solved));
  test('a link that moves the fixed words, or another mode, does not count', () => {
    expect(planeCheck('place-the-apple', { ...withApple([5, 5]), fixed: { cherry: [5, 5] } })).toBe(false);
    expect(planeCheck('place-the-apple', { ...withApple([5, 5]), mode: 'sort' })).toBe(false);
    expect(planeCheck('place-the-apple', { ...start, pos: {} })).toBe(false);
  });
});

describe('analogy-by-hand: from king to queen on the toy map', () => {
  const start = startOf('analogy-by-hand');
  const withExpr = (expr: [string, string, string]) => ({ ...start, expr });
  test('the exercise wraps EmbeddingPlane in arithmetic mode on the royal toy', () => {
    expect(exercise('analogy-by-hand').widget).toBe('EmbeddingPlane');
    expect(start.mode).toBe('arithmetic');
    expect(start.words).toEqual({ man: [1, 1], woman: [1, 2], king: [2, 1], queen: [2, 2] });
  });
  test('not solved at the start (nothing chosen yet)', () => expect(planeCheck('analogy-by-hand', start)).toBe(false));
  test.each([
    [['king', 'man', 'woman'], true],
    [['woman', 'man', 'king'], true],
    [['queen', 'man', 'man'], false],
    [['king', 'king', 'queen'], false],
    [['king', 'woman', 'man'], false],
    [['king', 'man', ''], false],
    [['man', 'king', 'woman'], false],
  ] as [[string, string, string], boolean][])('%j → %s', (expr, solved) => expect(planeCheck('analogy-by-hand', withExpr(expr))).toBe(solved));
  test('moving the toy words does not count', () => {
    expect(planeCheck('analogy-by-hand', { ...withExpr(['king', 'man', 'woman']), words: { ...start.words, queen: [3, 3], man: [0, 0], woman: [0, 1] } })).toBe(false);
  });
});

describe('pure-cluster: every neighbour shares a §2.2 list with the word', () => {
  const check = embeddingsChecks['pure-cluster'];
  const start = lesson.exercises.find((e) => e.id === 'pure-cluster')!.start as Partial<EmbeddingMapSettings>;
  const state = (over: Partial<EmbeddingMapSettings>): EmbeddingMapSettings => ({ ...DEFAULT_EMBEDDING_MAP, ...start, ...over });
  const run = (s: EmbeddingMapSettings, view: EmbeddingMapView) => runCheck(check, { state: s, view, answer: '' });
  // Neighbour lists as written in the curriculum's check C-7 report of the course model (independent of the widget).
  const monday = ['tuesday', 'sunday', 'friday', 'thursday', 'beijing'];
  const paris = ['copenhagen', 'hanoi', 'athens', 'lisbon', 'dublin'];

  test('a day with a capital among its neighbours fails', () => {
    expect(run(state({ word: 'monday' }), { word: 'monday', neighbours: monday, analogy: null })).toBe(false);
  });
  test('on the committed tw-learned the exercise opens unsolved on its start word, while the curriculum\'s paris would open solved', async () => {
    const { model, tokenizer } = await readModelDir('public/models/tw-learned');
    const E = embeddingsOf(model, tokenizer);
    const neighboursOf = (word: string) => cosineNeighbours(E, word, 5).map((n) => n.token);
    expect(run(state({}), { word: start.word!, neighbours: neighboursOf(start.word!), analogy: null })).toBe(false);
    expect(run(state({ word: 'paris' }), { word: 'paris', neighbours: neighboursOf('paris'), analogy: null })).toBe(true);
    // The task promises an intruder among the start word's neighbours and a start in its own highlight group.
    expect(start.group).toBe('days');
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
