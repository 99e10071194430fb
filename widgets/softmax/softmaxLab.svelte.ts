// State of the SoftmaxLab widget: what the learner set (scores, τ, mode) and what the engine computed from it.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { divideBySum, softmaxWithTemperature, type SoftmaxResult } from '../../engine/softmax.ts';
import { DEFAULT_SETTINGS, MAX_SCORES, MIN_SCORES, softmaxLabView, type Mode, type SoftmaxLabSettings, type SoftmaxLabView } from './softmaxLabModel.ts';

/** Names shown under the bars, by position; the lesson's running example is a shop shelf. */
export const TOKEN_NAMES = ['apple', 'orange', 'egg', 'umbrella', 'elephant', 'banana'];
/** Temperature slider range (log scale) from the curriculum: 0.05 to 5. */
export const TAU_MIN = 0.05;
export const TAU_MAX = 5;

export { DEFAULT_SETTINGS, MAX_SCORES, MIN_SCORES, type Mode, type SoftmaxLabSettings } from './softmaxLabModel.ts';

/** Live state of one SoftmaxLab: settings in, engine result out. */
export class SoftmaxLabState {
  scores = $state<number[]>([]);
  tau = $state(1);
  mode = $state<Mode>('softmax');
  /** Keep only the k most likely tokens; 0 switches top-k off. */
  topK = $state(0);
  /** Keep the smallest most-likely-first set reaching this much probability; 1 switches top-p off. */
  topP = $state(1);
  /** The last good softmax result (kept on screen while a new one is computed or when input is invalid). */
  result = $state<SoftmaxResult | null>(null);
  /** A sentence about invalid input or an engine failure, or null. */
  problem = $state<string | null>(null);
  /** A notice that the engine restarted after a crash, or null. */
  notice = $state<string | null>(null);

  constructor(settings: SoftmaxLabSettings = DEFAULT_SETTINGS) {
    this.apply(settings);
    // Server render and first paint use the same pure function the worker runs, so the placeholder is the real answer.
    this.result = softmaxWithTemperature(this.scores, this.tau);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): SoftmaxLabSettings {
    return { scores: [...this.scores], tau: this.tau, mode: this.mode, topK: this.topK, topP: this.topP };
  }

  /** Replaces every setting at once, e.g. from a link or an exercise's reset. */
  apply(settings: SoftmaxLabSettings): void {
    this.scores = [...settings.scores];
    this.tau = settings.tau;
    this.mode = settings.mode;
    this.topK = settings.topK;
    this.topP = settings.topP;
  }

  /** Probabilities before truncation and the tokens truncation keeps, for the chart and exercise checks. */
  view = $derived<SoftmaxLabView>(softmaxLabView(this.settings));

  /** Probabilities under the current mode; divide-by-sum may produce impossible negative values on purpose. */
  get probs(): number[] {
    if (this.mode === 'divide') {
      const finite = this.scores.every(Number.isFinite) && this.scores.length > 0;
      return finite ? divideBySum(this.scores) : [];
    }
    return this.result?.probs ?? [];
  }

  /** Asks the engine worker for the softmax of the current settings; newer requests supersede older ones. */
  async recompute(channel: string): Promise<void> {
    try {
      const result = await getEngine().call('softmax', { scores: $state.snapshot(this.scores), temperature: this.tau }, { channel });
      this.result = result;
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  /** Sets score i from a number input; an empty or unreadable field becomes NaN, which the engine explains. */
  setScore(i: number, value: number): void {
    this.scores[i] = Number.isFinite(value) ? value : NaN;
  }

  /** Adds a score (up to MAX_SCORES), starting one below the current lowest so the order stays readable. */
  addScore(): void {
    if (this.scores.length >= MAX_SCORES) return;
    const finite = this.scores.filter(Number.isFinite);
    this.scores.push(finite.length ? Math.min(...finite) - 1 : 0);
  }

  /** Removes the last score (down to MIN_SCORES). */
  removeScore(): void {
    if (this.scores.length > MIN_SCORES) this.scores.pop();
    if (this.topK > this.scores.length) this.topK = this.scores.length;
  }
}

/** Slider ends in log10(τ), rounded so the native step grid (anchored at min) lands on round values like log10 τ = −0.34. */
export const SLIDER_MIN = -1.3;
export const SLIDER_MAX = 0.7;

/** Maps τ to the slider's log-scale position and back, so equal slider steps multiply τ by the same factor. */
export const tauToSlider = (tau: number): number => Math.log10(tau);
/** Inverse of `tauToSlider`, rounded to 3 significant digits so values read cleanly. */
export const sliderToTau = (s: number): number => Number((10 ** s).toPrecision(3));
