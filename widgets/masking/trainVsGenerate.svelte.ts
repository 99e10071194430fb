// Live state of TrainVsGenerate: settings in; per-position losses, generated tokens or the append comparison out,
// all from the engine worker.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import type { AppendCompareResult, PositionLoss } from '../../engine/verbs/maskingVerbs.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import {
  MAX_GENERATED, formatLoss, generationText, manifestCausal, recordMeanLoss, trainVsGenerateView, trainedCausal,
  type MaskingModel, type MeanLossEntry, type TrainMode, type TrainVsGenerateSettings, type TrainVsGenerateView,
} from './trainVsGenerateModel.ts';

/** Reactive state of one TrainVsGenerate widget. */
export class TrainVsGenerateState {
  model = $state<MaskingModel>('tw-learned');
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
  /** Mean losses measured so far, per model and mask, so the learner can compare models by switching. */
  meanLosses = $state<MeanLossEntry[]>([]);
  /** Tokens the engine read for the latest generate-mode pass (prompt plus generated). */
  contextTokens = $state(0);
  problem = $state<string | null>(null);
  busy = $state(false);
  /** One sentence per finished computation, for the live region. */
  announcement = $state('');
  /** The selected model's loading state; only this one is downloaded. */
  session = $state.raw<ModelSession>(null as unknown as ModelSession);
  // One session per model name, so switching back does not show a fresh progress bar.
  private readonly sessions: Partial<Record<MaskingModel, ModelSession>> = {};

  constructor(settings: TrainVsGenerateSettings, private readonly channel: string) {
    this.apply(settings);
  }

  /** Whether the selected model was trained with the mask: from its manifest once loaded, else from the widget's list. */
  get trainedCausal(): boolean {
    return manifestCausal(this.session.summary?.provenance) ?? trainedCausal(this.model);
  }

  private sessionFor(model: MaskingModel): ModelSession {
    return (this.sessions[model] ??= new ModelSession(model));
  }

  /** Switches to another model: its mask as it was trained, no generated tokens, nothing shown from the old model. */
  selectModel(model: MaskingModel): void {
    if (model === this.model) return;
    this.model = model;
    this.session = this.sessionFor(model);
    this.causal = trainedCausal(model);
    this.generated = [];
    this.losses = null;
    this.otherMeanLoss = null;
    this.compare = null;
    this.nextGuess = null;
    this.announcement = `Switched to ${model}, ${this.causal ? 'with' : 'without'} the causal mask as it was trained.`;
  }

  /** The settings as plain data (for the URL and checks). */
  get settings(): TrainVsGenerateSettings {
    return { model: this.model, causal: this.causal, mode: this.mode, text: this.text, appended: this.appended, generated: [...this.generated] };
  }

  /** Replaces the settings (from a link, a reset or an exercise start). */
  apply(settings: TrainVsGenerateSettings): void {
    if (settings.model !== this.model || !this.session) {
      this.losses = null;
      this.otherMeanLoss = null;
      this.compare = null;
      this.nextGuess = null;
    }
    this.model = settings.model;
    this.session = this.sessionFor(settings.model);
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

  /**
   * After a worker crash every model must be loaded again: only the selected one is reloaded (by `onReady`, which
   * refreshes), the others when the learner switches back. Returns the unsubscribe.
   */
  watchRestarts(onReady: () => void): () => void {
    return getEngine().onRestart(() => {
      for (const session of Object.values(this.sessions)) session.status = 'idle';
      this.session.restarted = true;
      onReady();
    });
  }

  /** Whether Generate mode can take another step. */
  get canStep(): boolean {
    return this.generated.length < MAX_GENERATED && this.generated.at(-1) !== '<eos>' && !this.busy;
  }

  /** Asks the worker for whatever the current mode shows. Reads every input before the first await so an $effect tracks them. */
  async refresh(): Promise<void> {
    const { mode, causal, text, appended, model, session } = this;
    const context = generationText(this);
    if (!(await session.load())) return;
    // The learner switched models while this one was loading: the newer refresh answers instead.
    if (model !== this.model) return;
    const engine = getEngine();
    try {
      if (mode === 'train') {
        const r = await engine.call('positionLosses', { model, text, causal }, { channel: this.channel });
        if (model !== this.model) return;
        this.losses = { losses: r.losses, meanLoss: r.meanLoss };
        this.meanLosses = recordMeanLoss(this.meanLosses, { model, causal, text, meanLoss: r.meanLoss });
        this.announcement = `One forward pass of ${model}: ${r.losses.length} predictions, mean loss ${formatLoss(r.meanLoss)} nats.`;
        // The same text with the mask the other way, for the side-by-side sentence.
        const other = await engine.call('positionLosses', { model, text, causal: !causal }, { channel: `${this.channel}:other` });
        if (model !== this.model) return;
        this.otherMeanLoss = { causal: !causal, meanLoss: other.meanLoss };
        this.meanLosses = recordMeanLoss(this.meanLosses, { model, causal: !causal, text, meanLoss: other.meanLoss });
      } else if (mode === 'append') {
        if (appended.trim() === '') {
          this.compare = null;
          this.problem = null;
          return;
        }
        const r = await engine.call('appendCompare', { model, text, appended, causal }, { channel: this.channel });
        if (model !== this.model) return;
        this.compare = { result: r, appended };
        this.announcement = r.maxAbsDiffEarlier === 0
          ? `Appended “${appended.trim()}”: no earlier row changed at all.`
          : `Appended “${appended.trim()}”: an earlier row changed by up to ${r.maxAbsDiffEarlier.toPrecision(3)}.`;
      } else {
        const r = await engine.call('nextToken', { model, text: context, top: 1, causal }, { channel: this.channel });
        if (model !== this.model) return;
        this.nextGuess = r.candidates[0] ? { token: r.candidates[0].token, prob: r.candidates[0].prob } : null;
        this.contextTokens = r.tokens.length;
      }
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error) || model !== this.model) return;
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
