// Live state of TrainVsGenerate: settings in; per-position losses, generated tokens or the append comparison out,
// all from the engine worker.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import type { AppendCompareResult, PositionLoss } from '../../engine/verbs/maskingVerbs.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import {
  MAX_GENERATED, generationText, trainVsGenerateView,
  type TrainMode, type TrainVsGenerateSettings, type TrainVsGenerateView,
} from './trainVsGenerateModel.ts';

/** Reactive state of one TrainVsGenerate widget. */
export class TrainVsGenerateState {
  model = $state('tw-learned');
  causal = $state(true);
  mode = $state<TrainMode>('train');
  text = $state('');
  appended = $state('');
  generated = $state<string[]>([]);
  losses = $state<{ losses: PositionLoss[]; meanLoss: number } | null>(null);
  compare = $state<{ result: AppendCompareResult; appended: string } | null>(null);
  /** The latest generate-mode candidate: what the next step would append, and its probability. */
  nextGuess = $state<{ token: string; prob: number } | null>(null);
  /** Train mode: the mean loss of the same text with the mask the other way. */
  otherMeanLoss = $state<{ causal: boolean; meanLoss: number } | null>(null);
  /** Tokens the engine read for the latest generate-mode pass (prompt plus generated). */
  contextTokens = $state(0);
  problem = $state<string | null>(null);
  busy = $state(false);
  /** One sentence per finished computation, for the live region. */
  announcement = $state('');
  readonly session: ModelSession;

  constructor(settings: TrainVsGenerateSettings, private readonly channel: string) {
    this.session = new ModelSession(settings.model);
    this.apply(settings);
  }

  /** The settings as plain data (for the URL and checks). */
  get settings(): TrainVsGenerateSettings {
    return { model: this.model, causal: this.causal, mode: this.mode, text: this.text, appended: this.appended, generated: [...this.generated] };
  }

  /** Replaces the settings (from a link, a reset or an exercise start); the model is fixed per widget. */
  apply(settings: TrainVsGenerateSettings): void {
    this.model = this.session.name;
    this.causal = settings.causal;
    this.mode = settings.mode;
    this.text = settings.text;
    this.appended = settings.appended;
    this.generated = [...settings.generated];
  }

  /** What exercise checks read. */
  get view(): TrainVsGenerateView {
    return trainVsGenerateView(this.settings, { losses: this.losses, compare: this.compare });
  }

  /** Whether Generate mode can take another step. */
  get canStep(): boolean {
    return this.generated.length < MAX_GENERATED && this.generated.at(-1) !== '<eos>' && !this.busy;
  }

  /** Asks the worker for whatever the current mode shows. Reads every input before the first await so an $effect tracks them. */
  async refresh(): Promise<void> {
    const { mode, causal, text, appended } = this;
    const context = generationText(this);
    if (!(await this.session.load())) return;
    const engine = getEngine();
    try {
      if (mode === 'train') {
        const r = await engine.call('positionLosses', { model: this.model, text, causal }, { channel: this.channel });
        this.losses = { losses: r.losses, meanLoss: r.meanLoss };
        this.announcement = `One forward pass: ${r.losses.length} predictions, mean loss ${r.meanLoss.toFixed(3)} nats.`;
        // The same text with the mask the other way, for the side-by-side sentence.
        const other = await engine.call('positionLosses', { model: this.model, text, causal: !causal }, { channel: `${this.channel}:other` });
        this.otherMeanLoss = { causal: !causal, meanLoss: other.meanLoss };
      } else if (mode === 'append') {
        if (appended.trim() === '') {
          this.compare = null;
          this.problem = null;
          return;
        }
        const r = await engine.call('appendCompare', { model: this.model, text, appended, causal }, { channel: this.channel });
        this.compare = { result: r, appended };
        this.announcement = r.maxAbsDiffEarlier === 0
          ? `Appended “${appended.trim()}”: no earlier row changed at all.`
          : `Appended “${appended.trim()}”: an earlier row changed by up to ${r.maxAbsDiffEarlier.toPrecision(3)}.`;
      } else {
        const r = await engine.call('nextToken', { model: this.model, text: context, top: 1, causal }, { channel: this.channel });
        this.nextGuess = r.candidates[0] ? { token: r.candidates[0].token, prob: r.candidates[0].prob } : null;
        this.contextTokens = r.tokens.length;
      }
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      if (mode === 'train') {
        this.losses = null;
        this.otherMeanLoss = null;
      }
      if (mode === 'append') this.compare = null;
      this.nextGuess = null;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  /** Generate mode: appends the model's top guess (one forward pass per token, greedy). */
  step(): void {
    if (!this.canStep || !this.nextGuess) return;
    const token = this.nextGuess.token;
    // Forget the guess until the next pass answers, so a quick second press cannot append a stale token.
    this.nextGuess = null;
    this.generated = [...this.generated, token];
    this.announcement = `Pass ${this.generated.length}: appended “${token}”.`;
  }

  /** Removes every generated token. */
  clearGenerated(): void {
    this.generated = [];
    this.announcement = 'Cleared the generated tokens.';
  }
}
