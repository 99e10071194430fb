// Properties of the full default corpus (seed 1234, 40,000 documents), generated once for this file.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../engine/corpus/generator.ts';
import type { Corpus } from '../../engine/corpus/generator.ts';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';

// §2.3 shares, typed in from the curriculum rather than imported from the code under test.
const SPEC_SHARES: Record<string, number> = {
  F1: 0.1, F2: 0.1, F3: 0.12, F4: 0.12, F5: 0.1, F6: 0.03, F7: 0.05, F8: 0.05, F9: 0.08, F10: 0.08, F11: 0.05, F12: 0.12,
};
// §2.3's exact a/an exception list.
const AN_EXCEPTIONS = new Set(['orange', 'app', 'apple', 'egg', 'onion', 'owl', 'elephant', 'uncle', 'aunt', 'emperor', 'empress', 'eight', 'eleven', 'eighteen']);
// Unlisted (function) words that TinyWorld puts after an article and that start with a vowel sound.
const UNLISTED_VOWEL_WORDS = new Set(['old']);
const KNOWN_COUNTRIES = ['france', 'spain', 'italy', 'germany', 'japan', 'china', 'egypt', 'peru', 'russia', 'greece', 'portugal', 'poland',
  'norway', 'sweden', 'ireland', 'austria', 'finland', 'hungary', 'denmark', 'cuba', 'thailand', 'vietnam', 'chile', 'ghana'];

let corpus: Corpus;
beforeAll(() => {
  corpus = generateCorpus({ seed: 1234 });
});

describe('generateCorpus at default size', () => {
  it('is about 40,000 documents, 120,000 sentences and 1.1 M tokens, generated in one pass', () => {
    const { stats } = corpus;
    expect(corpus.documents).toHaveLength(40_000);
    expect(stats.sentences).toBeGreaterThan(105_000);
    expect(stats.sentences).toBeLessThan(135_000);
    expect(stats.tokens).toBeGreaterThan(1_000_000);
    expect(stats.tokens).toBeLessThan(1_250_000);
  });

  it('counts tokens and sentences the way the text shows them', () => {
    const all = corpus.documents.map((d) => d.text).join(' ').split(' ');
    expect(all.length).toBe(corpus.stats.tokens);
    expect(corpus.documents.reduce((n, d) => n + d.sentences.length, 0)).toBe(corpus.stats.sentences);
    expect(corpus.trainText.split('\n').filter(Boolean)).toHaveLength(corpus.stats.trainDocuments);
  });

  it('keeps every family within ±1.5 percentage points of its §2.3 share', () => {
    const counts: Record<string, number> = {};
    for (const d of corpus.documents) for (const s of d.sentences) counts[s.family] = (counts[s.family] ?? 0) + 1;
    for (const [family, share] of Object.entries(SPEC_SHARES)) {
      expect(Math.abs(counts[family] / corpus.stats.sentences - share), family).toBeLessThanOrEqual(0.015);
    }
  });

  it('states each known capital fact in at least 100 sentences', () => {
    const text = ` ${corpus.documents.map((d) => d.text).join(' ')} `;
    for (const country of KNOWN_COUNTRIES) {
      const sentences = text.split(` the capital of ${country} is `).length - 1 + (text.split(` is the capital of ${country} . `).length - 1);
      expect(sentences, country).toBeGreaterThanOrEqual(100);
    }
  });

  it('uses each sense of "apple" in at least 4,000 sentences and fills ≥ 40 % of F1 and of F2', () => {
    let fruit = 0, company = 0, f1 = 0, f2 = 0;
    for (const d of corpus.documents) {
      for (const s of d.sentences) {
        const hasApple = s.text.split(' ').includes('apple');
        if (s.family === 'F1') {
          f1++;
          if (hasApple) fruit++;
        }
        if (s.family === 'F2') {
          f2++;
          if (hasApple) company++;
        }
      }
    }
    expect(fruit).toBeGreaterThanOrEqual(4000);
    expect(company).toBeGreaterThanOrEqual(4000);
    expect(fruit / f1).toBeGreaterThanOrEqual(0.4);
    expect(company / f2).toBeGreaterThanOrEqual(0.4);
    expect(corpus.stats.appleCueBeforeShare).toBeGreaterThanOrEqual(0.6);
  });

  it('ends a document right after "the capital of {country} is {capital} ." at least half the time', () => {
    let total = 0, ending = 0;
    const fact = /^the capital of \w+ is \w+ \.$/;
    for (const d of corpus.documents) {
      d.sentences.forEach((s, i) => {
        if (!fact.test(s.text)) return;
        total++;
        if (i === d.sentences.length - 1) ending++;
      });
    }
    expect(total).toBeGreaterThan(1000);
    expect(ending / total).toBeGreaterThanOrEqual(0.5);
  });

  it('agrees every article with the next word over the whole corpus', () => {
    let checked = 0;
    for (const d of corpus.documents) {
      const tokens = d.text.split(' ');
      for (let i = 0; i + 1 < tokens.length; i++) {
        if (tokens[i] !== 'a' && tokens[i] !== 'an') continue;
        const next = tokens[i + 1];
        const wantsAn = AN_EXCEPTIONS.has(next) || UNLISTED_VOWEL_WORDS.has(next);
        expect(`${tokens[i]} ${next}`).toBe(`${wantsAn ? 'an' : 'a'} ${next}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it('uses only vocabulary tokens, never <unk>, and every vocabulary word except <pad>/<unk>/<user>/<bot> and fine-tuning-only words', () => {
    const vocab = new Set(courseVocabulary());
    const seen = new Set<string>();
    for (const d of corpus.documents) for (const t of d.text.split(' ')) seen.add(t);
    for (const t of seen) expect(vocab.has(t), t).toBe(true);
    expect(seen.has('<unk>')).toBe(false);
    expect(seen.has('<user>') || seen.has('<bot>') || seen.has('<pad>')).toBe(false);
    // Words that §2.1 says may appear only in fine-tuning sets.
    const fineTuneOnly = new Set(['<pad>', '<unk>', '<user>', '<bot>', 'quorvia', 'tarsin', 'olvec', 'its', 'government', 'sits', 'which', 'do', 'know', 'great', 'question']);
    const unused = [...vocab].filter((w) => !seen.has(w) && !fineTuneOnly.has(w));
    expect(unused).toEqual([]);
  });

  it('reports H_gen as total choice cost per token, below ln V and in the range the curriculum planned for', () => {
    const nats = corpus.documents.reduce((n, d) => n + d.nats, 0);
    expect(corpus.stats.hGen).toBeCloseTo(nats / corpus.stats.tokens, 10);
    expect(corpus.stats.hGen).toBeGreaterThan(0.7);
    expect(corpus.stats.hGen).toBeLessThan(1.3);
    expect(corpus.stats.hGenValidation).toBeGreaterThan(0.7);
    expect(corpus.stats.hGen).toBeLessThan(Math.log(courseVocabulary().length));
  });
});
