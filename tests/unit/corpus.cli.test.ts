// The `corpus` CLI verb: writes both splits and prints the statistics.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { corpusVerb, validationPath } from '../../scripts/cli/corpus.ts';
import { generateCorpus } from '../../engine/corpus/generator.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function capture(): () => string {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true));
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void chunks.push(`${args.join(' ')}\n`));
  return () => chunks.join('');
}

describe('corpus verb', () => {
  it('writes the train and validation splits of generateCorpus and prints sizes, V and H_gen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
    dirs.push(dir);
    const out = join(dir, 'corpus.txt');
    const output = capture();
    const code = await corpusVerb.run(['--seed', '1234', '--documents', '500', '--out', out, '--stats']);
    expect(code).toBe(0);
    const expected = generateCorpus({ seed: 1234, documents: 500 });
    expect(readFileSync(out, 'utf8')).toBe(expected.trainText);
    expect(readFileSync(validationPath(out), 'utf8')).toBe(expected.validationText);
    const text = output();
    expect(text).toContain('documents 500 (train 490, validation 10)');
    expect(text).toContain('V 400');
    expect(text).toMatch(/H_gen \d\.\d{4} nats\/token/);
    expect(text).toContain('F12 filler');
    expect(text).toContain('apple as fruit (F1)');
    expect(text).toMatch(/france +\d+/);
  });

  it('prints JSON statistics with --json and rejects a bad --documents value', async () => {
    const output = capture();
    expect(await corpusVerb.run(['--seed', '3', '--documents', '200', '--json'])).toBe(0);
    const parsed = JSON.parse(output());
    expect(parsed.stats.documents).toBe(200);
    expect(parsed.files).toEqual([]);
    await expect(corpusVerb.run(['--seed', '3', '--documents', '0'])).rejects.toThrow(/--documents/);
    await expect(corpusVerb.run(['--documents', '10'])).rejects.toThrow(/--seed/);
  });
});
