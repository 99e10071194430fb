/** The one model and input every benchmark case uses: course config, V = 400, random weights. */
import { courseConfig } from '../../engine/config.ts';
import type { Model } from '../../engine/model.ts';
import { initParams } from '../../engine/params.ts';
import { createRng } from '../../engine/rng.ts';

/** Seed for the benchmark weights and ids (fixed so runs are comparable). */
export const BENCH_SEED = 20240601;

let cached: { model: Model; ids: number[] } | undefined;

/** Course-size model (learned positions) with seeded GPT-2 init, and 64 random token ids. */
export function benchFixture(): { model: Model; ids: number[] } {
  if (!cached) {
    const config = courseConfig(400, 'learned');
    const model = { config, params: initParams(config, BENCH_SEED) };
    const rng = createRng(BENCH_SEED + 1);
    const ids = Array.from({ length: config.contextLength }, () => Math.floor(rng() * config.vocabSize));
    cached = { model, ids };
  }
  return cached;
}
