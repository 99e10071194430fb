// Reading the BPE stepper's editable training text: words separated by spaces or new lines, each optionally
// followed by ":count" (hug:3 counts "hug" three times). Repeated words add up. Guarded against huge pastes.

/** Longest training text read; the rest of a long paste is ignored, and the widget says so. */
export const MAX_CORPUS_CHARS = 2000;
/** Most distinct words kept (more would make the tables unreadable, not slow). */
export const MAX_WORDS = 60;
/** Longest word kept, in UTF-16 units (an emoji is 2). */
export const MAX_WORD_LENGTH = 32;
/** Largest count one item may carry. */
export const MAX_COUNT = 999;

/** The parsed training words, in first-appearance order, and sentences about anything that was left out. */
export interface ParsedCorpus {
  words: [string, number][];
  problems: string[];
}

/** Parses the training text; never throws. */
export function parseCorpus(text: string): ParsedCorpus {
  const problems: string[] = [];
  let source = text;
  if (source.length > MAX_CORPUS_CHARS) {
    // Cut at the last break before the limit, so no word is chopped into a new, made-up word.
    const cut = source.slice(0, MAX_CORPUS_CHARS + 1).search(/[\s,;]\S*$/u);
    source = source.slice(0, cut > 0 ? cut : MAX_CORPUS_CHARS);
    problems.push(`Only the first ${MAX_CORPUS_CHARS.toLocaleString('en')} characters are used.`);
  }
  const counts = new Map<string, number>();
  let skippedLong = false;
  let skippedMany = false;
  for (const item of source.split(/[\s,;]+/u)) {
    if (item === '') continue;
    const match = /^(.+?):(\d*)$/u.exec(item);
    const word = match ? match[1] : item;
    const count = match ? Number(match[2]) : 1;
    if (match && !(Number.isInteger(count) && count >= 1 && count <= MAX_COUNT)) {
      problems.push(`“${item}”: the count after the colon must be a whole number from 1 to ${MAX_COUNT}.`);
      continue;
    }
    if (word.length > MAX_WORD_LENGTH) {
      skippedLong = true;
      continue;
    }
    if (!counts.has(word) && counts.size >= MAX_WORDS) {
      skippedMany = true;
      continue;
    }
    counts.set(word, Math.min(MAX_COUNT * 100, (counts.get(word) ?? 0) + count));
  }
  if (skippedLong) problems.push(`Words longer than ${MAX_WORD_LENGTH} characters are left out.`);
  if (skippedMany) problems.push(`Only the first ${MAX_WORDS} different words are used.`);
  return { words: [...counts], problems };
}
