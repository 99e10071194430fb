/** `convert`: re-encode a model's weights at another precision (fp16 halves what a learner downloads). */
import { emit, parseFlags } from './args.ts';
import { loadModel } from './loadModel.ts';
import { UsageError } from './types.ts';
import type { Verb } from './types.ts';
import { writeModelDir } from '../modelDir.ts';
import { formatCount } from '../../engine/modelFile.ts';
import type { WeightDtype } from '../../engine/modelFile/manifest.ts';

const DTYPES: readonly WeightDtype[] = ['float16', 'float32'];

const help = `Usage: npm run engine -- convert --model <dir> --out <dir> [--dtype float16|float32] [--json]

Rewrites a model's weights at another precision, keeping its config, tokenizer and training provenance,
and records the conversion (this command line and the source checksum) in the manifest. Evaluation
results are dropped, because rounding the weights changes them: run "eval --write" on the result.

  --model <dir>  model folder with manifest.json (or a name under public/models/)
  --out <dir>    folder to write (may be the same as --model)
  --dtype <T>    ${DTYPES.join(' | ')} (default float16)
  --json         machine-readable output`;

const FLAGS = { model: { type: 'string', required: true }, out: { type: 'string', required: true }, dtype: { type: 'string' } } as const;

/** The `convert` verb (listed in verbs.ts). */
export const convertVerb: Verb = {
  name: 'convert',
  summary: 'rewrite a model file at another precision (float16 or float32)',
  help,
  async run(argv) {
    const flags = parseFlags(argv, FLAGS);
    if (flags.help) return (console.log(help), 0);
    const dtype = ((flags.dtype as string | undefined) ?? 'float16') as WeightDtype;
    if (!DTYPES.includes(dtype)) throw new UsageError(`--dtype must be one of ${DTYPES.join(', ')}, got "${String(flags.dtype)}".`);
    const { model, tokenizer, manifest } = await loadModel(flags.model as string);
    const command = ['npm run engine -- convert', ...argv].join(' ');
    const provenance = { ...manifest.provenance, conversion: { dtype, command, fromSha256: manifest.weights.sha256, fromByteLength: manifest.weights.byteLength } };
    const written = await writeModelDir(flags.out as string, model, tokenizer, { name: manifest.name, dtype, provenance });
    emit(flags, { out: flags.out, dtype, byteLength: written.weights.byteLength, sha256: written.weights.sha256 }, () =>
      `wrote ${String(flags.out)}: ${dtype}, ${formatCount(manifest.weights.byteLength)} → ${formatCount(written.weights.byteLength)} bytes; run "npm run engine -- eval --model ${String(flags.out)} --write" next`);
    return 0;
  },
};
