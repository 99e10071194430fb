/**
 * Timing helpers and the shared shape of a benchmark case. Each case lives in its own file and
 * is listed in cases.ts; bench.ts runs them in order, prints one table and writes the JSON.
 */

/** One measured line of the results table. */
export interface BenchRow {
  /** Short label, e.g. "forward + trace, 64 tokens". */
  name: string;
  /** What the numbers mean, e.g. "ms" or "tokens/s" or "GFLOP/s". */
  unit: string;
  /** True when bigger numbers are better (throughput), false for times. */
  higherIsBetter: boolean;
  /** The engine's median. */
  engine: number;
  /** The comparison's median, if there is one. */
  reference?: number;
  /** What the comparison is, e.g. "tfjs-wasm". */
  referenceName?: string;
  /** Target for the speed ratio (engine advantage, > 1 means engine faster), with its wording. */
  target?: { minSpeedRatio: number; text: string };
  /** Free-form caveat printed under the table. */
  note?: string;
}

/** What a case gets from the runner. */
export interface BenchContext {
  /** Print a line immediately (checks, progress). */
  log(line: string): void;
}

/** A benchmark case: one file under scripts/bench/, registered in cases.ts. */
export interface BenchCase {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** How long to warm up and how many samples to take. */
export interface MeasureOptions {
  warmup?: number;
  samples?: number;
  /** Each sample repeats fn until at least this many ms pass, so fast functions time accurately. */
  minSampleMs?: number;
}

/** Mean ms per call over one sample: fn repeated until minSampleMs have passed. */
async function sampleMs(fn: () => unknown, minSampleMs: number): Promise<number> {
  let calls = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    await fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < minSampleMs);
  return elapsed / calls;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of one call of fn, in ms (after warm-up; median over samples). */
export async function medianMs(fn: () => unknown, opts: MeasureOptions = {}): Promise<number> {
  return (await interleavedMedianMs([fn], opts))[0];
}

/**
 * Median ms per call for several functions whose samples are taken in turn (A, B, A, B, …), so
 * a burst of load from other processes on a shared machine hits all of them alike and the
 * ratios stay meaningful.
 */
export async function interleavedMedianMs(fns: (() => unknown)[], opts: MeasureOptions = {}): Promise<number[]> {
  const { warmup = 5, samples = 11, minSampleMs = 30 } = opts;
  for (const fn of fns) for (let i = 0; i < warmup; i++) await fn();
  const times: number[][] = fns.map(() => []);
  for (let s = 0; s < samples; s++) {
    for (let f = 0; f < fns.length; f++) times[f].push(await sampleMs(fns[f], minSampleMs));
  }
  return times.map(median);
}

/** Speed advantage of the engine over the reference (> 1 means the engine is faster). */
export function speedRatio(row: BenchRow): number | undefined {
  if (row.reference === undefined) return undefined;
  return row.higherIsBetter ? row.engine / row.reference : row.reference / row.engine;
}

/** Largest |a − b| divided by the largest |b| (relative error against a reference). */
export function relativeMaxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / Math.max(scale, 1e-12);
}
