// Live state of one BPE stepper: the settings as runes, the derived view, and the step commands the buttons call.
import { bpeStepperView, DEFAULT_BPE_SETTINGS, type BpeStepperSettings, type BpeStepperView } from './bpeStepperModel.ts';
import type { TieBreak } from '../../engine/tokenizer/index.ts';

/** Settings in, view out; every command keeps `step` inside the merges that exist. */
export class BpeStepperState {
  corpus = $state('');
  step = $state(0);
  tieBreak = $state<TieBreak>('first-seen');
  word = $state('');

  constructor(settings: BpeStepperSettings = DEFAULT_BPE_SETTINGS) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): BpeStepperSettings {
    return { corpus: this.corpus, step: this.step, tieBreak: this.tieBreak, word: this.word };
  }

  /** Replaces every setting at once (a link, a reset, an exercise start). */
  apply(settings: BpeStepperSettings): void {
    this.corpus = settings.corpus;
    this.tieBreak = settings.tieBreak;
    this.word = settings.word;
    this.step = settings.step;
  }

  /** Merges, corpus, pairs and trace for the current settings (training is cached per corpus and tie-break). */
  view: BpeStepperView = $derived(bpeStepperView(this.settings));

  /** Applies one more merge, if any is left. */
  next(): void {
    this.step = Math.min(this.view.step + 1, this.view.totalSteps);
  }

  /** Undoes the last merge. */
  back(): void {
    this.step = Math.max(this.view.step - 1, 0);
  }

  /** Jumps to step k (0 = bytes only), clamped. */
  goTo(k: number): void {
    this.step = Math.max(0, Math.min(Math.round(k), this.view.totalSteps));
  }

  /** New training text or tie-break: start again from bytes, since every later merge may change. */
  retrain(change: Partial<Pick<BpeStepperSettings, 'corpus' | 'tieBreak'>>): void {
    if (change.corpus !== undefined) this.corpus = change.corpus;
    if (change.tieBreak !== undefined) this.tieBreak = change.tieBreak;
    this.step = 0;
  }
}
