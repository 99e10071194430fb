// Adapters over the `gpt-tokenizer` package's real OpenAI encodings. This file only describes them; the rank
// tables (0.6 MB for GPT-2, 2.4 MB for GPT-4o before compression) are fetched by `gptLoader.svelte.ts` on request.
import { rowsFromByteTokens, type TokenizerAdapter } from './tokenRows.ts';

/** The real encodings the playground offers. */
export type GptEncodingName = 'r50k' | 'o200k';

/** What the learner reads about each encoding, and roughly how much it costs to fetch (gzipped, measured in the build). */
export const GPT_ENCODINGS: Record<GptEncodingName, { name: string; model: string; approxDownload: string; endOfText: number }> = {
  r50k: { name: 'GPT-2 (r50k_base)', model: 'GPT-2', approxDownload: '≈ 0.2 MB', endOfText: 50_256 },
  o200k: { name: 'GPT-4o (o200k_base)', model: 'GPT-4o', approxDownload: '≈ 1.0 MB', endOfText: 199_999 },
};

/** The end-of-text marker both encodings reserve an id for. */
export const END_OF_TEXT = '<|endoftext|>';

/** The parts of a gpt-tokenizer encoding module we use. */
export interface GptEncodingModule {
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[];
  decode(ids: Iterable<number>): string;
  vocabularySize: number;
}

/** Turns an encoding module and its rank table (index = id; a string, or raw bytes when not valid UTF-8) into an adapter. */
export function gptAdapter(name: GptEncodingName, module: GptEncodingModule, ranks: readonly (string | number[])[]): TokenizerAdapter {
  const encoder = new TextEncoder();
  const bytesCache = new Map<number, Uint8Array>();
  const bytesOf = (id: number): Uint8Array => {
    let bytes = bytesCache.get(id);
    if (!bytes) {
      const entry = ranks[id];
      // Ids past the rank table are special tokens such as <|endoftext|> (50256 in GPT-2).
      bytes = entry === undefined ? encoder.encode(module.decode([id])) : typeof entry === 'string' ? encoder.encode(entry) : Uint8Array.from(entry);
      bytesCache.set(id, bytes);
    }
    return bytes;
  };
  return {
    name: GPT_ENCODINGS[name].name,
    vocabSize: module.vocabularySize,
    tokenize(text) {
      // "<|endoftext|>" typed into the text becomes the one id each encoding reserves for it (50256 in GPT-2). We cut it
      // out ourselves (the package's allowedSpecial option did not take effect in testing); pre-splitting never
      // crosses it, so encoding the pieces between markers separately gives the same ids. Any other special-looking
      // text is encoded as ordinary characters instead of throwing.
      const ids: number[] = [];
      text.split(END_OF_TEXT).forEach((piece, i) => {
        if (i > 0) ids.push(GPT_ENCODINGS[name].endOfText);
        if (piece !== '') ids.push(...module.encode(piece, { disallowedSpecial: new Set() }));
      });
      return { rows: rowsFromByteTokens(text, ids, bytesOf), unknown: [] };
    },
  };
}
