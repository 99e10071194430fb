// Live state of one AttentionCalculator: the example, the four matrices the learner edits, the two switches.
import { DEFAULT_SETTINGS, ENTRY_LIMIT, PRESETS, attentionCalculatorView, type AttentionCalculatorSettings, type AttentionCalculatorView, type PresetId } from './attentionCalculatorModel.ts';
import type { Matrix } from './matrixMath.ts';
import { typedNumberProblem } from '../../kit/typedNumber.ts';

/** The matrices a learner can edit. */
export type EditableMatrix = 'X' | 'WQ' | 'WK' | 'WV';

const copy = (m: Matrix): Matrix => m.map((row) => [...row]);

/** Settings plus a sentence about the last unusable typed value. */
export class AttentionCalculatorState {
  preset = $state<PresetId>(DEFAULT_SETTINGS.preset);
  X = $state<Matrix>(copy(DEFAULT_SETTINGS.X));
  WQ = $state<Matrix>(copy(DEFAULT_SETTINGS.WQ));
  WK = $state<Matrix>(copy(DEFAULT_SETTINGS.WK));
  WV = $state<Matrix>(copy(DEFAULT_SETTINGS.WV));
  scale = $state(DEFAULT_SETTINGS.scale);
  mask = $state(DEFAULT_SETTINGS.mask);
  /** Why the last typed entry was not used, or null. */
  problem = $state<string | null>(null);

  constructor(settings: AttentionCalculatorSettings = DEFAULT_SETTINGS) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): AttentionCalculatorSettings {
    return { preset: this.preset, X: copy(this.X), WQ: copy(this.WQ), WK: copy(this.WK), WV: copy(this.WV), scale: this.scale, mask: this.mask };
  }

  /** Replaces every setting (a link, a preset, an exercise's reset). */
  apply(settings: AttentionCalculatorSettings): void {
    this.preset = settings.preset;
    this.X = copy(settings.X);
    this.WQ = copy(settings.WQ);
    this.WK = copy(settings.WK);
    this.WV = copy(settings.WV);
    this.scale = settings.scale;
    this.mask = settings.mask;
    this.problem = null;
  }

  /** Every intermediate of the head. */
  view = $derived<AttentionCalculatorView>(attentionCalculatorView(this.settings));

  /** Sets one entry from a number box; an empty box or a huge number is explained and not applied. */
  setEntry(which: EditableMatrix, row: number, col: number, value: number, where: string): void {
    this.problem = typedNumberProblem(value, ENTRY_LIMIT, { missing: `${where} is empty or not a number: type a number such as 1 or -0.5.`, range: `${where}: entries go from −${ENTRY_LIMIT} to ${ENTRY_LIMIT}.` });
    if (this.problem !== null) return;
    const next = copy(this[which]);
    next[row][col] = value;
    this[which] = next;
  }

  /** Loads one of the curriculum's examples. */
  usePreset(id: PresetId): void {
    this.apply(PRESETS[id].settings);
  }
}
