/**
 * a/an agreement. Templates always write "a"; after a sentence is filled in, every article is
 * set from the word that follows it, so "a orange apple" or "an banana" can never be produced.
 */
import { AN_WORDS, listWords } from './wordLists.ts';

const AN_SET = new Set(AN_WORDS);
const LISTED = new Set(listWords());

/** The article the word takes: the §2.3 exception list for listed words, the first letter otherwise. */
export function articleFor(nextWord: string): 'a' | 'an' {
  if (AN_SET.has(nextWord)) return 'an';
  // Every listed word outside the exception list takes "a" (e.g. "a one", "a unicorn" never occur).
  if (LISTED.has(nextWord)) return 'a';
  // Function words such as "old" follow their spelling; none of them is a silent-h or "you"-sound word.
  return /^[aeiou]/.test(nextWord) ? 'an' : 'a';
}

/** True for the two article tokens. */
export function isArticle(token: string): boolean {
  return token === 'a' || token === 'an';
}

/** Sets every article in place from its next token. tokens: [n] -> [n] (same array). */
export function fixArticles(tokens: string[]): string[] {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (isArticle(tokens[i])) tokens[i] = articleFor(tokens[i + 1]);
  }
  return tokens;
}
