/** Turning corpus text into the flat id stream the window sampler cuts up. */
import type { Tokenizer } from '../tokenizer/types.ts';

/**
 * Ids of a pre-tokenised corpus (tokens separated by whitespace, as the TinyWorld generator
 * writes it, each document ending in <eos>). Much faster than a general encode for a million
 * tokens; an unknown token is an error, since the course vocabulary is closed. text -> [N]
 */
export function wordTokenStream(text: string, tokenizer: Tokenizer): Int32Array {
  const words = text.split(/\s+/u).filter((w) => w.length > 0);
  const ids = new Int32Array(words.length);
  const cache = new Map<string, number>();
  words.forEach((word, i) => {
    let id = cache.get(word);
    if (id === undefined) {
      id = tokenizer.idOf(word);
      if (id === undefined) throw new RangeError(`wordTokenStream: "${word}" (token ${i}) is not in the vocabulary.`);
      cache.set(word, id);
    }
    ids[i] = id;
  });
  return ids;
}

/** Ids of documents encoded one by one, each followed by the end-of-document id. docs -> [N] */
export function documentTokenStream(documents: readonly string[], tokenizer: Tokenizer, eosId: number): Int32Array {
  const parts = documents.map((doc) => tokenizer.encode(doc).ids);
  const ids = new Int32Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let o = 0;
  for (const part of parts) {
    ids.set(part, o);
    o += part.length;
    ids[o++] = eosId;
  }
  return ids;
}
