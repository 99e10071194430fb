/**
 * C-1 machinery: how the validation stream is cut into windows, the cross-entropy against a prefix-by-
 * prefix oracle, and a uniform model whose loss is exactly ln V against the slice's exact H_gen.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../engine/corpus/generator.ts';
import { fitWindows, measureFit, streamCrossEntropy } from '../../engine/eval/fit.ts';
import { forward } from '../../engine/model.ts';
import { courseTokenizer, lookupModel } from './evalFixtures.ts';
import { randomIds, randomModel, smallConfig } from './reference/randomModel.ts';

const EOS = 0;
/** A stream <eos> doc <eos> doc <eos> … with documents of the given lengths (each counting its <eos>). */
function streamOf(lengths: number[], seed = 3): number[] {
  const stream = [EOS];
  lengths.forEach((len, i) => {
    const body = randomIds(40, len - 1, seed + i).map((id) => id + 1); // ids 1..40, never <eos>
    stream.push(...body, EOS);
  });
  return stream;
}

function docStartOf(stream: number[], j: number): number {
  let i = j - 1;
  while (stream[i] !== EOS) i--;
  return i;
}

describe('fitWindows', () => {
  const C = 16;
  const stream = streamOf([5, 7, 3, 16, 40, 2, 9, 17, 6]);
  const windows = fitWindows(stream, EOS, C);

  it('scores every token after the first exactly once, within the context length', () => {
    const scored = new Array(stream.length).fill(0);
    for (const w of windows) {
      expect(w.end - 1 - w.start).toBeLessThanOrEqual(C);
      expect(w.scoreFrom).toBeGreaterThan(w.start);
      for (let j = w.scoreFrom; j < w.end; j++) scored[j]++;
    }
    expect(scored.slice(1)).toEqual(new Array(stream.length - 1).fill(1));
  });

  it('gives each token its whole document as context, or at least half a context inside a long document', () => {
    for (const w of windows) {
      for (let j = w.scoreFrom; j < w.end; j++) {
        const seesWholeDocument = w.start <= docStartOf(stream, j);
        expect(seesWholeDocument || j - w.start >= C / 2, `token ${j}`).toBe(true);
      }
    }
    // Windows that begin a document start exactly at its <eos> and end at a document end when one fits.
    const first = windows[0];
    expect(first.start).toBe(0);
    expect(stream[first.end - 1]).toBe(EOS);
  });
});

describe('streamCrossEntropy', () => {
  it('equals −ln p(target) summed from separate forward passes on each prefix (float64 oracle)', () => {
    const config = smallConfig('learned', { vocabSize: 41 });
    const model = randomModel(config, 9);
    const stream = streamOf([5, 9, 30, 4, 12], 11);
    const { nats, tokens } = streamCrossEntropy({ model, tokenizer: undefined as never }, stream, EOS);
    let expected = 0;
    let count = 0;
    for (const w of fitWindows(stream, EOS, config.contextLength)) {
      for (let j = w.scoreFrom; j < w.end; j++) {
        const prefix = stream.slice(w.start, j);
        const { logits } = forward(model, prefix);
        const last = Array.from(logits.slice((prefix.length - 1) * 41));
        const max = Math.max(...last);
        const logZ = max + Math.log(last.reduce((s, z) => s + Math.exp(z - max), 0));
        expected += logZ - last[stream[j]];
        count++;
      }
    }
    expect(tokens).toBe(stream.length - 1);
    expect(count).toBe(tokens);
    expect(nats).toBeCloseTo(expected, 3);
  });
});

describe('measureFit', () => {
  it('a uniform model scores exactly ln V; H_gen is the slice’s own nats per token', () => {
    const tokenizer = courseTokenizer();
    const uniform = lookupModel(tokenizer, { next: {}, constantLogits: {} });
    const corpus = generateCorpus({ seed: 7, documents: 12 });
    const docs = corpus.documents.slice(0, 6);
    const m = measureFit({ model: uniform, tokenizer }, docs);
    const tokenTotal = docs.reduce((s, d) => s + d.tokenCount, 0);
    expect(m.tokens).toBe(tokenTotal);
    expect(m.crossEntropy).toBeCloseTo(Math.log(400), 6);
    expect(m.hGenSlice).toBeCloseTo(docs.reduce((s, d) => s + d.nats, 0) / tokenTotal, 12);
    expect(m.lnV).toBeCloseTo(Math.log(400), 12);
  });
});
