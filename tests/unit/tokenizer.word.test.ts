import { describe, expect, it } from 'vitest';
import { createWordTokenizer, editDistance, suggestKnownWords } from '../../engine/tokenizer/word.ts';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import { generateCorpus } from '../../engine/corpus/generator.ts';

// A small vocabulary laid out like the course one: specials, punctuation, then words.
const VOCAB = ['<pad>', '<unk>', '<eos>', '<user>', '<bot>', '.', ',', '?', '!', ':', 'i', 'ate', 'an', 'apple', 'the', 'capital', 'of', 'france', 'is', 'paris', 'apples', 'maple'];
const tok = createWordTokenizer(VOCAB);

describe('createWordTokenizer', () => {
  it('reports the vocabulary size and maps ids both ways', () => {
    expect(tok.kind).toBe('word');
    expect(tok.vocabSize).toBe(VOCAB.length);
    expect(tok.idOf('apple')).toBe(13);
    expect(tok.tokenText(13)).toBe('apple');
    expect(tok.idOf('banana')).toBeUndefined();
  });

  it('lower-cases and splits punctuation even when glued to a word', () => {
    const enc = tok.encode('I ate an Apple.');
    expect(enc.ids).toEqual([10, 11, 12, 13, 5]);
    expect(enc.unknown).toEqual([]);
  });

  it('gives spans as UTF-16 offsets into the original text', () => {
    const text = '  The capital of FRANCE is paris?';
    const enc = tok.encode(text);
    expect(enc.spans.map((s) => text.slice(s.start, s.end))).toEqual(['The', 'capital', 'of', 'FRANCE', 'is', 'paris', '?']);
  });

  it('recognises special tokens written in the text, with or without spaces around them', () => {
    const enc = tok.encode('<user> the capital of france ?<bot>paris .<eos>');
    expect(enc.ids).toEqual([3, 14, 15, 16, 17, 7, 4, 19, 5, 2]);
  });

  it('reports every unknown word with its position and encodes it as <unk> (never drops it)', () => {
    const text = 'i ate an Avocado , and a kiwi!';
    const enc = tok.encode(text);
    expect(enc.ids).toEqual([10, 11, 12, 1, 6, 1, 1, 1, 8]);
    expect(enc.unknown.map((u) => u.word)).toEqual(['Avocado', 'and', 'a', 'kiwi']);
    for (const u of enc.unknown) expect(text.slice(u.start, u.end)).toBe(u.word);
  });

  it('keeps offsets right after characters whose lower case is longer (İ) and after emoji', () => {
    const text = 'İ 🙂 apple';
    const enc = tok.encode(text);
    expect(enc.spans.map((s) => text.slice(s.start, s.end))).toEqual(['İ', '🙂', 'apple']);
    expect(enc.unknown.map((u) => u.word)).toEqual(['İ', '🙂']);
  });

  it('decodes with single spaces, punctuation included, as the corpus writes it', () => {
    expect(tok.decode([10, 11, 12, 13, 5])).toBe('i ate an apple .');
    expect(tok.decode(tok.encode('I ate an apple.').ids)).toBe('i ate an apple .');
  });

  it('returns an empty encoding for empty or blank text', () => {
    expect(tok.encode('')).toEqual({ ids: [], spans: [], unknown: [] });
    expect(tok.encode(' \n\t ').ids).toEqual([]);
  });

  it('rejects out-of-range ids and a vocabulary without <unk> or with duplicates', () => {
    expect(() => tok.decode([999])).toThrow(/outside/);
    expect(() => tok.tokenText(-1)).toThrow(RangeError);
    expect(() => createWordTokenizer(['<pad>', 'a'])).toThrow(/<unk>/);
    expect(() => createWordTokenizer(['<pad>', '<unk>', 'a', 'a'])).toThrow(/twice/);
  });
});

describe('suggestKnownWords', () => {
  it('ranks vocabulary words by edit distance and never suggests specials or punctuation', () => {
    expect(suggestKnownWords('aple', VOCAB, 3)).toEqual(['apple', 'maple', 'ate']);
    expect(suggestKnownWords('Pariss', VOCAB, 1)).toEqual(['paris']);
    expect(suggestKnownWords('eos', VOCAB, 5)).not.toContain('<eos>');
  });

  it('offers nothing for a word far from every vocabulary word', () => {
    expect(suggestKnownWords('xylophonic', VOCAB, 3)).toEqual([]);
  });

  it('editDistance matches hand-computed values', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('createWordTokenizer over the course vocabulary', () => {
  const vocab = courseVocabulary();
  const course = createWordTokenizer(vocab);

  it('puts the specials and punctuation at the agreed ids', () => {
    expect(['<pad>', '<unk>', '<eos>', '<user>', '<bot>', '.', ',', '?', '!', ':'].map((t) => course.idOf(t))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('encodes a generated TinyWorld corpus with no unknown words and decodes it back exactly', () => {
    const { trainText } = generateCorpus({ seed: 3, documents: 300 });
    for (const line of trainText.split('\n').filter((l) => l.length > 0)) {
      const enc = course.encode(line);
      expect(enc.unknown).toEqual([]);
      expect(course.decode(enc.ids)).toBe(line);
    }
  });

  it('encodes the chapter 5 prompt word by word', () => {
    const enc = course.encode('In the store, I bought an');
    expect(enc.unknown).toEqual([]);
    expect(enc.ids.map((id) => course.tokenText(id))).toEqual(['in', 'the', 'store', ',', 'i', 'bought', 'an']);
  });
});
