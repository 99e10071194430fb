// The course models committed under public/models: their files verify, and running the acceptance suite on
// them again reproduces exactly what their manifests record (so the model cards and lessons quote real numbers).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readModelDir } from '../../scripts/modelDir.ts';

const root = 'public/models';
const names = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, 'manifest.json'))) : [];

/** A check as the suite writes it into a manifest. */
interface RecordedCheck { id: string; pass: boolean | 'report'; measured: Record<string, unknown> }

test('the default course model is committed', () => {
  expect(names).toContain('tw-learned');
});

describe.each(names)('%s', (name) => {
  const dir = join(root, name);

  test('loads with its size and sha256 verified, within the 1.5 MB budget', async () => {
    const { manifest } = await readModelDir(dir);
    expect(manifest.weights.byteLength).toBeLessThanOrEqual(1.5e6);
    expect(manifest.name).toBe(name);
  });

  test('the acceptance suite reproduces the verdicts and numbers its manifest records', async () => {
    const { manifest } = await readModelDir(dir);
    const recorded = (manifest.evals as { checks?: RecordedCheck[] }).checks ?? [];
    expect(recorded.length).toBeGreaterThan(10);
    let out: string;
    try {
      out = execFileSync('npx', ['tsx', 'scripts/engine.ts', 'eval', '--model', dir, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // Exit code 1 only means a gating check fails; the JSON is still on stdout.
      out = (error as { stdout: string }).stdout;
    }
    const fresh = JSON.parse(out) as { checks: RecordedCheck[] };
    for (const check of recorded) {
      const again = fresh.checks.find((c) => c.id === check.id);
      expect(again, check.id).toBeDefined();
      expect(again!.pass, check.id).toEqual(check.pass);
      expect(again!.measured, check.id).toEqual(check.measured);
    }
  }, 120_000);
});
