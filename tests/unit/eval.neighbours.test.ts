/**
 * C-7 on hand-made embedding tables: cosine neighbours (angles known by construction), analogies on
 * a table built from semantic features, the pure-cluster word, and the judge's conditions.
 */
import { describe, expect, it } from 'vitest';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import { COMPANIES, DAYS, FRUITS, HELD_OUT_CAPITALS, INVENTED_CAPITALS, KNOWN_CAPITALS, ROLE_PAIRS, TECH_NOUNS } from '../../engine/corpus/wordLists.ts';
import { analogy, cosineNeighbours, findPureClusterWord, judgeNeighbours, measureNeighbours } from '../../engine/eval/neighbours.ts';
import type { Embeddings } from '../../engine/eval/neighbours.ts';
import { createNormal, createRng } from '../../engine/rng.ts';

describe('cosineNeighbours', () => {
  it('ranks by angle, not by length, and leaves out the word and special tokens', () => {
    const deg = (a: number, r = 1) => [r * Math.cos((a * Math.PI) / 180), r * Math.sin((a * Math.PI) / 180)];
    // "far" sits at 40° but is 10× longer: a dot product would rank it first, cosine ranks it after 30°.
    // "<eos>" at 1° would be the nearest, but it is not a word.
    const E: Embeddings = { d: 2, tokens: ['x', 'near', 'far', 'right', 'opposite', '<eos>'], matrix: new Float32Array([...deg(0), ...deg(30), ...deg(40, 10), ...deg(90), ...deg(180), ...deg(1)]) };
    const n = cosineNeighbours(E, 'x', 4);
    expect(n.map((x) => x.token)).toEqual(['near', 'far', 'right', 'opposite']);
    expect(n[0].cosine).toBeCloseTo(Math.cos(Math.PI / 6), 6);
    expect(n[3].cosine).toBeCloseTo(-1, 6);
    expect(cosineNeighbours(E, 'x', 2)).toHaveLength(2);
  });
});

/**
 * A table over the course vocabulary built from named features (royal, female, capital, …) plus a
 * little noise; unstructured words are random. `structured` picks which groups get their features.
 */
function featureTable(structured: { roles: boolean; places: boolean; days: boolean; fruitsAndCompanies: boolean }): Embeddings {
  const tokens = courseVocabulary();
  const d = 128;
  const normal = createNormal(createRng(5));
  const matrix = new Float32Array(tokens.length * d);
  const F = { royal: 0, female: 1, male: 2, young: 3, adult: 4, person: 5, parent: 6, capital: 7, country: 8, day: 9, fruit: 10, company: 11, tech: 12 };
  const firstPairDim = 13; // one identity dimension per country/capital pair
  const features = new Map<string, number[]>();
  const set = (word: string, dims: number[]) => features.set(word, dims);
  if (structured.roles) {
    set('king', [F.royal, F.male, F.adult]); set('queen', [F.royal, F.female, F.adult]);
    set('prince', [F.royal, F.male, F.young]); set('princess', [F.royal, F.female, F.young]);
    set('man', [F.person, F.male, F.adult]); set('woman', [F.person, F.female, F.adult]);
    set('boy', [F.person, F.male, F.young]); set('girl', [F.person, F.female, F.young]);
    set('father', [F.parent, F.male, F.adult]); set('mother', [F.parent, F.female, F.adult]);
    for (const [m, f] of ROLE_PAIRS) {
      if (features.has(m)) continue;
      set(m, [F.person, F.male]);
      set(f, [F.person, F.female]);
    }
  }
  if (structured.places) {
    [...KNOWN_CAPITALS, ...HELD_OUT_CAPITALS, ...INVENTED_CAPITALS].forEach((c, i) => {
      set(c.country, [F.country, firstPairDim + i]);
      set(c.capital, [F.capital, firstPairDim + i]);
    });
  }
  if (structured.days) for (const day of DAYS) set(day, [F.day]);
  if (structured.fruitsAndCompanies) {
    for (const f of FRUITS) set(f, [F.fruit]);
    for (const c of COMPANIES) set(c, [F.company]);
    for (const t of TECH_NOUNS) set(t, [F.tech]);
    set('apple', [F.fruit, F.company]);
  }
  tokens.forEach((token, id) => {
    const dims = features.get(token);
    for (let c = 0; c < d; c++) matrix[id * d + c] = dims ? 0.05 * normal() : normal();
    for (const dim of dims ?? []) matrix[id * d + dim] += 1;
  });
  return { matrix, d, tokens };
}

describe('analogies and C-7 on a feature table', () => {
  const all = featureTable({ roles: true, places: true, days: true, fruitsAndCompanies: true });
  it('a − b + c lands on the word with the combined features, inputs excluded', () => {
    expect(analogy(all, 'king', 'man', 'woman')[0].token).toBe('queen');
    expect(analogy(all, 'prince', 'boy', 'girl')[0].token).toBe('princess');
    expect(analogy(all, 'paris', 'france', 'italy')[0].token).toBe('rome');
    // The inputs themselves are never offered as answers.
    const top = analogy(all, 'father', 'man', 'woman', 10).map((n) => n.token);
    expect(top[0]).toBe('mother');
    expect(top).not.toContain('father');
    expect(top).not.toContain('woman');
  });
  it('passes C-7, with 4/4 analogies; "apple" (fruit and company) is the first pure-cluster word', () => {
    const verdict = judgeNeighbours(measureNeighbours(all));
    expect(verdict.met).toBe(true);
    expect(verdict.measured).toEqual({ neighbours: '6/6', analogies: '4/4', pureCluster: 'apple' });
  });
  it('fails when the days are scattered, and the pure cluster moves on', () => {
    const noDays = featureTable({ roles: true, places: true, days: false, fruitsAndCompanies: true });
    const verdict = judgeNeighbours(measureNeighbours(noDays));
    expect(verdict.met).toBe(false);
    expect(verdict.measured.neighbours).toBe('5/6');
    const onlyDays = featureTable({ roles: false, places: false, days: true, fruitsAndCompanies: false });
    expect(findPureClusterWord(onlyDays)).toBe('monday');
  });
  it('fails with fewer than 2 analogies and with no pure cluster', () => {
    const none = featureTable({ roles: false, places: false, days: false, fruitsAndCompanies: false });
    const m = measureNeighbours(none);
    expect(m.pureCluster).toBeNull();
    expect(judgeNeighbours(m).met).toBe(false);
    expect(judgeNeighbours({ ...measureNeighbours(all), pureCluster: null }).met).toBe(false);
    const oneAnalogy = measureNeighbours(all);
    oneAnalogy.analogies = oneAnalogy.analogies.map((a, i) => (i === 0 ? a : { ...a, top: ['x', 'y', 'z'] }));
    expect(judgeNeighbours(oneAnalogy).measured.analogies).toBe('1/4');
    expect(judgeNeighbours(oneAnalogy).met).toBe(false);
  });
});
