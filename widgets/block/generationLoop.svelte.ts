// Live state of GenerationLoop: runs the generationLoop verb with the cache on or off and keeps the latest run of each.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { generationLoopView, loopRun, runKey, type GenerationLoopSettings, type GenerationLoopView, type LoopRun } from './generationLoopModel.ts';

/** Reactive state of one loop widget. */
export class GenerationLoopState {
  prompt = $state('');
  seed = $state(3);
  n = $state(10);
  kvCache = $state(false);
  /** Latest runs, each remembered with the settings key it was made for. */
  on = $state.raw<{ key: string; run: LoopRun } | null>(null);
  off = $state.raw<{ key: string; run: LoopRun } | null>(null);
  promptTokens = $state<string[]>([]);
  busy = $state(false);
  problem = $state<string | null>(null);
  announcement = $state('');
  readonly session: ModelSession;

  constructor(settings: GenerationLoopSettings, private readonly channel: string) {
    this.session = new ModelSession(settings.model);
    this.apply(settings);
  }

  /** The settings as plain data. */
  get settings(): GenerationLoopSettings {
    return { model: this.session.name, prompt: this.prompt, seed: this.seed, n: this.n, kvCache: this.kvCache };
  }

  /** Replaces the settings. */
  apply(s: GenerationLoopSettings): void {
    this.prompt = s.prompt;
    this.seed = s.seed;
    this.n = s.n;
    this.kvCache = s.kvCache;
  }

  /** The runs that belong to the current prompt, seed and n. */
  get view(): GenerationLoopView {
    const key = runKey(this);
    return generationLoopView(this.on?.key === key ? this.on.run : null, this.off?.key === key ? this.off.run : null);
  }

  /** Generates n tokens with the current cache setting. */
  async run(): Promise<void> {
    const settings = this.settings;
    if (!Number.isInteger(settings.n) || settings.n < 1) {
      this.problem = 'Choose how many tokens to generate (a whole number from 1).';
      return;
    }
    if (!Number.isInteger(settings.seed) || settings.seed < 0) {
      this.problem = 'The seed must be a whole number, 0 or more.';
      return;
    }
    if (!(await this.session.load())) return;
    this.busy = true;
    try {
      const r = await getEngine().call('generationLoop', {
        model: settings.model, text: settings.prompt, maxTokens: settings.n, seed: settings.seed, kvCache: settings.kvCache,
      }, { channel: this.channel });
      const run = loopRun(r.steps);
      const entry = { key: runKey(settings), run };
      if (settings.kvCache) this.on = entry;
      else this.off = entry;
      this.promptTokens = r.promptTokens;
      this.problem = null;
      const cache = settings.kvCache ? `; the cache holds ${run.cacheNumbers.toLocaleString('en-US')} numbers` : '';
      this.announcement = `Generated ${run.tokens.length} tokens with the cache ${settings.kvCache ? 'on' : 'off'}: ${run.macs.toLocaleString('en-US')} multiply–adds${cache}.`;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.problem = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}
