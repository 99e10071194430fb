// The stored fine-tuning checks (public/models/tw-learned/finetune-checks.json) belong to the committed weights,
// pass, and are reproducible: C-13b and C-14 are rerun here (the two cheapest runs) and must give the stored numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModelDir } from '../../scripts/modelDir.ts';
import { FINE_TUNE_CHECK_IDS, runFineTuneChecks } from '../../engine/eval/fineTuneSuite.ts';

const dir = 'public/models/tw-learned';
const stored = JSON.parse(readFileSync(`${dir}/finetune-checks.json`, 'utf8')) as {
  weightsSha256: string;
  checks: { id: string; pass: boolean; measured: Record<string, unknown> }[];
};
const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { weights: { sha256: string } };

describe('fine-tuning checks of tw-learned', () => {
  it('were run on the committed weights and cover C-13, C-13b, C-14 and C-15', () => {
    expect(stored.weightsSha256).toBe(manifest.weights.sha256);
    expect(stored.checks.map((c) => c.id)).toEqual([...FINE_TUNE_CHECK_IDS]);
  });

  it('all four pass at the curriculum thresholds', () => {
    expect(stored.checks.filter((c) => !c.pass).map((c) => c.id)).toEqual([]);
  });

  it('C-13b and C-14 rerun to the stored numbers and leave the base model untouched', async () => {
    const { model, tokenizer, manifest: m } = await readModelDir(dir);
    const before = Float32Array.from(model.params.wte);
    const results = await runFineTuneChecks({ name: m.name, model, tokenizer, manifest: m }, ['C-13b', 'C-14']);
    for (const result of results) {
      const recorded = stored.checks.find((c) => c.id === result.outcome.id)!;
      expect(result.outcome.measured, result.outcome.id).toEqual(recorded.measured);
      expect(result.outcome.met, result.outcome.id).toBe(true);
    }
    expect(model.params.wte).toEqual(before);
  }, 240_000);
});
