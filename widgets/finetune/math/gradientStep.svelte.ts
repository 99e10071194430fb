// Live state of one GradientStep widget: the learner's logits, target, η and step count, and the run derived from them.
import { DEFAULT_SETTINGS, MAX_STEPS, RUN_LENGTH, gradientStepView, usable, type GradientStepSettings, type GradientStepView } from './gradientStepModel.ts';

/** Rune state for GradientStep; every number shown is derived from the settings by the pure model. */
export class GradientStepState {
  logits = $state<number[]>([]);
  target = $state(1);
  eta = $state(1);
  steps = $state(0);

  constructor(settings: GradientStepSettings = DEFAULT_SETTINGS) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): GradientStepSettings {
    return { logits: [...this.logits], target: this.target, eta: this.eta, steps: this.steps };
  }

  /** Replaces every setting at once, e.g. from a link or an exercise's reset. */
  apply(settings: GradientStepSettings): void {
    this.logits = [...settings.logits];
    this.target = settings.target;
    this.eta = settings.eta;
    this.steps = settings.steps;
  }

  /** The run so far and the one-step preview. */
  view = $derived<GradientStepView>(gradientStepView(this.settings));

  /** A sentence about input the model cannot use, or null. */
  get problem(): string | null {
    if (this.logits.some((z) => !Number.isFinite(z))) return 'Every logit needs a number, such as 2 or −0.5.';
    if (this.logits.some((z) => Math.abs(z) > 50)) return 'Keep each logit between −50 and 50.';
    if (!Number.isFinite(this.eta) || this.eta < 0) return 'The learning rate η must be a number of at least 0.';
    if (this.eta > 10) return 'Keep the learning rate η at 10 or below.';
    return usable(this.settings) ? null : 'These settings cannot be used.';
  }

  /** Takes `count` more steps (capped at MAX_STEPS in total). */
  step(count = 1): void {
    this.steps = Math.min(MAX_STEPS, this.steps + count);
  }

  /** Takes a run of RUN_LENGTH steps. */
  run(): void {
    this.step(RUN_LENGTH);
  }

  /** Goes back to the starting logits (keeps the learner's logits, target and η). */
  restart(): void {
    this.steps = 0;
  }

  /** Sets logit i from a number input; blank becomes NaN, which `problem` explains. Editing restarts the run. */
  setLogit(i: number, value: number): void {
    this.logits[i] = Number.isFinite(value) ? value : Number.NaN;
    this.steps = 0;
  }

  /** Chooses the correct token; a new target restarts the run. */
  setTarget(i: number): void {
    this.target = i;
    this.steps = 0;
  }
}
