// Sentences the BPE stepper announces after each step (also shown on screen, so sighted and screen-reader users read the same).
import type { BpeStepperView } from './bpeStepperModel.ts';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** "Merge 1 of 5: u + g → ug (seen 4 times). 10 tokens now, from 14." */
export function stepSummary(view: BpeStepperView): string {
  const start = view.tokenCounts[0] ?? 0;
  if (view.words.length === 0) return 'Type some words to train on.';
  if (view.step === 0) {
    const left = view.totalSteps === 0 ? ' No pair occurs, so there is nothing to merge.' : ` Press “Next merge” to merge the most frequent pair.`;
    return `No merges yet: ${plural(start, 'token')}, one per byte.${left}`;
  }
  const m = view.mergeTable[view.step - 1];
  const done = view.step === view.totalSteps ? ' No pair is left to merge.' : '';
  return `Merge ${view.step} of ${view.totalSteps}: ${m.left.text} + ${m.right.text} → ${m.result.text} (seen ${plural(m.count, 'time')}). ${plural(view.tokenCount, 'token')} now, from ${start}.${done}`;
}
