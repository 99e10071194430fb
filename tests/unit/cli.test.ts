import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModelDir } from '../../scripts/modelDir.ts';
import { forward } from '../../engine/model.ts';
import { paramCount } from '../../engine/params.ts';
import { VERBS } from '../../scripts/cli/verbs.ts';
import { parseFlags } from '../../scripts/cli/args.ts';
import { UsageError } from '../../scripts/cli/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Run { code: number; stdout: string; stderr: string }

/** Spawns the real CLI exactly as a user would (npx tsx scripts/engine.ts …) from the repository root. */
function cli(args: string[], command = 'npx', prefix = ['tsx', 'scripts/engine.ts']): Promise<Run> {
  return new Promise((done) => {
    execFile(command, [...prefix, ...args], { cwd: ROOT, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Independent softmax in float64 for checking the CLI's probabilities. */
function softmax(row: ArrayLike<number>): number[] {
  const values = Array.from(row);
  const max = Math.max(...values);
  const e = values.map((z) => Math.exp(z - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

let dir: string;
let modelDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'engine-cli-'));
  modelDir = join(dir, 'model');
  const made = await cli(['make-test-model', '--out', modelDir, '--seed', '7', '--json']);
  expect(made.code, made.stderr).toBe(0);
  expect(JSON.parse(made.stdout).parameterCount).toBeGreaterThan(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('engine CLI', () => {
  it('lists the user verbs (not the hidden test helper); every verb has help text and answers --help', async () => {
    const [list, help] = await Promise.all([cli(['--help']), cli(['generate', '--help'])]);
    expect(list.code).toBe(0);
    for (const verb of ['tokenize', 'logits', 'generate', 'inspect']) expect(list.stdout).toContain(verb);
    expect(list.stdout).not.toContain('make-test-model');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run engine -- generate --model <dir>/);
    expect(help.stdout).toContain('--top-p');
    for (const verb of VERBS) {
      expect(verb.help).toMatch(new RegExp(`^Usage: npm run engine -- ${verb.name} `));
      expect(verb.summary.length).toBeGreaterThan(0);
    }
  });

  it('parses flags strictly: unknown flags, missing values and non-numbers are usage errors', () => {
    const spec = { model: { type: 'string' as const, required: true }, top: { type: 'number' as const } };
    expect(parseFlags(['--model', 'm', '--top=3', '--json'], spec)).toEqual({ model: 'm', top: 3, json: true });
    expect(() => parseFlags(['--model', 'm', '--top', 'many'], spec)).toThrow(UsageError);
    expect(() => parseFlags(['--model', 'm', '--colour', 'red'], spec)).toThrow(/Unknown flag --colour/);
    expect(() => parseFlags(['--top', '3'], spec)).toThrow(/Missing --model/);
    expect(() => parseFlags(['--model'], spec)).toThrow(/needs a value/);
  });

  it('tokenize --json gives the ids the model tokenizer gives, and reports unknown words', async () => {
    const prompt = 'The cat ate an Avocado.';
    const run = await cli(['tokenize', '--model', modelDir, '--prompt', prompt, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const { tokenizer } = await readModelDir(modelDir);
    expect(out.ids).toEqual(tokenizer.encode(prompt).ids);
    expect(out.tokens.map((t: { source: string }) => t.source)).toEqual(['The', 'cat', 'ate', 'an', 'Avocado', '.']);
    expect(out.unknown).toEqual([{ word: 'Avocado', start: 15, end: 22 }]);
    expect(run.stderr).toMatch(/"Avocado".*<unk>/);
  });

  it('logits --json lists the top N final-position probabilities of the real forward pass', async () => {
    const run = await cli(['logits', '--model', modelDir, '--prompt', 'the king saw a', '--top', '3', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const { model, tokenizer } = await readModelDir(modelDir);
    const ids = tokenizer.encode('the king saw a').ids;
    const V = model.config.vocabSize;
    const last = forward(model, ids).logits.slice((ids.length - 1) * V);
    const probs = softmax(last);
    const expected = probs.map((p, id) => ({ p, id })).sort((a, b) => b.p - a.p).slice(0, 3);
    expect(out.top.map((r: { id: number }) => r.id)).toEqual(expected.map((e) => e.id));
    out.top.forEach((r: { prob: number }, i: number) => expect(r.prob).toBeCloseTo(expected[i].p, 6));
  });

  it('generate --temperature 0 is greedy: matches an argmax loop over forward()', async () => {
    const run = await cli(['generate', '--model', modelDir, '--prompt', 'the queen', '--temperature', '0', '--max-tokens', '6', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const { model, tokenizer } = await readModelDir(modelDir);
    const eos = tokenizer.idOf('<eos>');
    const context = tokenizer.encode('the queen').ids;
    const expected: number[] = [];
    for (let i = 0; i < 6; i++) {
      const V = model.config.vocabSize;
      const row = Array.from(forward(model, context).logits.slice((context.length - 1) * V));
      const next = row.indexOf(Math.max(...row));
      expected.push(next);
      context.push(next);
      if (next === eos) break;
    }
    expect(out.ids).toEqual(expected);
    expect(out.stoppedBy).toBe(expected.at(-1) === eos ? 'stop-token' : 'max-tokens');
  });

  it('generate with a seed is reproducible, and sampling settings are honoured', async () => {
    const args = ['generate', '--model', modelDir, '--prompt', 'i bought', '--temperature', '1.5', '--top-k', '3', '--max-tokens', '12', '--seed', '5', '--json'];
    const [a, b] = await Promise.all([cli(args), cli(args)]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout);
    for (const step of out.steps) expect(step.kept).toBeLessThanOrEqual(3);
    const eosSteps = out.ids.filter((id: number) => id === 2).length;
    // Generation stops at <eos>: it can only be the last token.
    expect(eosSteps === 0 || out.ids.at(-1) === 2).toBe(true);
  });

  it('inspect --json reports config, parameter count and the verified sha256 of weights.bin', async () => {
    const run = await cli(['inspect', '--model', modelDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.parameterCount).toBe(paramCount(out.config));
    expect(out.weights.sha256).toBe(createHash('sha256').update(readFileSync(join(modelDir, 'weights.bin'))).digest('hex'));
    expect(out.provenance.seed).toBe(7);
  });

  it('convert --dtype float16 halves weights.bin, keeps the provenance and changes probabilities by < 1e-3', async () => {
    const out = join(dir, 'half');
    const run = await cli(['convert', '--model', modelDir, '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const full = await readModelDir(modelDir);
    const half = await readModelDir(out);
    expect(half.manifest.weights.byteLength).toBe(full.manifest.weights.byteLength / 2);
    expect(half.manifest.tensors.every((t) => t.dtype === 'float16')).toBe(true);
    const conversion = half.manifest.provenance.conversion as { dtype: string; fromSha256: string };
    expect(conversion).toMatchObject({ dtype: 'float16', fromSha256: full.manifest.weights.sha256 });
    const ids = full.tokenizer.encode('the king saw a').ids;
    const V = full.model.config.vocabSize;
    const p32 = softmax(forward(full.model, ids).logits.slice((ids.length - 1) * V));
    const p16 = softmax(forward(half.model, ids).logits.slice((ids.length - 1) * V));
    expect(Math.max(...p32.map((p, i) => Math.abs(p - p16[i])))).toBeLessThan(1e-3);
    const bad = await cli(['convert', '--model', modelDir, '--out', out, '--dtype', 'int4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--dtype must be one of float16, float32/);
  });

  it('fails with a clear message and non-zero exit on a damaged model, a bad flag and an unknown verb', async () => {
    const broken = join(dir, 'broken');
    cpSync(modelDir, broken, { recursive: true });
    const weights = readFileSync(join(broken, 'weights.bin'));
    weights[10] ^= 0xff;
    writeFileSync(join(broken, 'weights.bin'), weights);
    const [damaged, badFlag, unknownVerb] = await Promise.all([
      cli(['inspect', '--model', broken]),
      cli(['logits', '--model', modelDir, '--prompt', 'the', '--top', 'many']),
      cli(['dance']),
    ]);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toBe('');
    expect(damaged.stderr).toMatch(/checksum does not match.*\[checksum-mismatch\]/);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--top must be a number/);
    expect(unknownVerb.code).toBe(2);
    expect(unknownVerb.stderr).toMatch(/Unknown verb "dance"/);
  });

  it('npm run --silent engine prints only the result', async () => {
    const run = await cli(['run', '--silent', 'engine', '--', 'tokenize', '--model', modelDir, '--prompt', 'the cat', '--json'], 'npm', []);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).ids).toEqual([10, 28]);
  });
});
