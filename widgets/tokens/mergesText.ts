// A merge list as a compact string, so a lesson can hand build-time training results to a widget as a prop
// without pulling the corpus generator into the page's JavaScript.
import type { Merge } from '../../engine/tokenizer/index.ts';

/** Merges as "117.103 256.115 …" (left.right, space-separated): about 8 bytes a merge in the page. */
export function serializeMerges(merges: readonly Merge[]): string {
  return merges.map(([a, b]) => `${a}.${b}`).join(' ');
}

/** Reads `serializeMerges` output back; throws on anything else, since a broken prop is a build bug. */
export function parseMerges(text: string): Merge[] {
  if (text.trim() === '') return [];
  return text.trim().split(/\s+/u).map((item) => {
    const match = /^(\d+)\.(\d+)$/u.exec(item);
    if (!match) throw new Error(`Not a merge: "${item}"`);
    return [Number(match[1]), Number(match[2])] as const;
  });
}
