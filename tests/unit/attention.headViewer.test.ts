// HeadViewer's view against the engine's forward trace on the course model: every number the widget shows is the
// trace's (same rows, same columns, rows = queries), and the step-through's numbers agree with a recomputation
// done here from q, K and V alone (an independent oracle for the dot products, the scaling, the softmax, the sum).
import { beforeAll, describe, expect, it } from 'vitest';
import { forward } from '../../engine/model.ts';
import type { Trace } from '../../engine/trace.ts';
import { readModelDir } from '../../scripts/modelDir.ts';
import {
  DEFAULT_HEAD_VIEWER, EMPTY_HEAD_VIEW, headViewerState, headViewerView, resolveQuery, type HeadViewerSettings,
} from '../../widgets/attention/model/headViewerModel.ts';
import { BEAR_HUNGRY } from '../../widgets/attention/model/headViewerPresets.ts';

let tokens: string[] = [];
let trace: Trace;

beforeAll(async () => {
  const { model, tokenizer } = await readModelDir('public/models/tw-learned');
  const ids = tokenizer.encode(BEAR_HUNGRY).ids;
  tokens = ids.map((id) => tokenizer.tokenText(id));
  trace = forward(model, ids, { trace: true }).trace!;
});

const settings = (change: Partial<HeadViewerSettings>): HeadViewerSettings => ({ ...DEFAULT_HEAD_VIEWER, ...change });
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
/** Plain softmax written out here, skipping −Infinity entries (they get exactly 0). */
function softmax(row: number[]): number[] {
  const max = Math.max(...row.filter(Number.isFinite));
  const exps = row.map((x) => (Number.isFinite(x) ? Math.exp(x - max) : 0));
  const total = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / total);
}

describe('the view shows the trace', () => {
  it('tokens and sizes come from the run: 12 tokens, 4 layers of 4 heads, d_k = 64/4 = 16', () => {
    const view = headViewerView(settings({}), tokens, trace);
    expect(view.tokens).toEqual(BEAR_HUNGRY.split(' '));
    expect([view.nLayers, view.nHeads, view.dk]).toEqual([4, 4, 16]);
  });

  it.each([[0, 0], [1, 3], [2, 2], [3, 1]])('layer %i head %i: A is the trace’s weights, row = query, column = key', (layer, head) => {
    const view = headViewerView(settings({ layer, head }), tokens, trace);
    const T = tokens.length;
    const weights = trace.layers[layer].weights;
    for (let i = 0; i < T; i++) {
      for (let j = 0; j < T; j++) expect(view.A[i][j]).toBe(weights[head * T * T + i * T + j]);
    }
  });

  it('rows are queries: a query never weights a later key, and each row sums to 1', () => {
    const view = headViewerView(settings({ layer: 2, head: 1 }), tokens, trace);
    view.A.forEach((row, i) => {
      row.forEach((w, j) => { if (j > i) expect(w).toBe(0); });
      expect(row.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 5);
      expect(view.mask[i]).toEqual(row.map((_, j) => j > i));
    });
    // The first query can only see itself.
    expect(view.A[0][0]).toBeCloseTo(1, 6);
  });

  it('the average heatmap is the mean of the layer’s four heads', () => {
    const view = headViewerView(settings({ layer: 3, heatmap: 'average' }), tokens, trace);
    const T = tokens.length;
    const w = trace.layers[3].weights;
    const mean = (w[0 * T * T + 11 * T + 1] + w[1 * T * T + 11 * T + 1] + w[2 * T * T + 11 * T + 1] + w[3 * T * T + 11 * T + 1]) / 4;
    expect(view.shown[11][1]).toBeCloseTo(mean, 6);
    expect(view.heads).toHaveLength(4);
  });
});

describe('the step-through agrees with a recomputation from q, K and V', () => {
  it.each([[0, 2, -1], [3, 0, 6], [1, 1, 4]])('layer %i head %i query %i', (layer, head, query) => {
    const view = headViewerView(settings({ layer, head, query }), tokens, trace);
    const step = view.step!;
    const T = tokens.length;
    const i = resolveQuery(query, T);
    expect(view.query).toBe(i);
    // q is row i of this head's queries; keys and values are all rows.
    expect(step.q).toEqual(Array.from(trace.layers[layer].q.subarray(head * T * 16 + i * 16, head * T * 16 + (i + 1) * 16)));
    expect(step.keys).toHaveLength(T);
    const raw = step.keys.map((k) => dot(step.q, k));
    raw.forEach((s, j) => expect(step.raw[j]).toBeCloseTo(s, 4));
    raw.forEach((s, j) => expect(step.scaled[j]).toBeCloseTo(s / 4, 4));
    step.masked.forEach((s, j) => (j > i ? expect(s).toBe(-Infinity) : expect(s).toBeCloseTo(raw[j] / 4, 4)));
    softmax(step.masked).forEach((w, j) => expect(step.weights[j]).toBeCloseTo(w, 5));
    expect(step.weights).toEqual(view.A[i]);
    const out = Array.from({ length: 16 }, (_, c) => step.weights.reduce((s, w, j) => s + w * step.values[j][c], 0));
    out.forEach((o, c) => expect(step.output[c]).toBeCloseTo(o, 4));
  });
});

describe('settings', () => {
  it('−1 and out-of-range queries mean the last token; layers and heads are clamped to the model', () => {
    expect(resolveQuery(-1, 12)).toBe(11);
    expect(resolveQuery(40, 12)).toBe(11);
    expect(resolveQuery(3, 12)).toBe(3);
    const view = headViewerView(settings({ layer: 9, head: 7 }), tokens, trace);
    expect([view.layer, view.head]).toEqual([3, 3]);
  });

  it('no trace gives the empty view', () => {
    expect(headViewerView(settings({}), [], null)).toBe(EMPTY_HEAD_VIEW);
  });

  it('the URL schema accepts the defaults and refuses unknown models, negative layers and long texts', () => {
    const { schema } = headViewerState;
    expect(schema.safeParse(DEFAULT_HEAD_VIEWER).success).toBe(true);
    expect(schema.safeParse({ ...DEFAULT_HEAD_VIEWER, model: 'gpt-2' }).success).toBe(false);
    expect(schema.safeParse({ ...DEFAULT_HEAD_VIEWER, layer: -1 }).success).toBe(false);
    expect(schema.safeParse({ ...DEFAULT_HEAD_VIEWER, text: 'a '.repeat(1500) }).success).toBe(false);
  });
});
