/**
 * The closed TinyWorld vocabulary: special tokens, punctuation, the §2.2 list words, then the
 * function words and verbs that the templates, fine-tuning sets and lesson prompts use. The
 * order is fixed, so token ids never change between runs. Tests check that every generated,
 * fine-tuning and prompt token is in it and that every function word listed here is used.
 */
import { listWords } from './wordLists.ts';

/** Special tokens with fixed ids 0–4. */
export const SPECIAL_TOKENS = ['<pad>', '<unk>', '<eos>', '<user>', '<bot>'] as const;
/** Punctuation tokens, ids 5–9. */
export const PUNCTUATION = ['.', ',', '?', '!', ':'] as const;

/** Function words and verbs outside the §2.2 lists, grouped roughly by where they first appear. */
export const FUNCTION_WORDS: readonly string[] = [
  // articles, pronouns, determiners
  'the', 'a', 'an', 'i', 'it', 'we', 'you', 'me', 'my', 'our', 'its', 'this', 'some', 'every', 'all',
  // F1–F2
  'ate', 'was', 'very', 'picked', 'farmer', 'from', 'bought', 'and', 'at', 'is', 'tech', 'company', 'new', 'works', 'in', 'by',
  // F3–F6
  'because', 'so', 'ruled', 'worked', 'on', 'house', 'will', 'become', 'said', 'saw', 'waved', 'sat',
  'capital', 'of', 'what', 'big', 'biggest', 'old', 'small',
  // F7–F11
  'after', 'comes', 'counted', 'again', 'chased', 'that', 'ran', 'away',
  // F12 filler
  'went', 'to', 'walked', 'lives', 'near', 'had', 'for', 'dinner', 'table', 'slept', 'under', 'gave', 'today',
  'cold', 'hot', 'sunny', 'yesterday', 'drank', 'water', 'little', 'into', 'reads', 'book', 'put', 'box', 'bird',
  'flew', 'over', 'looked', 'can', 'see', 'opened', 'door', 'stopped', 'working', 'but', 'fixed', 'sad', 'then',
  'felt', 'better', 'please', 'give', 'cup', 'bigger', 'than', 'there', 'behind', 'night', 'sleeps', 'hat',
  'children', 'played', 'day', 'wrote', 'long', 'letter', 'good', 'came', 'home', 'late', 'go', 'tomorrow',
  'friend', 'found', 'stone', 'years', 'look', 'running', 'who', 'did', 'where', 'are', 'friends', 'likes',
  'colour', 'cooked', 'visit', 'too', 'expensive', 'not', 'buy', 'happy', 'has', 'read', 'about', 'jumped',
  'time', 'sleep',
  // fine-tuning sets only
  'government', 'sits', 'which', 'do', 'know', 'great', 'question',
];

let cached: string[] | undefined;

/** The full ordered token list: index = token id. <pad>=0, <unk>=1, <eos>=2, <user>=3, <bot>=4, then . , ? ! : and words. */
export function courseVocabulary(): string[] {
  if (!cached) {
    const tokens = [...SPECIAL_TOKENS, ...PUNCTUATION, ...listWords(), ...FUNCTION_WORDS];
    if (new Set(tokens).size !== tokens.length) throw new Error('courseVocabulary: duplicate token');
    cached = tokens;
  }
  return [...cached];
}
