// Chapter 2's formulas and scale numbers, the TinyWorld-trained BPE behind "our BPE", the vocabulary trade-off
// ladder, and the strawberry letter count.
import { describe, expect, it } from 'vitest';
import { byteLevelVocabSize, compression, embeddingParams } from '../../widgets/tokens/tokenMath.ts';
import { trainTinyWorldBpe } from '../../widgets/tokens/tinyWorldBpe.ts';
import { parseMerges, serializeMerges } from '../../widgets/tokens/mergesText.ts';
import { ownBpeAdapter, tinyWorldAdapter } from '../../widgets/tokens/tokenRows.ts';
import { DEFAULT_TRADEOFF_SETTINGS, tradeoffRungs, tradeoffSchema, tradeoffView } from '../../widgets/tokens/vocabTradeoffModel.ts';
import { DEFAULT_LETTER_SETTINGS, letterCountView } from '../../widgets/tokens/letterCountModel.ts';

describe('the chapter formulas with the curriculum numbers', () => {
  it('GPT-2: V = 256 + 50,000 + 1 = 50,257', () => {
    expect(byteLevelVocabSize(50_000, 1)).toBe(50_257);
  });

  it("GPT-2's token table: 50,257 × 768 = 38,597,376 parameters, 31 % of its 124,439,808", () => {
    expect(embeddingParams(50_257, 768)).toBe(38_597_376);
    expect(Math.round((100 * 38_597_376) / 124_439_808)).toBe(31);
  });

  it('512 tokens for about 400 words is about 0.78 words per token', () => {
    expect(400 / 512).toBeCloseTo(0.78, 2);
  });

  it("TinyWorld's table: 400 × 64 = 25,600 of the model's 229,760 parameters (11 %)", () => {
    expect(embeddingParams(400, 64)).toBe(25_600);
    expect(Math.round((100 * 25_600) / 229_760)).toBe(11);
  });

  it('compression is characters per token, 0 for no tokens', () => {
    expect(compression(10, 1)).toBe(10);
    expect(compression(0, 0)).toBe(0);
  });
});

describe('BPE trained on TinyWorld text', () => {
  const trained = trainTinyWorldBpe();
  const bpe = ownBpeAdapter(trained.merges);

  it('is deterministic and survives the trip through the page as a string', () => {
    expect(parseMerges(serializeMerges(trained.merges))).toEqual(trained.merges);
    expect(trainTinyWorldBpe().merges.slice(0, 20)).toEqual(trained.merges.slice(0, 20));
    expect(() => parseMerges('1.2 x')).toThrow();
  });

  it('V = 256 + merges + 1 (<eos>), and frequent TinyWorld words end up as one token with their space', () => {
    expect(bpe.vocabSize).toBe(byteLevelVocabSize(trained.merges.length, 1));
    expect(bpe.tokenize(' the farmer ate an apple').rows.map((r) => r.label)).toEqual(['␣the', '␣farmer', '␣ate', '␣an', '␣apple']);
  });

  it('a word it never saw still encodes, as smaller pieces', () => {
    const rows = bpe.tokenize(' Zorbland').rows;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.label).join('')).toBe('␣Zorbland');
  });

  it('the ladder: V grows and T shrinks from bytes to all merges; whole words give V = 400', () => {
    const rungs = tradeoffRungs(trained.merges, trained.sample);
    const bpeRungs = rungs.filter((r) => r.kind !== 'words');
    expect(bpeRungs[0]).toMatchObject({ kind: 'bytes', vocabSize: 257, length: new TextEncoder().encode(trained.sample).length });
    for (let i = 1; i < bpeRungs.length; i++) {
      expect(bpeRungs[i].vocabSize).toBeGreaterThan(bpeRungs[i - 1].vocabSize);
      expect(bpeRungs[i].length).toBeLessThan(bpeRungs[i - 1].length);
    }
    const words = rungs.at(-1)!;
    expect(words).toMatchObject({ kind: 'words', vocabSize: 400, unknown: 0 });
    expect(words.length).toBe(tinyWorldAdapter().tokenize(trained.sample).rows.length);
    // Once every word is one token, BPE's T can only match the word count, never beat it.
    expect(bpeRungs.at(-1)!.length).toBeGreaterThanOrEqual(words.length);
  });

  it('the view prices the chosen rung: V · d_model and T²', () => {
    const rungs = tradeoffRungs(trained.merges, trained.sample);
    const view = tradeoffView({ stop: 0, dModel: 768 }, rungs, trained.sample);
    expect(view.embeddingParams).toBe(257 * 768);
    expect(view.attentionEntries).toBe(view.current.length ** 2);
    expect(tradeoffView({ stop: 99, dModel: 64 }, rungs, trained.sample).current.kind).toBe('words');
    expect(tradeoffSchema.safeParse(DEFAULT_TRADEOFF_SETTINGS).success).toBe(true);
  });
});

describe('the strawberry letter count', () => {
  it('␣strawberry has 3 r’s for a reader', () => {
    const view = letterCountView(DEFAULT_LETTER_SETTINGS);
    expect(view.count).toBe(3);
    expect(view.letters[0].text).toBe('␣');
    expect(view.letters.filter((l) => l.match).length).toBe(3);
  });

  it('counts case-insensitively and copes with an empty letter or emoji', () => {
    expect(letterCountView({ word: 'Rare ROAR', letter: 'R' }).count).toBe(4);
    expect(letterCountView({ word: 'strawberry', letter: '' }).count).toBe(0);
    expect(letterCountView({ word: '👋👋a', letter: '👋' }).count).toBe(2);
  });
});
