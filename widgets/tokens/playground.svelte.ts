// Live state of one tokenizer playground: settings as runes, texts debounced for long pastes, and the tokenizers
// resolved from what this page has loaded (TinyWorld words at once, our BPE from a prop, GPT encodings on request).
import { DEFAULT_PLAYGROUND_SETTINGS, playgroundView, type PlaygroundSettings, type PlaygroundView, type ResolveTokenizer, type TokenizerChoice } from './playgroundModel.ts';
import { ownBpeAdapter, tinyWorldAdapter, type TokenizerAdapter } from './tokenRows.ts';
import { gptStatus, loadGpt, loadedGpt } from './gptLoader.svelte.ts';
import { parseMerges } from './mergesText.ts';

/** Texts longer than this wait for a pause in typing before they are tokenised again. */
const DEBOUNCE_ABOVE_CHARS = 2000;
const DEBOUNCE_MS = 250;

let tinyWorld: TokenizerAdapter | undefined;
/** The TinyWorld word tokenizer, built once per page. */
function tinyWorldTokenizer(): TokenizerAdapter {
  tinyWorld ??= tinyWorldAdapter();
  return tinyWorld;
}

/** Settings in, panes out. */
export class PlaygroundState {
  text = $state('');
  textRight = $state<string | null>(null);
  left = $state<TokenizerChoice>('tinyworld');
  right = $state<TokenizerChoice>('bpe');
  compare = $state(true);
  /** The texts the panes show: equal to the typed ones, or a moment behind while a long text is being typed. */
  settledText = $state('');
  settledRight = $state<string | null>(null);
  /** Our TinyWorld BPE, once its merges are known; its status while it trains. */
  ownBpe = $state<TokenizerAdapter | null>(null);
  ownBpeStatus = $state<'idle' | 'loading' | 'error'>('idle');
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `merges` is the serialised TinyWorld merge list a lesson computed at build time (optional). */
  constructor(settings: PlaygroundSettings = DEFAULT_PLAYGROUND_SETTINGS, merges?: string) {
    this.apply(settings);
    if (merges) this.ownBpe = ownBpeAdapter(parseMerges(merges));
  }

  /** The settings as plain data (what a link carries). */
  get settings(): PlaygroundSettings {
    return { text: this.text, textRight: this.textRight, left: this.left, right: this.right, compare: this.compare };
  }

  /** Replaces every setting at once (a link, a reset, an exercise start); texts take effect immediately. */
  apply(settings: PlaygroundSettings): void {
    this.text = this.settledText = settings.text;
    this.textRight = this.settledRight = settings.textRight;
    this.left = settings.left;
    this.right = settings.right;
    this.compare = settings.compare;
  }

  private resolve: ResolveTokenizer = (choice) => {
    if (choice === 'tinyworld') return tinyWorldTokenizer();
    if (choice === 'bpe') return this.ownBpe ?? this.ownBpeStatus;
    const loaded = loadedGpt(choice);
    if (loaded) return loaded;
    const status = gptStatus[choice];
    return status === 'ready' ? 'loading' : status;
  };

  /** Both panes, tokenised from the settled texts. */
  view: PlaygroundView = $derived(playgroundView({ ...this.settings, text: this.settledText, textRight: this.settledRight }, this.resolve));

  /** Sets the left (or only) text; long texts are re-tokenised after a short pause instead of on every key. */
  setText(value: string): void {
    this.text = value;
    this.settle();
  }

  /** Sets the right pane's own text, or null to make it follow the left text. */
  setTextRight(value: string | null): void {
    this.textRight = value;
    this.settle();
  }

  private settle(): void {
    clearTimeout(this.timer);
    const apply = () => {
      this.settledText = this.text;
      this.settledRight = this.textRight;
    };
    if (Math.max(this.text.length, this.textRight?.length ?? 0) > DEBOUNCE_ABOVE_CHARS) this.timer = setTimeout(apply, DEBOUNCE_MS);
    else apply();
  }

  /** The learner picked a tokenizer for a pane: that is the request to fetch it, if it must be fetched. */
  choose(side: 'left' | 'right', choice: TokenizerChoice): void {
    this[side] = choice;
    void this.ensure(choice);
  }

  /** Makes a tokenizer usable: downloads a GPT encoding or trains our BPE (each once per page). */
  async ensure(choice: TokenizerChoice): Promise<void> {
    if (choice === 'r50k' || choice === 'o200k') {
      await loadGpt(choice).catch(() => undefined); // the pane shows the error and a retry button
    } else if (choice === 'bpe' && !this.ownBpe && this.ownBpeStatus !== 'loading') {
      this.ownBpeStatus = 'loading';
      try {
        const { trainTinyWorldBpe } = await import('./tinyWorldBpe.ts');
        this.ownBpe = ownBpeAdapter(trainTinyWorldBpe().merges);
        this.ownBpeStatus = 'idle';
      } catch {
        this.ownBpeStatus = 'error';
      }
    }
  }
}
