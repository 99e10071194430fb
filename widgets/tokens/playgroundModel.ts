// The tokenizer playground's plain data: settings (what a link carries), their URL schema, and the view of one
// or two panes, each a tokenizer applied to a text. Pure: adapters are passed in, so tests run it in Node.
import { z } from 'zod';
import type { TokenRow, TokenizerAdapter } from './tokenRows.ts';
import { codePointCount, safePrefix, utf8Length } from './tokenDisplay.ts';

/** The four tokenizers on offer: TinyWorld's words, our TinyWorld-trained BPE, and two real OpenAI encodings. */
export type TokenizerChoice = 'tinyworld' | 'bpe' | 'r50k' | 'o200k';

/** Names for the choice buttons, in the order they are offered. */
export const TOKENIZER_LABELS: Record<TokenizerChoice, string> = {
  tinyworld: 'TinyWorld words',
  bpe: 'Our BPE',
  r50k: 'GPT-2',
  o200k: 'GPT-4o',
};

/**
 * Settings. `compare` shows a second pane with tokenizer `right`; that pane reads `textRight`, or `text` when
 * `textRight` is null (the usual "same text, two tokenizers" comparison).
 */
export interface PlaygroundSettings { text: string; textRight: string | null; left: TokenizerChoice; right: TokenizerChoice; compare: boolean }

/** Defaults: one TinyWorld sentence with an invented word, TinyWorld's words against our BPE (both load instantly). */
export const DEFAULT_PLAYGROUND_SETTINGS: PlaygroundSettings = {
  text: 'The farmer ate a strawberry in Zorbland.',
  textRight: null,
  left: 'tinyworld',
  right: 'bpe',
  compare: true,
};

/** Longest text a link carries (the URL stays short); longer texts work on the page but are not shared. */
export const MAX_LINKED_TEXT = 600;
/** Longest text tokenised; a longer paste is cut here and the pane says so. */
export const MAX_TOKENIZED_CHARS = 20_000;
/** Most chips and table rows drawn per pane; the counts still cover the whole (capped) text. */
export const MAX_SHOWN_TOKENS = 300;

const choice = z.enum(['tinyworld', 'bpe', 'r50k', 'o200k']);
/** Version 1 of the URL state. */
export const playgroundSchema = z.object({
  text: z.string().max(MAX_LINKED_TEXT),
  textRight: z.string().max(MAX_LINKED_TEXT).nullable(),
  left: choice,
  right: choice,
  compare: z.boolean(),
});

/** The playground's shareable state: version, schema and defaults (the shape kit/urlState.ts's WidgetStateSpec expects). */
export const playgroundState = { version: 1, schema: playgroundSchema as z.ZodType<PlaygroundSettings>, defaults: DEFAULT_PLAYGROUND_SETTINGS };

/** Where a pane's tokenizer is: usable, waiting for the learner to ask for a download, downloading, or failed. */
export type PaneStatus = 'ready' | 'idle' | 'loading' | 'error';

/** One pane: a tokenizer over a text, with counts. Counts are null until the tokenizer is ready. */
export interface PaneView {
  choice: TokenizerChoice;
  status: PaneStatus;
  name: string;
  vocabSize: number | null;
  /** The text as typed (before the length cap). */
  text: string;
  /** True when only the first MAX_TOKENIZED_CHARS characters were tokenised. */
  truncated: boolean;
  /** Every token of the (capped) text; views draw at most MAX_SHOWN_TOKENS of them. */
  rows: TokenRow[];
  count: number | null;
  /** Characters (code points) and UTF-8 bytes of the tokenised text. */
  chars: number;
  bytes: number;
  unknown: { word: string; start: number; suggestions: string[] }[];
}

/** What the widget draws and exercise checks read (countLeft/countRight as the curriculum's checks name them). */
export interface PlaygroundView {
  left: PaneView;
  right: PaneView | null;
  textLeft: string;
  textRight: string;
  countLeft: number | null;
  countRight: number | null;
}

/** How a view finds a tokenizer: an adapter when it can run now, else the pane's status. */
export type ResolveTokenizer = (choice: TokenizerChoice) => TokenizerAdapter | Exclude<PaneStatus, 'ready'>;

/** Tokenises one pane; never throws (a failing tokenizer shows as an error pane). */
export function paneView(choice: TokenizerChoice, text: string, resolve: ResolveTokenizer): PaneView {
  const capped = safePrefix(text, MAX_TOKENIZED_CHARS);
  const base = { choice, text, truncated: capped.length < text.length, chars: codePointCount(capped), bytes: utf8Length(capped), rows: [], unknown: [] };
  const found = resolve(choice);
  if (typeof found === 'string') return { ...base, status: found, name: TOKENIZER_LABELS[choice], vocabSize: null, count: null };
  try {
    const { rows, unknown } = found.tokenize(capped);
    return { ...base, status: 'ready', name: found.name, vocabSize: found.vocabSize, rows, unknown, count: rows.length };
  } catch {
    return { ...base, status: 'error', name: found.name, vocabSize: found.vocabSize, count: null };
  }
}

/** The whole view for some settings. */
export function playgroundView(settings: PlaygroundSettings, resolve: ResolveTokenizer): PlaygroundView {
  const textRight = settings.textRight ?? settings.text;
  const left = paneView(settings.left, settings.text, resolve);
  const right = settings.compare ? paneView(settings.right, textRight, resolve) : null;
  return { left, right, textLeft: settings.text, textRight: settings.compare ? textRight : '', countLeft: left.count, countRight: right?.count ?? null };
}

/** Ready-made inputs from the curriculum's table (the ␣ in the labels is a real leading space in the text). */
export const PRESETS: { label: string; text: string }[] = [
  { label: '␣strawberry', text: ' strawberry' },
  { label: 'strawberry', text: 'strawberry' },
  { label: 'Strawberry', text: 'Strawberry' },
  { label: '"strawberry', text: '"strawberry' },
  { label: '␣reindeer ␣reinjury', text: ' reindeer reinjury' },
  { label: "doesn't", text: "doesn't" },
  { label: '␣antidisestablishmentarianism', text: ' antidisestablishmentarianism' },
  { label: 'こんにちは', text: 'こんにちは' },
  { label: '␣2025', text: ' 2025' },
  { label: '␣Quorvia', text: ' Quorvia' },
  { label: 'Mike is quick. He moves', text: 'Mike is quick. He moves' },
  { label: 'emoji and Hebrew', text: 'I 👋🏽 you, שלום!' },
  { label: '<|endoftext|>', text: 'The end.<|endoftext|>' },
];
