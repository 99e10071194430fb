/** Formats benchmark rows as a text table and a JSON record. */
import os from 'node:os';
import type { BenchRow } from './harness.ts';
import { speedRatio } from './harness.ts';

/** A row with its derived ratio and target verdict. */
export interface ScoredRow extends BenchRow {
  speedRatio?: number;
  targetMet?: boolean;
}

/** Adds the speed ratio and whether the target was met. */
export function scoreRow(row: BenchRow): ScoredRow {
  const ratio = speedRatio(row);
  return { ...row, speedRatio: ratio, targetMet: row.target && ratio !== undefined ? ratio >= row.target.minSpeedRatio : undefined };
}

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '—';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** The results as an aligned plain-text table plus target lines and notes. */
export function formatTable(rows: ScoredRow[]): string {
  const header = ['benchmark', 'unit', 'engine', 'reference', 'vs', 'engine speed ×', 'target'];
  const body = rows.map((r) => [
    r.name, r.unit, formatNumber(r.engine), formatNumber(r.reference), r.referenceName ?? '',
    r.speedRatio === undefined ? '—' : `${r.speedRatio.toFixed(2)}×`,
    r.target ? `${r.targetMet ? 'MET' : 'NOT MET'} (${r.target.text})` : '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `note (${r.name} vs ${r.referenceName}): ${r.note}`);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), '', ...notes].join('\n');
}

/** Everything worth keeping from a run, for bench-results/bench.json. */
export function benchRecord(rows: ScoredRow[], checks: string[]): object {
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadAverage: os.loadavg(),
    method: 'median of repeated samples after warm-up; speed ratio > 1 means the engine is faster',
    checks,
    rows,
  };
}
