// generateCorpus on small corpora: determinism, document format, split, and exact choice costs (H_gen).
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../engine/corpus/generator.ts';
import { choiceNats, cumulative, drawIndex } from '../../engine/corpus/entropy.ts';
import { createRng } from '../../engine/rng.ts';

describe('generateCorpus', () => {
  it('gives byte-identical text for the same seed and different text for another seed', () => {
    const a = generateCorpus({ seed: 42, documents: 1500 });
    const b = generateCorpus({ seed: 42, documents: 1500 });
    const c = generateCorpus({ seed: 43, documents: 1500 });
    expect(b.trainText).toBe(a.trainText);
    expect(b.validationText).toBe(a.validationText);
    expect(c.trainText).not.toBe(a.trainText);
    expect(b.stats).toEqual(a.stats);
  });

  it('writes lower-case, space-separated documents of 1–5 sentences, each document ending in one <eos>', () => {
    const corpus = generateCorpus({ seed: 5, documents: 2000 });
    const lengths = new Set<number>();
    for (const d of corpus.documents) {
      expect(d.text).toMatch(/^[a-z.,?!:]+( [a-z.,?!:]+)* <eos>$/);
      expect(d.text.split(' ').filter((t) => t === '<eos>')).toHaveLength(1);
      expect(d.sentences.length).toBeGreaterThanOrEqual(1);
      expect(d.sentences.length).toBeLessThanOrEqual(5);
      expect(`${d.sentences.map((s) => s.text).join(' ')} <eos>`).toBe(d.text);
      for (const s of d.sentences) expect(s.text).toMatch(/[.?!]$/);
      lengths.add(d.sentences.length);
    }
    expect([...lengths].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds out exactly 2 % of documents for validation, chosen by the seed', () => {
    const a = generateCorpus({ seed: 11, documents: 5000 });
    const b = generateCorpus({ seed: 12, documents: 5000 });
    const validation = (docs: typeof a.documents) => docs.flatMap((d, i) => (d.split === 'validation' ? [i] : []));
    expect(validation(a.documents)).toHaveLength(100);
    expect(validation(a.documents)).not.toEqual(validation(b.documents));
    expect(a.validationText.split('\n').filter(Boolean)).toEqual(a.documents.filter((d) => d.split === 'validation').map((d) => d.text));
    expect(a.trainText.split('\n').filter(Boolean)).toHaveLength(4900);
  });

  it('charges nothing for tokens a template fixes: a one-sentence copy-list document costs template + triple + stop', () => {
    // F9 is 8 % of sentences and has one template; 990 ordered triples minus 50 held out = 940;
    // a document stops after an ordinary sentence with probability 0.24. The repeated half is free.
    const expected = Math.log(1 / 0.08) + Math.log(940) + Math.log(1 / 0.24);
    const corpus = generateCorpus({ seed: 3, documents: 8000 });
    const copies = corpus.documents.filter((d) => d.sentences.length === 1 && d.sentences[0].family === 'F9');
    expect(copies.length).toBeGreaterThan(50);
    const exact = copies.filter((d) => Math.abs(d.nats - expected) < 1e-9);
    // Only a rare held-out-entity gate (which renormalises the template choice) can move the cost.
    expect(exact.length / copies.length).toBeGreaterThan(0.9);
  });

  it('charges a weighted slot by its weight: "the farmer picked a ripe apple from the tree ." alone', () => {
    // F1 10 %; the farmer template has weight 2 of F1's 15; apple weighs 16 against 11 other fruits at 1 each.
    const apple = Math.log(1 / (0.1 * (2 / 15))) + Math.log(27 / 16) + Math.log(1 / 0.24);
    const pear = Math.log(1 / (0.1 * (2 / 15))) + Math.log(27 / 1) + Math.log(1 / 0.24);
    const corpus = generateCorpus({ seed: 8, documents: 20_000 });
    const farmer = corpus.documents.filter((d) => d.sentences.length === 1 && d.sentences[0].templateId === 'f1-farmer');
    const costOf = (fruit: string) => farmer.filter((d) => d.text.includes(` ${fruit} `)).map((d) => d.nats);
    expect(costOf('apple').filter((n) => Math.abs(n - apple) < 1e-9).length).toBeGreaterThan(0);
    expect(costOf('pear').filter((n) => Math.abs(n - pear) < 1e-9).length).toBeGreaterThan(0);
  });
});

describe('entropy helpers', () => {
  it('draws indices in proportion to their weights', () => {
    const cum = cumulative([1, 3, 0, 6]);
    const rng = createRng(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[drawIndex(rng(), cum)]++;
    expect(counts[2]).toBe(0);
    expect(counts[0] / 1e5).toBeCloseTo(0.1, 2);
    expect(counts[1] / 1e5).toBeCloseTo(0.3, 2);
    expect(counts[3] / 1e5).toBeCloseTo(0.6, 2);
  });

  it('costs −ln p nats per choice, 0 for a certain one', () => {
    expect(choiceNats(1, 1)).toBe(0);
    expect(choiceNats(1, 2)).toBeCloseTo(Math.LN2, 12);
    expect(choiceNats(3, 12)).toBeCloseTo(Math.log(4), 12);
  });
});

describe('corpusHash and heldOutWindowViolations', () => {
  it('hashes the two splits with SHA-256 and changes when the text changes', async () => {
    const { corpusHash } = await import('../../engine/corpus/corpusHash.ts');
    const { createHash } = await import('node:crypto');
    const corpus = generateCorpus({ seed: 4, documents: 300 });
    const expected = createHash('sha256').update(`${corpus.trainText}\u0000${corpus.validationText}`).digest('hex');
    expect(await corpusHash(corpus)).toBe(expected);
    expect(await corpusHash({ ...corpus, trainText: `${corpus.trainText} ` })).not.toBe(expected);
  });

  it('finds a held-out country and its capital closer than the window, and nothing in a generated split', async () => {
    const { heldOutWindowViolations } = await import('../../engine/corpus/windowCheck.ts');
    const filler = Array.from({ length: 70 }, () => 'the');
    expect(heldOutWindowViolations(['brazil', ...filler.slice(0, 10), 'brasilia'])).toEqual([
      { country: 'brazil', capital: 'brasilia', first: 0, second: 11 },
    ]);
    expect(heldOutWindowViolations(['brazil', ...filler, 'brasilia'])).toEqual([]);
    expect(heldOutWindowViolations(['brazil', 'abuja', 'rabat', 'turkey'])).toEqual([]);
    const corpus = generateCorpus({ seed: 6, documents: 6000 });
    expect(heldOutWindowViolations(corpus.trainText.split(/\s+/))).toEqual([]);
  });
});
