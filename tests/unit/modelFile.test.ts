import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decodeModelFile, encodeModelFile, formatManifestJson, fromFloat16Bits, ModelFileError, parseManifest, sha256Hex, toFloat16Bits } from '../../engine/modelFile.ts';
import type { ModelManifest } from '../../engine/modelFile.ts';
import type { ModelConfig } from '../../engine/config.ts';
import { courseConfig } from '../../engine/config.ts';
import { initParams } from '../../engine/params.ts';
import { createWordTokenizer } from '../../engine/tokenizer/word.ts';
import { trainBpe } from '../../engine/tokenizer/bpeTrain.ts';

const VOCAB = ['<pad>', '<unk>', '<eos>', '<user>', '<bot>', '.', ',', '?', '!', ':', 'the', 'cat', 'sat', 'on', 'mat', 'a'];
const CONFIG: ModelConfig = { vocabSize: VOCAB.length, contextLength: 8, dModel: 8, nLayers: 2, nHeads: 2, dFF: 16, positions: 'learned', ropeBase: 10000 };
const tokenizer = createWordTokenizer(VOCAB);
const model = { config: CONFIG, params: initParams(CONFIG, 1) };
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

async function expectModelFileError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ModelFileError);
  expect((err as ModelFileError).code).toBe(code);
  expect((err as Error).message).toMatch(message);
}

