// Live state of MaskPainter: the painted cells, the fill and the score grid; the view is the engine's masked softmax.
import { causalCells, gridSize, maskPainterView, MAX_T, MIN_T, type FillChoice, type MaskPainterSettings, type MaskPainterView } from './maskPainterModel.ts';

/** Reactive state of one painter. */
export class MaskPainterState {
  T = $state(4);
  scores = $state<MaskPainterSettings['scores']>('seed:11');
  masked = $state<[number, number][]>([]);
  fill = $state<FillChoice>('-inf');
  /** One short sentence after each action, for the live region (never per keystroke of anything else). */
  announcement = $state('');

  constructor(settings: MaskPainterSettings) {
    this.apply(settings);
  }

  /** The settings as plain data (for the URL and checks). */
  get settings(): MaskPainterSettings {
    return { T: this.T, scores: this.scores, masked: this.masked.map(([i, j]) => [i, j]), fill: this.fill };
  }

  /** Replaces every setting (from a link, a reset or an exercise start). */
  apply(settings: MaskPainterSettings): void {
    this.T = settings.T;
    this.scores = settings.scores;
    this.masked = settings.masked.map(([i, j]) => [i, j]);
    this.fill = settings.fill;
  }

  /** Masked softmax, row sums and badges, from the engine's row softmax. */
  view = $derived<MaskPainterView>(maskPainterView(this.settings));

  /** Grid size actually shown (the bear/honey example always has three tokens). */
  get size(): number {
    return gridSize(this);
  }

  /** Whether cell (i, j) is painted. */
  isMasked(i: number, j: number): boolean {
    return this.masked.some(([a, b]) => a === i && b === j);
  }

  /** Paints or clears one cell and says what the row now sums to. */
  toggle(i: number, j: number): void {
    const was = this.isMasked(i, j);
    this.masked = was ? this.masked.filter(([a, b]) => a !== i || b !== j) : [...this.masked, [i, j]];
    const sum = this.view.rowSums[i];
    const tail = Number.isFinite(sum) ? `Row ${i + 1} now sums to ${sum.toFixed(3)}.` : `Row ${i + 1} has every cell masked, so it has no softmax.`;
    this.announcement = `${was ? 'Unmasked' : 'Masked'} row ${i + 1}, column ${j + 1}. ${tail}`;
  }

  /** Paints exactly the causal triangle (keys after the query). */
  paintCausal(): void {
    this.masked = causalCells(this.size);
    this.announcement = `Masked the ${this.masked.length} cells above the diagonal.`;
  }

  /** Clears every painted cell. */
  clear(): void {
    this.masked = [];
    this.announcement = 'Cleared the mask.';
  }

  /** Changes the grid size, dropping painted cells that fall outside it. */
  setSize(T: number): void {
    if (!Number.isInteger(T) || T < MIN_T || T > MAX_T) return;
    this.T = T;
    this.masked = this.masked.filter(([i, j]) => i < T && j < T);
  }

  /** Draws a fresh random grid (the next seed), or switches to the bear/honey/it example. */
  setSource(source: MaskPainterSettings['scores']): void {
    this.scores = source;
    const n = this.size;
    this.masked = this.masked.filter(([i, j]) => i < n && j < n);
    this.announcement = source === 'example-c' ? 'Showing the bear, honey, it example.' : 'New random scores.';
  }
}
