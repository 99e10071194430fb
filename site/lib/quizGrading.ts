// Grading of short quiz answers without evaluating anything: the answer's numbers are compared with the
// expected ones, or the answer is searched for key phrases. Generous on format (71 %, 0.71, −1, "≈ 3.0").
import type { AcceptRule } from './exerciseSchema.ts';

/** The numbers written in a free-text answer, in order; accepts a Unicode minus. Commas separate numbers. */
export function numbersIn(answer: string): number[] {
  const normalised = answer.replace(/[\u2212\u2013]/g, '-');
  return [...normalised.matchAll(/-?\d*\.?\d+(?:e-?\d+)?/gi)].map((m) => Number(m[0])).filter(Number.isFinite);
}

/** True when `found` contains the expected numbers, in order, each within the tolerance. */
function containsInOrder(found: number[], expected: number[], tolerance: number): boolean {
  let at = 0;
  for (const want of expected) {
    while (at < found.length && Math.abs(found[at] - want) > tolerance + 1e-9) at++;
    if (at === found.length) return false;
    at++;
  }
  return true;
}

/** Whether a short answer satisfies the question's acceptance rule. */
export function gradeShortAnswer(answer: string, rule: AcceptRule): boolean {
  const text = answer.trim().toLowerCase();
  if (!text) return false;
  if (rule.keywords?.some((k) => text.includes(k.toLowerCase()))) return true;
  if (!rule.numbers?.length) return false;
  const found = numbersIn(text);
  if (containsInOrder(found, rule.numbers, rule.tolerance)) return true;
  // "0.71, 0.26, 0.04" for percentages: compare the fractions scaled to percent.
  return rule.percent && containsInOrder(found.map((n) => n * 100), rule.numbers, rule.tolerance);
}
