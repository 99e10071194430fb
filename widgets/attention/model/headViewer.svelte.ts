// Live state of HeadViewer: settings in, one traced forward pass out. The trace is kept raw (no deep proxy:
// it is a pile of Float32Arrays) and the view is derived from it, so every number shown is the engine's.
import { getEngine, isSupersededOrCancelled } from '../../../engine/client.ts';
import type { Trace } from '../../../engine/trace.ts';
import { ModelSession } from '../../kit/modelSession.svelte.ts';
import {
  headViewerView, type HeadViewerModel, type HeadViewerSettings, type HeadViewerView, type HeatmapMode,
} from './headViewerModel.ts';

/** The step-through's stages, in the order the head computes them. */
export const STEPS = ['vectors', 'scores', 'scale', 'mask', 'softmax', 'sum'] as const;
/** One stage of the step-through. */
export type Step = (typeof STEPS)[number];

/** Reactive state of one head viewer. */
export class HeadViewerState {
  model = $state<HeadViewerModel>('tw-learned');
  text = $state('');
  layer = $state(0);
  head = $state(0);
  query = $state(-1);
  heatmap = $state<HeatmapMode>('head');
  /** How far the step-through has gone: 1 shows only q and the keys, STEPS.length shows the weighted sum. */
  stepsShown = $state<number>(STEPS.length);
  tokens = $state<string[]>([]);
  trace = $state.raw<Trace | null>(null);
  problem = $state<string | null>(null);
  /** One session per model, created on first use; the worker keeps one copy of each model per page. */
  // A plain record, not $state: creating a session while the template reads `session` must not mutate reactive state.
  private readonly sessions: Partial<Record<HeadViewerModel, ModelSession>> = {};

  constructor(settings: HeadViewerSettings, private readonly channel: string) {
    this.apply(settings);
  }

  /** The session of the chosen model. */
  get session(): ModelSession {
    return (this.sessions[this.model] ??= new ModelSession(this.model));
  }

  /** The settings as plain data (for the URL and checks). */
  get settings(): HeadViewerSettings {
    return { model: this.model, text: this.text, layer: this.layer, head: this.head, query: this.query, heatmap: this.heatmap };
  }

  /** What the widget shows and exercise checks read; empty until the first trace arrives. */
  readonly view: HeadViewerView = $derived(headViewerView(this.settings, this.tokens, this.trace));

  /** Replaces the settings (from a link, a reset, a preset or an exercise start). */
  apply(settings: HeadViewerSettings): void {
    this.model = settings.model;
    this.text = settings.text;
    this.layer = settings.layer;
    this.head = settings.head;
    this.query = settings.query;
    this.heatmap = settings.heatmap;
  }

  /** Runs the text through the chosen model with a full trace. */
  async refresh(): Promise<void> {
    // Read the inputs before any await so an $effect calling this tracks them.
    const { text } = this;
    const session = this.session;
    if (!(await session.load())) return;
    try {
      const run = await getEngine().call('forward', { model: session.name, text, trace: true }, { channel: this.channel });
      if (!run.trace) throw new Error('The engine sent no attention weights; try again.');
      this.tokens = run.tokens;
      this.trace = run.trace;
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.tokens = [];
      this.trace = null;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }
}
