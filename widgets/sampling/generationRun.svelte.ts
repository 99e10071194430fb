// Live state of the panel's "Generate" part: the worker's streamed generate verb with the panel's decoding
// settings, one token per forward pass, optionally carrying on past <eos> to show what greedy does on long text.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import type { GeneratedToken } from '../../engine/verbs/generateVerb.ts';
import { SAMPLING_MODEL, samplingOptions, type SamplingSettings } from './samplingModel.ts';

/** One generated token as the panel lists it. */
export type GenerationStep = Pick<GeneratedToken, 'token' | 'prob' | 'entropy' | 'kept'>;

/** Shortest run of 2 or more tokens that ends the text and repeats the run just before it (0 when there is none). */
export function trailingRepeat(tokens: readonly string[]): number {
  for (let size = 2; size <= tokens.length / 2; size++) {
    const end = tokens.length;
    let same = true;
    for (let i = 0; i < size && same; i++) same = tokens[end - 1 - i] === tokens[end - 1 - size - i];
    if (same) return size;
  }
  return 0;
}

/** Reactive state of one generation run. */
export class GenerationRun {
  steps = $state<GenerationStep[]>([]);
  /** The prompt the shown tokens continue (kept, so editing the prompt later does not relabel an old run). */
  prompt = $state('');
  running = $state(false);
  problem = $state<string | null>(null);
  /** Said once when a run ends (not per token: a token-by-token live region would be far too chatty). */
  announcement = $state('');
  private controller: AbortController | null = null;

  /**
   * Generates `settings.steps` tokens after the prompt. With `stopAtEos` off, an <eos> does not end the run: the
   * text so far (its last `contextLength` tokens) becomes the next prompt and generation carries on.
   */
  async run(settings: SamplingSettings, stopAtEos: boolean, contextLength: number): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.steps = [];
    this.problem = null;
    this.running = true;
    this.announcement = '';
    let text = settings.prompt.trim();
    this.prompt = text;
    let round = 0;
    try {
      while (this.steps.length < settings.steps) {
        const result = await getEngine().call('generate', {
          model: SAMPLING_MODEL, text, maxTokens: settings.steps - this.steps.length, seed: settings.seed + round, ...samplingOptions(settings),
        }, {
          signal: controller.signal,
          onProgress: (_done, _total, _label, data) => {
            const step = data as GeneratedToken | undefined;
            if (step && this.controller === controller) this.steps = [...this.steps, { token: step.token, prob: step.prob, entropy: step.entropy, kept: step.kept }];
          },
        });
        if (result.stoppedBy !== 'stop-token' || stopAtEos) break;
        // Carry on after <eos> from the text so far; a new seed per round keeps sampled rounds from repeating each other.
        text = [...result.promptTokens, ...result.generated.map((g) => g.token)].slice(-contextLength).join(' ');
        round += 1;
      }
      const repeat = trailingRepeat(this.steps.map((s) => s.token));
      this.announcement = `Generated ${this.steps.length} tokens.${repeat ? ` The last ${repeat} tokens repeat the ${repeat} before them.` : ''}`;
    } catch (error) {
      if (!isSupersededOrCancelled(error)) this.problem = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.controller === controller) {
        this.running = false;
        this.controller = null;
      }
    }
  }

  /** Stops a run in progress (the tokens so far stay). */
  stop(): void {
    if (this.running) this.announcement = `Stopped after ${this.steps.length} tokens.`;
    this.controller?.abort();
    this.controller = null;
    this.running = false;
  }
}
