// Live state of SamplingPanel: one forward pass per prompt (the nextToken verb), then every decoding setting and
// every resample works on the cached logits in the page, so dragging τ never re-runs the model.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import {
  DEFAULT_SAMPLING, MAX_PROMPT_CHARS, SAMPLING_MODEL, samplingView,
  type CachedLogits, type DecodeMode, type SamplingSettings, type SamplingView,
} from './samplingModel.ts';

/** Quiet time after the last keystroke before the new prompt's result is announced. */
const ANNOUNCE_DELAY_MS = 700;

/** Reactive state of one panel. */
export class SamplingPanelState {
  prompt = $state(DEFAULT_SAMPLING.prompt);
  mode = $state<DecodeMode>(DEFAULT_SAMPLING.mode);
  tau = $state(DEFAULT_SAMPLING.tau);
  topK = $state(DEFAULT_SAMPLING.topK);
  topP = $state(DEFAULT_SAMPLING.topP);
  seed = $state(DEFAULT_SAMPLING.seed);
  n = $state(DEFAULT_SAMPLING.n);
  steps = $state(DEFAULT_SAMPLING.steps);
  /** The logits of the last prompt the model read (raw: a Float32Array is replaced, never mutated). */
  cached = $state.raw<CachedLogits | null>(null);
  problem = $state<string | null>(null);
  /** Short sentence for the polite live region (new batch of samples, new prompt). */
  announcement = $state('');
  /** Forward passes run so far for the distribution (resampling adds none). */
  passes = $state(0);
  readonly session = new ModelSession(SAMPLING_MODEL);

  constructor(settings: SamplingSettings, private readonly channel: string) {
    this.apply(settings);
  }

  /** The settings as plain data (URL, checks). */
  get settings(): SamplingSettings {
    return { prompt: this.prompt, mode: this.mode, tau: this.tau, topK: this.topK, topP: this.topP, seed: this.seed, n: this.n, steps: this.steps };
  }

  /** Samples and kept set, recomputed from the cached logits whenever a setting changes. */
  view = $derived<SamplingView>(samplingView(this.settings, this.cached));

  /** Replaces every setting (link, reset, exercise start). */
  apply(s: SamplingSettings): void {
    this.prompt = s.prompt;
    this.mode = s.mode;
    this.tau = s.tau;
    this.topK = s.topK;
    this.topP = s.topP;
    this.seed = s.seed;
    this.n = s.n;
    this.steps = s.steps;
  }

  /** Runs the model once on the prompt and caches its next-token logits. */
  async refresh(): Promise<void> {
    // Read the prompt before any await so an $effect calling this tracks only the prompt.
    const prompt = this.prompt.trim();
    if (prompt.length > MAX_PROMPT_CHARS) {
      this.problem = `That prompt is ${prompt.length.toLocaleString('en')} characters long; this panel takes at most ${MAX_PROMPT_CHARS.toLocaleString('en')}. Shorten it.`;
      return;
    }
    if (!(await this.session.load())) return;
    try {
      const r = await getEngine().call('nextToken', { model: SAMPLING_MODEL, text: prompt, top: 1 }, { channel: this.channel });
      this.cached = { prompt, logits: r.logits, vocabulary: this.session.summary?.vocabulary ?? [] };
      this.passes += 1;
      this.problem = null;
      this.announceSoon(`The model read “${prompt}”. ${this.view.distinct} different tokens in ${this.view.samples.length} samples.`);
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Announces once typing pauses, so a screen reader hears the last prompt, not one sentence per keystroke. */
  private announceSoon(text: string): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcement = text), ANNOUNCE_DELAY_MS);
  }

  /** A new batch of draws from the same cached distribution: the next seed, no forward pass. */
  resample(): void {
    this.seed = (this.seed + 1) % 2 ** 31;
    this.announcement = `Seed ${this.seed}: ${this.view.distinct} different tokens in ${this.view.samples.length} samples.`;
  }
}
