// Fetches gpt-tokenizer's encodings only when a learner asks for one, once per page, and shares the result and its
// loading status between every widget on the page (module-level runes).
import { gptAdapter, type GptEncodingModule, type GptEncodingName } from './gptEncodings.ts';
import type { TokenizerAdapter } from './tokenRows.ts';

/** Where an encoding is in its life on this page. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Loading status per encoding; reactive, so a second widget shows "loading…" while the first one fetches. */
export const gptStatus = $state<Record<GptEncodingName, LoadStatus>>({ r50k: 'idle', o200k: 'idle' });

// Plain caches, not state: `gptStatus` is what widgets react to.
const adapters: Partial<Record<GptEncodingName, TokenizerAdapter>> = {};
const pending: Partial<Record<GptEncodingName, Promise<TokenizerAdapter>>> = {};

// Literal import() calls, so the bundler can split each table into its own file that is fetched on demand.
const importers: Record<GptEncodingName, () => Promise<[GptEncodingModule, (string | number[])[]]>> = {
  r50k: () => Promise.all([import('gpt-tokenizer/encoding/r50k_base'), import('gpt-tokenizer/bpeRanks/r50k_base').then((m) => m.default)]),
  o200k: () => Promise.all([import('gpt-tokenizer/encoding/o200k_base'), import('gpt-tokenizer/bpeRanks/o200k_base').then((m) => m.default)]),
};

/** The adapter if it has already loaded on this page, else undefined (never starts a download). */
export function loadedGpt(name: GptEncodingName): TokenizerAdapter | undefined {
  // Reading the status makes callers inside $derived re-run when the download finishes.
  void gptStatus[name];
  return adapters[name];
}

/** Downloads an encoding (once; later calls share the same promise). A failure can be retried by calling again. */
export function loadGpt(name: GptEncodingName): Promise<TokenizerAdapter> {
  const existing = pending[name];
  if (existing) return existing;
  gptStatus[name] = 'loading';
  const promise = importers[name]()
    .then(([module, ranks]) => {
      const adapter = gptAdapter(name, module, ranks);
      adapters[name] = adapter;
      gptStatus[name] = 'ready';
      return adapter;
    })
    .catch((error: unknown) => {
      delete pending[name];
      gptStatus[name] = 'error';
      throw error;
    });
  pending[name] = promise;
  return promise;
}
