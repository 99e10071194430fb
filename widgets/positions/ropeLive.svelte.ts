// Live state of RopeLive: the rotary settings as runes, one traced forward pass of tw-rope per change (latest
// wins, so a dragged slider never queues work), and the loss, attention map and offset means derived from it.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import type { Trace } from '../../engine/trace.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { inputTime, measureRedraw } from '../kit/redrawTimer.ts';

/** Measure name read by the latency test and bench (engine round trip plus redraw). */
const LIVE_MEASURE = 'rope-live:slider-to-redraw';
import {
  DEFAULT_ROPE_LIVE, ROPE_LIVE_MODEL, SAMPLE_TEXT_MAX_CHARS, headSlice, isTrainedSetting, meanScoreByOffset, textLoss,
  type OffsetScore, type RopeLiveSettings, type TextLoss,
} from './ropeLiveModel.ts';

/** What exercise checks and tests read from a RopeLive. */
export interface RopeLiveView {
  trained: boolean;
  /** Mean loss at the current settings, nats per token (null until the engine answered). */
  loss: number | null;
  /** Mean loss of the same text at the trained settings. */
  trainedLoss: number | null;
}

/** The runes behind one RopeLive. */
export class RopeLiveState {
  ropeBase = $state(10000);
  freqScale = $state<number[]>([]);
  layer = $state(0);
  head = $state(2);
  text = $state('');
  /** The last traced pass: tokens, loss and every intermediate (raw: never proxied, it is large). */
  result = $state.raw<{ tokens: string[]; loss: TextLoss; trace: Trace } | null>(null);
  /** Loss of the current text at the trained settings, and the text it belongs to. */
  trained = $state.raw<{ text: string; loss: number } | null>(null);
  problem = $state<string | null>(null);
  /** Milliseconds from the last slider input to the redrawn page. */
  lastLatencyMs = $state<number | null>(null);
  readonly session = new ModelSession(ROPE_LIVE_MODEL);
  /** When the newest not-yet-drawn input happened (performance clock). */
  private pendingInput: number | null = null;

  constructor(settings: RopeLiveSettings = DEFAULT_ROPE_LIVE, private readonly channel = 'rope-live') {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): RopeLiveSettings {
    return { ropeBase: this.ropeBase, freqScale: [...this.freqScale], layer: this.layer, head: this.head, text: this.text };
  }

  /** Replaces every setting (a link, a reset, an exercise start). */
  apply(settings: RopeLiveSettings): void {
    this.ropeBase = settings.ropeBase;
    this.freqScale = [...settings.freqScale];
    this.layer = settings.layer;
    this.head = settings.head;
    this.text = settings.text;
  }

  /** Back to the settings the model was trained with (the text, layer and head stay). */
  resetFrequencies(): void {
    this.ropeBase = DEFAULT_ROPE_LIVE.ropeBase;
    this.freqScale = [...DEFAULT_ROPE_LIVE.freqScale];
  }

  /** Records that a slider moved now, so the next redraw is timed from here. */
  noteInput(): void {
    this.pendingInput = inputTime();
  }

  /** Numbers for checks and the live region. */
  get view(): RopeLiveView {
    const trainedLoss = this.trained && this.trained.text === this.text ? this.trained.loss : null;
    return { trained: isTrainedSetting(this.settings), loss: this.result?.loss.mean ?? null, trainedLoss };
  }

  /** The chosen head's attention weights [T, T] from the last pass. */
  get weights(): Float32Array | null {
    if (!this.result) return null;
    const { trace } = this.result;
    return headSlice(trace.layers[Math.min(this.layer, trace.layers.length - 1)].weights, trace.dims.T, this.head);
  }

  /** The chosen head's mean scaled score by offset from the last pass. */
  get offsets(): OffsetScore[] {
    if (!this.result) return [];
    const { trace } = this.result;
    return meanScoreByOffset(trace.layers[Math.min(this.layer, trace.layers.length - 1)].scaledScores, trace.dims.T, this.head);
  }

  /** Runs the model at the current settings (and once per text at the trained ones); call from an $effect. */
  async refresh(): Promise<void> {
    // Read the inputs of the pass before the first await so an $effect calling this tracks them (and only them:
    // choosing another block or head redraws from the last trace without rerunning the model).
    const [ropeBase, freqScale, text] = [this.ropeBase, [...this.freqScale], this.text];
    const startedAt = this.pendingInput;
    if (text.trim() === '') {
      this.problem = 'Type a sample text: the loss needs at least two tokens.';
      return;
    }
    if (text.length > SAMPLE_TEXT_MAX_CHARS) {
      this.problem = `The sample text is ${text.length.toLocaleString('en-US')} characters long; keep it under ${SAMPLE_TEXT_MAX_CHARS} (the model reads at most 64 tokens).`;
      return;
    }
    if (!(await this.session.load())) return;
    const engine = getEngine();
    try {
      const r = await engine.call('forward', { model: ROPE_LIVE_MODEL, text, trace: true, ropeBase, ropeFreqScale: freqScale }, { channel: this.channel });
      const V = r.trace!.dims.V;
      if (r.ids.length < 2) {
        this.problem = 'The sample text needs at least two tokens: the loss scores each token after the first.';
        return;
      }
      this.result = { tokens: r.tokens, loss: textLoss(r.logits, r.ids, V), trace: r.trace! };
      this.problem = null;
      if (startedAt !== null && this.pendingInput === startedAt) {
        this.pendingInput = null;
        const ms = await measureRedraw(LIVE_MEASURE, startedAt);
        if (ms !== null) this.lastLatencyMs = ms;
      }
      if (this.trained?.text !== text) {
        const plain = await engine.call('forward', { model: ROPE_LIVE_MODEL, text }, { channel: `${this.channel}:trained` });
        this.trained = { text, loss: textLoss(plain.logits, plain.ids, V).mean };
      }
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.result = null;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }
}
