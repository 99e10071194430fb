// Reads an acceptance check's measured numbers out of a model manifest (evals.checks), so a lesson can quote
// them at build time instead of copying them into the prose.
import type { ModelManifest } from '../../engine/modelFile.ts';

/** A check as the evaluation suite records it. */
export interface RecordedCheck { id: string; title?: string; pass?: boolean | 'report'; measured: Record<string, unknown> }

/** The recorded check with this id (e.g. "C-9"), or undefined when the manifest lacks it or the model is absent. */
export function checkMeasure(manifest: ModelManifest | undefined, id: string): RecordedCheck | undefined {
  const checks = (manifest?.evals as { checks?: unknown } | undefined)?.checks;
  if (!Array.isArray(checks)) return undefined;
  return checks.find((c): c is RecordedCheck => typeof c === 'object' && c !== null && (c as RecordedCheck).id === id);
}

/** A check's "correct" count as the suite writes it ("30/30"), or "—" when absent. */
export function correctCount(check: RecordedCheck | undefined): string {
  const value = check?.measured.correct;
  return typeof value === 'string' ? value : '—';
}
