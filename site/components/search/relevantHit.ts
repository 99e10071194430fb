// Pagefind also returns pages where only a much shorter word matched the start of what was typed (a reader who
// types "zebra" gets every inline "z" of the math). Such hits are noise: this keeps a hit only when one of its
// highlighted words is a fair match for one of the typed words.

/** The words Pagefind highlighted in an excerpt (`<mark>…</mark>`), lower-cased, without punctuation. */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1].toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean);
}

/**
 * Whether an excerpt's highlights answer the query: some highlighted word is at least as long as a typed word,
 * or at least 3 letters (so "softm" still finds "softmax" and "q" still finds "q").
 */
export function isRelevantHit(excerpt: string, query: string): boolean {
  const typed = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const marked = markedWords(excerpt);
  return marked.some((word) => typed.some((t) => word.length >= Math.min(t.length, 3)));
}
