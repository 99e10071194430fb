// HeadViewer's plain data: the shareable settings with their URL schema, and the view built from one forward
// trace. Every number in the view is read out of the trace (never recomputed here), so the widget shows exactly
// what the engine computed. No runes: tests, checks and the content schema import this file.
import { z } from 'zod';
import { headMatrix, rowOf, type Trace } from '../../../engine/trace.ts';
import { defineWidgetState } from '../../kit/urlState.ts';

/** The course models this widget may run. */
export const HEAD_VIEWER_MODELS = ['tw-learned', 'tw-rope'] as const;
/** One of the course models this widget may run. */
export type HeadViewerModel = (typeof HEAD_VIEWER_MODELS)[number];

/** What the heatmap shows: the chosen head's weights, or the mean of every head in the layer. */
export type HeatmapMode = 'head' | 'average';

/** What the learner chose: sentence, model, layer, head, query row and heatmap mode. */
export interface HeadViewerSettings {
  model: HeadViewerModel;
  text: string;
  /** Layer index, counted from 0 like the engine and the model manifests. */
  layer: number;
  /** Head index within the layer, from 0. */
  head: number;
  /** The query row whose step-through is shown; −1 means the last token (it follows the text as it grows). */
  query: number;
  heatmap: HeatmapMode;
}

/** Defaults: the chapter's coreference sentence on the default model, last token as the query. */
export const DEFAULT_HEAD_VIEWER: HeadViewerSettings = {
  model: 'tw-learned',
  text: 'the bear ate the honey because it was hungry . so the',
  layer: 0,
  head: 0,
  query: -1,
  heatmap: 'head',
};

/** Version 1 of the URL state. */
export const headViewerState = defineWidgetState<HeadViewerSettings>({
  version: 1,
  defaults: DEFAULT_HEAD_VIEWER,
  schema: z.object({
    model: z.enum(HEAD_VIEWER_MODELS),
    text: z.string().max(2000),
    layer: z.number().int().min(0).max(15),
    head: z.number().int().min(0).max(15),
    query: z.number().int().min(-1).max(63),
    heatmap: z.enum(['head', 'average']),
  }),
});

/** One query's path through the head, every step as the engine computed it (j runs over the keys). */
export interface QueryStep {
  /** The query vector q_i of the chosen row. [dk] */
  q: number[];
  /** Every key k_j. [T, dk] */
  keys: number[][];
  /** q_i · k_j. [T] */
  raw: number[];
  /** q_i · k_j / √dk. [T] */
  scaled: number[];
  /** The scaled scores after the causal mask (−Infinity for keys after the query). [T] */
  masked: number[];
  /** Softmax of the masked row: the attention weights A_ij, summing to 1. [T] */
  weights: number[];
  /** Every value v_j. [T, dk] */
  values: number[][];
  /** Σ_j A_ij v_j: this head's output at the query. [dk] */
  output: number[];
}

/** What the widget shows and exercise checks read. Rows are queries (tokens being updated), columns keys. */
export interface HeadViewerView {
  tokens: string[];
  nLayers: number;
  nHeads: number;
  dk: number;
  /** The layer, head and query row actually shown (clamped to the model and the text). */
  layer: number;
  head: number;
  query: number;
  /** The chosen head's attention weights. [T, T], A[query][key] */
  A: number[][];
  /** Every head of the layer, for the small multiples. [H, T, T] */
  heads: number[][][];
  /** The heatmap's matrix: A, or the mean over the layer's heads. [T, T] */
  shown: number[][];
  /** Where the causal mask hid the key (its masked score is −Infinity). [T, T] */
  mask: boolean[][];
  step: QueryStep | null;
}

/** A view with nothing in it, before the first trace arrives or after an error. */
export const EMPTY_HEAD_VIEW: HeadViewerView = { tokens: [], nLayers: 0, nHeads: 0, dk: 0, layer: 0, head: 0, query: 0, A: [], heads: [], shown: [], mask: [], step: null };

const clampIndex = (value: number, count: number): number => Math.min(Math.max(0, value), Math.max(0, count - 1));

/** The query row to show: −1 (or anything past the end) means the last token. */
export function resolveQuery(query: number, T: number): number {
  return query < 0 || query >= T ? T - 1 : query;
}

// matrix: flat [rows, cols] -> rows of plain numbers
function toRows(matrix: Float32Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(rowOf(matrix, i, cols)));
}

// heads: [H][T][T] -> [T][T], the element-wise mean over heads
function meanOverHeads(heads: number[][][]): number[][] {
  const H = heads.length;
  return heads[0].map((row, i) => row.map((_, j) => heads.reduce((sum, head) => sum + head[i][j], 0) / H));
}

/** Builds the view from a forward trace of the settings' text (tokens as the engine returned them). */
export function headViewerView(settings: HeadViewerSettings, tokens: readonly string[], trace: Trace | null): HeadViewerView {
  if (!trace || tokens.length === 0) return EMPTY_HEAD_VIEW;
  const { T, nHeads: H, dk, nLayers } = trace.dims;
  const layer = clampIndex(settings.layer, nLayers);
  const head = clampIndex(settings.head, H);
  const query = resolveQuery(settings.query, T);
  const L = trace.layers[layer];
  const heads = Array.from({ length: H }, (_, h) => toRows(headMatrix(L.weights, h, T, T), T, T));
  const A = heads[head];
  const mask = toRows(headMatrix(L.maskedScores, head, T, T), T, T).map((row) => row.map((score) => score === -Infinity));
  // One row of an [H, T, T] score tensor, or one head's [T, dk] vectors.
  const scoreRow = (tensor: Float32Array) => Array.from(rowOf(headMatrix(tensor, head, T, T), query, T));
  const vectors = (tensor: Float32Array) => toRows(headMatrix(tensor, head, T, dk), T, dk);
  const step: QueryStep = {
    q: Array.from(rowOf(headMatrix(L.q, head, T, dk), query, dk)),
    keys: vectors(L.k),
    raw: scoreRow(L.rawScores),
    scaled: scoreRow(L.scaledScores),
    masked: scoreRow(L.maskedScores),
    weights: scoreRow(L.weights),
    values: vectors(L.v),
    output: Array.from(rowOf(headMatrix(L.headOutputs, head, T, dk), query, dk)),
  };
  return {
    tokens: [...tokens], nLayers, nHeads: H, dk, layer, head, query, A, heads,
    shown: settings.heatmap === 'average' ? meanOverHeads(heads) : A, mask, step,
  };
}

/** Position of a word in the tokens (its last occurrence, the one nearest the end), or −1. */
export function lastPositionOf(tokens: readonly string[], word: string): number {
  return tokens.lastIndexOf(word);
}
