// BlockInspector's step catalogue against a real traced forward pass of the course model: every shape the widget
// states matches the trace's array lengths, and the residual adds hold number for number.
import { beforeAll, describe, expect, test } from 'vitest';
import { forward } from '../../engine/model.ts';
import type { Trace } from '../../engine/trace.ts';
import { readModelDir } from '../../scripts/modelDir.ts';
import { STEP_IDS, STEPS, allShapes, shapeText, stepMatrix, stepShape } from '../../widgets/block/blockSteps.ts';
import { blockInspectorState, blockInspectorView, parseShape, roughTokenCount } from '../../widgets/block/blockInspectorModel.ts';

let trace: Trace;
let vocabulary: string[];

beforeAll(async () => {
  const { model, tokenizer } = await readModelDir(new URL('../../public/models/tw-learned', import.meta.url).pathname);
  const ids = tokenizer.encode('the capital of france is').ids;
  trace = forward(model, ids, { trace: true }).trace!;
  vocabulary = Array.from({ length: tokenizer.vocabSize }, (_, id) => tokenizer.tokenText(id));
});

const product = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

describe('shapes stated by the inspector', () => {
  test('the curriculum example: the residual stream of "the capital of france is" is 5 × 64 in every block', () => {
    const shapes = allShapes(trace.dims);
    for (const s of ['emb', 'pos', 'resid1', 'resid2', 'lnf'] as const) expect(shapes[s]).toEqual([5, 64]);
    expect(shapes.q).toEqual([4, 5, 16]);
    expect(shapes.scores).toEqual([4, 5, 5]);
    expect(shapes.ffnHidden).toEqual([5, 256]);
    expect(shapes.logits).toEqual([5, vocabulary.length]);
  });

  test('every step in every block: the stated shape has exactly as many numbers as the trace tensor it shows', () => {
    const { nLayers, nHeads } = trace.dims;
    for (let layer = 0; layer < nLayers; layer++) {
      const tensors: Record<string, Float32Array> = {
        emb: trace.tokenEmbeddings, pos: trace.positionEmbeddings, lnf: trace.finalLnOut, logits: trace.logits,
        ln1: trace.layers[layer].ln1Out, q: trace.layers[layer].q, k: trace.layers[layer].k, v: trace.layers[layer].v,
        scores: trace.layers[layer].maskedScores, probs: trace.layers[layer].weights, attnOut: trace.layers[layer].attnOut,
        resid1: trace.layers[layer].residAfterAttn, ln2: trace.layers[layer].ln2Out, ffnHidden: trace.layers[layer].mlpHiddenPost,
        resid2: trace.layers[layer].residAfterMlp,
      };
      for (const step of STEP_IDS) {
        const shape = stepShape(step, trace.dims);
        expect(product(shape), `${step} in block ${layer + 1}`).toBe(tensors[step].length);
        const m = stepMatrix(trace, step, layer, nHeads - 1);
        expect(m.rows * m.cols * (STEPS[step].perHead ? nHeads : 1)).toBe(tensors[step].length);
        expect(m.rows).toBe(trace.dims.T);
      }
    }
  });

  test('per-head matrices are the chosen head\'s slice: head 2 of q starts where head 1 ends', () => {
    const { T, dk } = trace.dims;
    const head1 = stepMatrix(trace, 'q', 0, 1);
    expect(head1.data[0]).toBe(trace.layers[0].q[T * dk]);
  });

  test('an unknown block or head is refused with a sentence', () => {
    expect(() => stepMatrix(trace, 'ln1', 4, 0)).toThrow(/Block 5 does not exist/);
    expect(() => stepMatrix(trace, 'q', 0, 9)).toThrow(/Head 10/);
  });

  test('shapes read naturally', () => {
    expect(shapeText([5, 64], false)).toBe('5 × 64');
    expect(shapeText([4, 5, 16], true)).toBe('4 heads × 5 × 16');
    expect(shapeText([5, 50257], false)).toBe('5 × 50,257');
  });
});

describe('the residual stream, from the trace', () => {
  test('block 1: resid1 = emb + pos + attnOut, number for number', () => {
    const { tokenEmbeddings: emb, positionEmbeddings: pos } = trace;
    const { attnOut, residAfterAttn } = trace.layers[0];
    for (let i = 0; i < emb.length; i++) expect(residAfterAttn[i]).toBeCloseTo(emb[i] + pos[i] + attnOut[i], 5);
  });

  test('every block: resid2 = resid1 + FFN output, and the next block reads the previous resid2', () => {
    trace.layers.forEach((layer, l) => {
      for (let i = 0; i < layer.residAfterMlp.length; i++) expect(layer.residAfterMlp[i]).toBeCloseTo(layer.residAfterAttn[i] + layer.mlpOut[i], 5);
      if (l > 0) expect(Array.from(layer.residIn)).toEqual(Array.from(trace.layers[l - 1].residAfterMlp));
    });
  });

  test('attention weights: every row sums to 1, and nothing is read from later positions', () => {
    const { T, nHeads } = trace.dims;
    const w = trace.layers[2].weights;
    for (let h = 0; h < nHeads; h++) for (let r = 0; r < T; r++) {
      let sum = 0;
      for (let c = 0; c < T; c++) {
        sum += w[(h * T + r) * T + c];
        if (c > r) expect(w[(h * T + r) * T + c]).toBe(0);
      }
      expect(sum).toBeCloseTo(1, 5);
    }
  });

  test('the last row of the logits ranks "paris" first (check C-2)', () => {
    const { T, V } = trace.dims;
    const last = Array.from(trace.logits.subarray((T - 1) * V, T * V));
    expect(vocabulary[last.indexOf(Math.max(...last))]).toBe('paris');
  });
});

describe('inspector state and answers', () => {
  test('the view lists the resid2 shape checks compare answers against', () => {
    expect(blockInspectorView(trace.dims, 'paris').shapes.resid2).toEqual([5, 64]);
    expect(blockInspectorView(null, null).T).toBe(0);
  });

  test('typed shapes in the usual spellings', () => {
    for (const typed of ['5 × 64', '5x64', '[5, 64]', '(5,64)', '5 by 64', ' 5 X 64 ']) expect(parseShape(typed), typed).toEqual([5, 64]);
    for (const typed of ['', 'five by 64', '5 ×', '64', '5 × 64 × ']) expect(parseShape(typed).join(), typed).not.toBe('5,64');
  });

  test('rough token count for the placeholder: words and punctuation marks', () => {
    expect(roughTokenCount('the capital of france is')).toBe(5);
    expect(roughTokenCount('she ate. it was good!')).toBe(7);
    expect(roughTokenCount('')).toBe(0);
  });

  test('the URL schema takes the defaults and refuses an unknown step', () => {
    expect(blockInspectorState.schema.safeParse(blockInspectorState.defaults).success).toBe(true);
    expect(blockInspectorState.schema.safeParse({ ...blockInspectorState.defaults, step: 'softmax' }).success).toBe(false);
  });
});
