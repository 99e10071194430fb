// Held-out facts and probe combinations never reach the training text (curriculum §2.3–2.4, C-12).
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../engine/corpus/generator.ts';
import type { Corpus, CorpusDocument } from '../../engine/corpus/generator.ts';
import {
  APPLE_PROBES, HELD_OUT_ANIMAL_FOOD, HELD_OUT_ANIMAL_PAIRS, HELD_OUT_COLOUR_TRIPLES,
  companyPrefixCandidates, fruitPrefixCandidates,
} from '../../engine/corpus/heldOut.ts';

// The 8 held-out facts, typed in from §2.2.
const HELD_OUT: [string, string][] = [
  ['brazil', 'brasilia'], ['nigeria', 'abuja'], ['australia', 'canberra'], ['turkey', 'ankara'],
  ['canada', 'ottawa'], ['pakistan', 'islamabad'], ['morocco', 'rabat'], ['switzerland', 'bern'],
];
const WINDOW = 64;

let corpus: Corpus;
beforeAll(() => {
  corpus = generateCorpus({ seed: 99, documents: 40_000 });
});

const streamOf = (docs: CorpusDocument[]): string[] => docs.map((d) => d.text).join(' ').split(' ');
const padded = (text: string): string => ` ${text.replace(/\n/g, ' ')} `;

describe('held-out capitals', () => {
  it('never share a document or a 64-token window of either split with their country', () => {
    for (const split of ['train', 'validation'] as const) {
      const docs = corpus.documents.filter((d) => d.split === split);
      const together = docs.filter((d) => {
        const words = new Set(d.text.split(' '));
        return HELD_OUT.some(([country, capital]) => words.has(country) && words.has(capital));
      });
      expect(together.map((d) => d.text)).toEqual([]);
      const tokens = streamOf(docs);
      // One pass: for each pair, remember where its country and capital were last seen.
      const role = new Map<string, [number, 0 | 1]>();
      HELD_OUT.forEach(([country, capital], k) => (role.set(country, [k, 0]), role.set(capital, [k, 1])));
      const last = HELD_OUT.map(() => [-Infinity, -Infinity]);
      const minGap = HELD_OUT.map(() => Infinity);
      tokens.forEach((t, i) => {
        const r = role.get(t);
        if (!r) return;
        const [k, side] = r;
        last[k][side] = i;
        minGap[k] = Math.min(minGap[k], i - last[k][1 - side]);
      });
      HELD_OUT.forEach(([country, capital], k) => expect(minGap[k], `${country}/${capital} in ${split}`).toBeGreaterThanOrEqual(WINDOW));
    }
  });

  it('still name each held-out country, capital and big city (F6), and never a capital fact about them', () => {
    const text = padded(corpus.trainText);
    for (const [country, capital] of HELD_OUT) {
      expect(text.includes(` ${country} is a country . `), country).toBe(true);
      expect(text.includes(` ${capital} is an old city . `), capital).toBe(true);
      expect(text.includes(` the capital of ${country} is `)).toBe(false);
      expect(new RegExp(`(?<!what) is the capital of ${country} `).test(text)).toBe(false); // quiz questions are fine
    }
    expect(text.includes(' velmora is a small country by the sea . ')).toBe(true);
    for (const word of ['quorvia', 'tarsin', 'olvec']) expect(text.includes(` ${word} `), word).toBe(false);
  });

  it('names held-out entities only in F6 sentences and in quiz questions', () => {
    const entities = new Set([...HELD_OUT.flat(), 'velmora']);
    const countries = new Set(HELD_OUT.map(([c]) => c));
    for (const d of corpus.documents) {
      for (const s of d.sentences) {
        const named = s.text.split(' ').filter((w) => entities.has(w));
        if (named.length === 0 || s.family === 'F6') continue;
        expect(s.templateId.startsWith('f5-quiz'), s.text).toBe(true);
        for (const w of named) expect(countries.has(w), s.text).toBe(true);
      }
    }
  });
});

describe('held-out probe combinations', () => {
  it('never appear in the generated text, while the combinations kept in training do', () => {
    const text = padded(`${corpus.trainText} ${corpus.validationText}`);
    for (const p of APPLE_PROBES) expect(text.includes(` ${p.text} `), p.text).toBe(false);
    for (const [a, f] of HELD_OUT_ANIMAL_FOOD) expect(text.includes(` the ${a} ate the ${f} `), `${a}/${f}`).toBe(false);
    for (const [a1, a2] of HELD_OUT_ANIMAL_PAIRS) expect(text.includes(` the ${a1} chased the ${a2} `), `${a1}/${a2}`).toBe(false);
    for (const t of HELD_OUT_COLOUR_TRIPLES) expect(text.includes(` ${t.join(' ')} . again : `), t.join(' ')).toBe(false);
    // The scan can see prefixes: most apple prefixes that were not held back do occur.
    const held = new Set(APPLE_PROBES.map((p) => p.text));
    const kept = [...fruitPrefixCandidates(), ...companyPrefixCandidates()].map((t) => t.join(' ')).filter((t) => !held.has(t));
    const found = kept.filter((t) => text.includes(` ${t} `)).length;
    expect(found / kept.length).toBeGreaterThan(0.9);
    expect(text.includes(' the bear ate the honey because it was hungry . so the bear was ')).toBe(true);
    expect(text.includes(' she ate a red apple . it was very ')).toBe(true);
  });
});
