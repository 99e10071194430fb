/** Plain-text rendering of a suite result: one row per check (id, verdict, measured, threshold) and a summary. */
import type { CheckResult, Json } from './types.ts';
import type { SuiteResult } from './suite.ts';

/** PASS, FAIL or report (a check that does not gate this variant). */
export function verdictLabel(check: Pick<CheckResult, 'pass'>): string {
  return check.pass === 'report' ? 'report' : check.pass ? 'PASS' : 'FAIL';
}

function show(value: Json): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') {
    return Array.isArray(value) ? value.map(show).join(', ') : Object.entries(value).map(([k, v]) => `${k} ${show(v)}`).join(', ');
  }
  return String(value);
}

/** The measured numbers of a check on one line. */
export function measuredLine(check: CheckResult): string {
  if (check.error) return check.error;
  return Object.entries(check.measured).map(([key, value]) => `${key} ${show(value)}`).join(' · ');
}

/** The probe table and summary for a terminal. */
export function formatSuiteTable(result: SuiteResult): string {
  const rows = result.checks.map((c) => [c.id, verdictLabel(c), c.title, measuredLine(c), c.threshold]);
  const header = ['check', 'verdict', 'title', 'measured', 'threshold'];
  const widths = header.map((h, i) => Math.min(i === 3 ? 90 : 60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  const gating = result.checks.filter((c) => c.pass !== 'report');
  const passed = gating.filter((c) => c.pass === true).length;
  return [
    line(header),
    ...rows.map(line),
    '',
    `variant ${result.variant}: ${passed}/${gating.length} gating checks pass${result.gatingFailures.length ? `; failing: ${result.gatingFailures.join(', ')}` : ''} (${result.seconds} s)`,
    `demo head (C-6b): ${show(result.demoHead)} · pure-cluster word (C-7): ${result.pureCluster ?? '—'}`,
    result.passed ? 'RESULT: PASS' : 'RESULT: FAIL',
  ].join('\n');
}
