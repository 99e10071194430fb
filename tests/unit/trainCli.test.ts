/** The `train` verb spawned as a user runs it: usage errors, bring-your-own-text with BPE, manifest provenance. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readModelDir } from '../../scripts/modelDir.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'te-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('npx', ['tsx', 'scripts/engine.ts', ...args], { cwd: ROOT, timeout: 30_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe('npm run engine -- train', () => {
  it('explains itself and rejects bad flags with exit code 2', async () => {
    const help = await cli(['train', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--resume/);
    const bad = await cli(['train', '--out', join(dir, 'x'), '--threads', '3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threads must be 1 or 2/);
    const kind = await cli(['train', '--out', join(dir, 'x'), '--positions', 'absolute']);
    expect(kind.code).toBe(2);
  });

  it('--text trains a byte-level BPE model and records its provenance', async () => {
    const text = Array.from({ length: 60 }, (_, i) => `the cat number ${i % 7} sat on the mat.\nthe dog ran after it.`).join('\n\n');
    writeFileSync(join(dir, 'my.txt'), text);
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ contextLength: 16, dModel: 16, nLayers: 1, nHeads: 2, dFF: 32 }));
    const out = join(dir, 'mine');
    const run = await cli(['train', '--out', out, '--text', join(dir, 'my.txt'), '--merges', '20', '--config', join(dir, 'cfg.json'),
      '--steps', '4', '--batch', '2', '--threads', '1', '--checkpoint-dir', join(dir, 'ck'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.vocabSize).toBe(256 + 20 + 1); // bytes + merges + <eos>
    const { manifest, tokenizer } = await readModelDir(out);
    expect(tokenizer.kind).toBe('bpe');
    expect(manifest.config.contextLength).toBe(16);
    const p = manifest.provenance as { corpus: { kind: string; documents: number }; steps: number; tokensSeen: number; parameterCount: number; startLoss: number; command: string };
    expect(p.corpus.kind).toBe('text');
    expect(p.corpus.documents).toBe(60);
    expect(p.steps).toBe(4);
    expect(p.tokensSeen).toBe(4 * 2 * 16);
    expect(p.parameterCount).toBe(manifest.parameterCount);
    expect(p.startLoss).toBeGreaterThan(0.9 * Math.log(277));
    expect(p.command).toContain('--merges 20');
    expect(readFileSync(join(dir, 'ck', 'latest.json'), 'utf8')).toContain('step-000004');
  });
});
