/** A content hash of a generated corpus, for the model manifest ("the corpus hash and the seed"). */
import type { Corpus } from './generator.ts';

/** SHA-256 (hex) of the training text, a NUL byte, then the validation text. Works in Node and in a worker. */
export async function corpusHash(corpus: Pick<Corpus, 'trainText' | 'validationText'>): Promise<string> {
  const bytes = new TextEncoder().encode(`${corpus.trainText}\u0000${corpus.validationText}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
