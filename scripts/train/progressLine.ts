/** The one-line progress display of the trainer: step/total, bar, loss, val loss, tokens/s, ETA. */
import type { TrainProgress } from '../../engine/train/trainer.ts';

/** 3725 s -> "1h02m05s"; 75 -> "1m15s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m${String(rest).padStart(2, '0')}s`;
  return m > 0 ? `${m}m${String(rest).padStart(2, '0')}s` : `${rest}s`;
}

/** e.g. "step  120/4000 [#.........] loss 2.314 val 2.401 lr 1.2e-3 | 2,350 tok/s | ETA 27m12s" */
export function formatProgress(p: TrainProgress, width = 20): string {
  const filled = Math.round((width * p.step) / p.totalSteps);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const total = String(p.totalSteps);
  return [
    `step ${String(p.step).padStart(total.length)}/${total} ${bar}`,
    `loss ${p.smoothedLoss.toFixed(3)}`,
    `val ${p.valLoss === undefined ? '  -  ' : p.valLoss.toFixed(3)}`,
    `lr ${p.lr.toExponential(1)}`,
    `| ${Math.round(p.tokensPerSecond).toLocaleString('en-US')} tok/s`,
    `| ETA ${formatDuration(p.etaSeconds)}`,
  ].join(' ');
}