describe('encodeModelFile / decodeModelFile', () => {
  it('round-trips fp32 weights exactly, with config, tokenizer and metadata', async () => {
    const { manifest, weights } = encodeModelFile(model, tokenizer, { name: 'tiny', provenance: { command: 'test', steps: 3 }, evals: { loss: 1.5 } });
    const loaded = await decodeModelFile(clone(manifest), weights);
    expect(loaded.model.config).toEqual(CONFIG);
    for (const [name, values] of Object.entries(model.params)) expect(Array.from(loaded.model.params[name])).toEqual(Array.from(values));
    expect(loaded.tokenizer.encode('the cat sat').ids).toEqual(tokenizer.encode('the cat sat').ids);
    expect(loaded.manifest.provenance).toEqual({ command: 'test', steps: 3 });
    expect(loaded.manifest.evals).toEqual({ loss: 1.5 });
  });

  it('writes a little-endian fp32 file whose table, size and sha256 agree with an independent reading', () => {
    const { manifest, weights } = encodeModelFile(model, tokenizer, { name: 'tiny' });
    const total = Object.values(model.params).reduce((s, p) => s + p.length, 0);
    expect(weights.byteLength).toBe(total * 4);
    expect(manifest.weights.byteLength).toBe(total * 4);
    expect(manifest.parameterCount).toBe(total);
    expect(manifest.weights.sha256).toBe(createHash('sha256').update(weights).digest('hex'));
    const wte = manifest.tensors.find((t) => t.name === 'wte')!;
    expect(wte.shape).toEqual([VOCAB.length, 8]);
    expect(Buffer.from(weights).readFloatLE(wte.byteOffset + 4 * 5)).toBe(model.params.wte[5]);
  });

  it('round-trips fp16 at half the size within fp16 precision', async () => {
    const { manifest, weights } = encodeModelFile(model, tokenizer, { name: 'tiny16', dtype: 'float16' });
    const fp32Size = encodeModelFile(model, tokenizer, { name: 'x' }).weights.byteLength;
    expect(weights.byteLength).toBe(fp32Size / 2);
    const loaded = await decodeModelFile(manifest, weights);
    for (const [name, values] of Object.entries(model.params)) {
      values.forEach((v, i) => expect(Math.abs(loaded.model.params[name][i] - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 2 ** -25));
    }
  });

  it('stores a BPE tokenizer as merges and rebuilds it', async () => {
    const { tokenizer: bpe } = trainBpe('the cat sat on the mat. the cat.', 6);
    const cfg = { ...CONFIG, vocabSize: bpe.vocabSize, positions: 'rotary' as const };
    const { manifest, weights } = encodeModelFile({ config: cfg, params: initParams(cfg, 2) }, bpe, { name: 'bpe' });
    expect(manifest.tokenizer.kind).toBe('bpe');
    const loaded = await decodeModelFile(manifest, weights);
    expect(loaded.tokenizer.encode('the mat<eos>').ids).toEqual(bpe.encode('the mat<eos>').ids);
  });

  it('counts 229,760 parameters (918,… bytes in fp32) for the course shape with V = 400', () => {
    const cfg = courseConfig(400, 'learned');
    const vocab = ['<pad>', '<unk>', ...Array.from({ length: 398 }, (_, i) => `w${i}`)];
    const { manifest, weights } = encodeModelFile({ config: cfg, params: initParams(cfg, 3) }, createWordTokenizer(vocab), { name: 'course' });
    expect(manifest.parameterCount).toBe(229_760);
    expect(weights.byteLength).toBe(229_760 * 4);
  });

  it('refuses to encode when tokenizer and config disagree on the vocabulary size', () => {
    expect(() => encodeModelFile({ config: { ...CONFIG, vocabSize: 99 }, params: model.params }, tokenizer, { name: 'x' })).toThrow(/vocabSize/);
  });
});

describe('decodeModelFile rejects damaged files with an actionable ModelFileError', () => {
  const { manifest, weights } = encodeModelFile(model, tokenizer, { name: 'tiny' });

  it('a flipped byte → checksum-mismatch', async () => {
    const damaged = weights.slice();
    damaged[100] ^= 0x01;
    await expectModelFileError(decodeModelFile(manifest, damaged), 'checksum-mismatch', /damaged.*Reload the page/);
  });

  it('a truncated file → size-mismatch naming both sizes', async () => {
    const short = weights.slice(0, 1000);
    const expected = weights.byteLength.toLocaleString('en-US');
    await expectModelFileError(decodeModelFile(manifest, short), 'size-mismatch', new RegExp(`incomplete \\(expected ${expected} bytes, got 1,000\\)\\. Reload the page`));
  });

  it('extra bytes → size-mismatch', async () => {
    const long = new Uint8Array(weights.byteLength + 4);
    long.set(weights);
    await expectModelFileError(decodeModelFile(manifest, long), 'size-mismatch', /larger/);
  });

  it.each([
    ['not an object', () => 'hello'],
    ['wrong format version', () => ({ ...clone(manifest), formatVersion: 99 })],
    ['missing config field', () => { const m = clone(manifest) as unknown as { config: Record<string, unknown> }; delete m.config.dModel; return m; }],
    ['bad position kind', () => { const m = clone(manifest); (m.config as { positions: string }).positions = 'spiral'; return m; }],
    ['bad checksum text', () => ({ ...clone(manifest), weights: { ...manifest.weights, sha256: 'xyz' } })],
    ['tensors not a list', () => ({ ...clone(manifest), tensors: {} })],
    ['unknown tokenizer kind', () => ({ ...clone(manifest), tokenizer: { kind: 'char' } })],
  ])('malformed manifest (%s) → bad-manifest', async (_name, make) => {
    await expectModelFileError(decodeModelFile(make(), weights), 'bad-manifest', /manifest is not valid/);
  });

  it('a tensor missing from the table → missing-tensor', async () => {
    const m: ModelManifest = clone(manifest);
    m.tensors = m.tensors.filter((t) => t.name !== 'blocks.1.mlp.w2');
    await expectModelFileError(decodeModelFile(m, weights), 'missing-tensor', /"blocks\.1\.mlp\.w2"/);
  });

  it('a tensor with the wrong shape → shape-mismatch', async () => {
    const m: ModelManifest = clone(manifest);
    m.tensors.find((t) => t.name === 'wte')!.shape = [8, VOCAB.length];
    await expectModelFileError(decodeModelFile(m, weights), 'shape-mismatch', /\[8, 16\].*\[16, 8\]/);
  });

  it('a tokenizer whose size disagrees with the config → bad-manifest', async () => {
    const m: ModelManifest = clone(manifest);
    m.tokenizer = { kind: 'word', vocabulary: ['<pad>', '<unk>', 'x'] };
    await expectModelFileError(decodeModelFile(m, weights), 'bad-manifest', /tokenizer has 3 tokens/);
  });
});

describe('manifest JSON, sha256 and fp16 helpers', () => {
  it('formatManifestJson is valid JSON that parses back to the same manifest, with short lists on one line', () => {
    const { manifest } = encodeModelFile(model, tokenizer, { name: 'tiny' });
    const text = formatManifestJson(manifest);
    expect(parseManifest(JSON.parse(text))).toEqual(manifest);
    expect(text).toContain('"shape": [16, 8]');
  });

  it('sha256Hex matches node:crypto on the standard test vectors and odd lengths', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const n of [55, 56, 63, 64, 65, 1000, 100_003]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
      expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('fp16 conversion agrees with Math.f16round on edge cases and random floats', () => {
    const f16round = (Math as unknown as { f16round: (x: number) => number }).f16round;
    const cases = [0, -0, 1, -2.5, 65504, 65520, 1e6, -1e6, 6.1e-5, 5.96e-8, 2.98e-8, 1e-9, 0.1, 1 / 3, Infinity, -Infinity];
    for (const x of cases) expect(Object.is(fromFloat16Bits(toFloat16Bits(x)), f16round(x))).toBe(true);
    expect(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN)))).toBe(true);
    const f32 = new Float32Array(1);
    const u32 = new Uint32Array(f32.buffer);
    let seed = 12345;
    for (let i = 0; i < 20_000; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      u32[0] = seed;
      const x = f32[0];
      if (!Number.isNaN(x)) expect(Object.is(fromFloat16Bits(toFloat16Bits(x)), f16round(x))).toBe(true);
    }
  });

  it('every one of the 65,536 fp16 patterns decodes and re-encodes to itself (NaNs stay NaN)', () => {
    for (let bits = 0; bits < 65536; bits++) {
      const value = fromFloat16Bits(bits);
      if (Number.isNaN(value)) expect((bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0).toBe(true);
      else expect(toFloat16Bits(value)).toBe(bits);
    }
  });
});
