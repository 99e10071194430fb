// Live state of BlockInspector: one traced forward pass per text, then any step of any block read from it.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { samplingDistribution } from '../../engine/sample.ts';
import type { Trace, TraceDims } from '../../engine/trace.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { COLUMN_WINDOW, blockInspectorView, type BlockInspectorSettings, type BlockInspectorView } from './blockInspectorModel.ts';
import { STEPS, STEP_IDS, stepMatrix, type StepId, type StepMatrix } from './blockSteps.ts';

/** The last row's verdict: the token ranked first and its probability. */
export interface NextTokenReadout { id: number; token: string; prob: number }

/** Reactive state of one inspector. */
export class BlockInspectorState {
  text = $state('');
  layer = $state(0);
  step = $state<StepId>('emb');
  head = $state(0);
  colStart = $state(0);
  tokens = $state<string[]>([]);
  trace = $state.raw<Trace | null>(null);
  problem = $state<string | null>(null);
  readonly session: ModelSession;

  constructor(settings: BlockInspectorSettings, private readonly channel: string) {
    this.session = new ModelSession(settings.model);
    this.apply(settings);
  }

  /** The settings as plain data (URL, checks). */
  get settings(): BlockInspectorSettings {
    return { model: this.session.name, text: this.text, layer: this.layer, step: this.step, head: this.head, colStart: this.colStart };
  }

  /** Replaces the settings. */
  apply(s: BlockInspectorSettings): void {
    this.text = s.text;
    this.layer = s.layer;
    this.step = s.step;
    this.head = s.head;
    this.colStart = s.colStart;
  }

  /** The trace's sizes, once the engine answered. */
  get dims(): TraceDims | null {
    return this.trace?.dims ?? null;
  }

  /** The chosen step's matrix (null before the first trace); block and head are clamped to what the model has. */
  get matrix(): StepMatrix | null {
    const dims = this.dims;
    if (!this.trace || !dims) return null;
    return stepMatrix(this.trace, this.step, Math.min(this.layer, dims.nLayers - 1), Math.min(this.head, dims.nHeads - 1));
  }

  /** First visible column, kept inside the matrix. */
  get firstColumn(): number {
    const cols = this.matrix?.cols ?? 0;
    return Math.max(0, Math.min(this.colStart, Math.max(0, cols - COLUMN_WINDOW)));
  }

  /** The next token according to the last row of the logits. */
  get nextToken(): NextTokenReadout | null {
    const dims = this.dims;
    if (!this.trace || !dims || !this.session.summary) return null;
    const lastRow = this.trace.logits.subarray((dims.T - 1) * dims.V, dims.T * dims.V);
    const dist = samplingDistribution(lastRow, { temperature: 1 });
    return { id: dist.ids[0], token: this.session.summary.vocabulary[dist.ids[0]], prob: dist.probs[0] };
  }

  /** What exercise checks read. */
  get view(): BlockInspectorView {
    return blockInspectorView(this.dims, this.nextToken?.token ?? null);
  }

  /** Moves to the previous (−1) or next (+1) step in pipeline order; at either end it stays. */
  move(by: -1 | 1): void {
    const at = STEP_IDS.indexOf(this.step) + by;
    if (at >= 0 && at < STEP_IDS.length) this.choose(STEP_IDS[at]);
  }

  /** Chooses a step and starts its table at the first column. */
  choose(step: StepId): void {
    this.step = step;
    this.colStart = 0;
  }

  /** Moves the column window so that it starts at `col` (kept inside the matrix). */
  showColumn(col: number): void {
    this.colStart = Math.max(0, col);
  }

  /** Pages the column window by one window. */
  page(by: -1 | 1): void {
    const cols = this.matrix?.cols ?? 0;
    this.colStart = Math.max(0, Math.min(this.firstColumn + by * COLUMN_WINDOW, Math.max(0, cols - COLUMN_WINDOW)));
  }

  /** Whether the chosen step belongs to a block (so the block picker matters). */
  get inBlock(): boolean {
    return STEPS[this.step].where === 'block';
  }

  /** Runs the traced forward pass for the current text. */
  async refresh(): Promise<void> {
    const text = this.text;
    if (!(await this.session.load())) return;
    if (!text.trim()) {
      this.trace = null;
      this.tokens = [];
      this.problem = 'Type some text first: the model needs at least one token.';
      return;
    }
    try {
      const r = await getEngine().call('forward', { model: this.session.name, text, trace: true }, { channel: this.channel });
      if (!r.trace) throw new Error('The engine sent no trace.');
      this.trace = r.trace;
      this.tokens = r.tokens;
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.trace = null;
      this.tokens = [];
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }
}
