/** `inspect`: what a model file contains and whether it is intact. */
import { emit, parseFlags } from './args.ts';
import { loadModel } from './loadModel.ts';
import type { Verb } from './types.ts';
import { paramCount } from '../../engine/params.ts';
import { formatCount } from '../../engine/modelFile.ts';

const help = `Usage: npm run engine -- inspect --model <dir> [--json]

Loads the model (checking size, sha256 and the tensor table) and prints its configuration, parameter
count, tokenizer, checksum, training provenance and evaluation results.

  --model <dir>  model folder with manifest.json (or a name under public/models/)
  --json         machine-readable output`;

export const inspectVerb: Verb = {
  name: 'inspect',
  summary: 'show a model file: config, parameters, checksum, provenance',
  help,
  async run(argv) {
    const flags = parseFlags(argv, { model: { type: 'string', required: true } });
    if (flags.help) return (console.log(help), 0);
    const { manifest, tokenizer, model } = await loadModel(flags.model as string);
    const dtype = manifest.tensors[0]?.dtype ?? 'float32';
    const info = {
      name: manifest.name,
      formatVersion: manifest.formatVersion,
      config: manifest.config,
      parameterCount: paramCount(model.config),
      tokenizer: { kind: tokenizer.kind, vocabSize: tokenizer.vocabSize },
      weights: { ...manifest.weights, dtype, checksum: 'ok' },
      tensors: manifest.tensors.length,
      provenance: manifest.provenance,
      evals: manifest.evals,
    };
    emit(flags, info, () => {
      const c = manifest.config;
      return [
        `model       ${manifest.name} (format v${manifest.formatVersion})`,
        `config      V ${c.vocabSize} · context ${c.contextLength} · d_model ${c.dModel} · ${c.nLayers} layers · ${c.nHeads} heads · d_ff ${c.dFF} · positions ${c.positions}${c.positions === 'rotary' ? ` (base ${c.ropeBase})` : ''}`,
        `parameters  ${formatCount(info.parameterCount)}`,
        `tokenizer   ${tokenizer.kind}, ${formatCount(tokenizer.vocabSize)} tokens`,
        `weights     ${manifest.weights.file}, ${formatCount(manifest.weights.byteLength)} bytes, ${dtype}, ${info.tensors} tensors`,
        `sha256      ${manifest.weights.sha256} (verified)`,
        `provenance  ${JSON.stringify(manifest.provenance, null, 2).replace(/\n/gu, '\n            ')}`,
        `evals       ${JSON.stringify(manifest.evals, null, 2).replace(/\n/gu, '\n            ')}`,
      ].join('\n');
    });
    return 0;
  },
};
