/** `eval-finetune`: the fine-tuning acceptance checks C-13 … C-15, run with the chapter 10 lab's presets; optionally stored. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emit, parseFlags } from './args.ts';
import { loadModel, resolveModelDir } from './loadModel.ts';
import { UsageError } from './types.ts';
import type { Verb } from './types.ts';
import { FINE_TUNE_CHECK_IDS, runFineTuneChecks } from '../../engine/eval/fineTuneSuite.ts';
import type { FineTuneCheck, FineTuneCheckId } from '../../engine/eval/fineTuneSuite.ts';

/** File beside manifest.json that holds the stored results (the manifest stays as training wrote it). */
export const FINE_TUNE_CHECKS_FILE = 'finetune-checks.json';

const help = `Usage: npm run engine -- eval-finetune --model <dir> [--only <ids>] [--write] [--json]

Fine-tunes copies of the model with the chapter 10 lab's presets and default settings (seed 1) and judges
C-13 (new capitals + velmora, with replay), C-13b (velmora alone), C-14 (question-and-answer format) and
C-15 (overfitting). The model's own files are never changed. Takes a few minutes on two cores.

  --model <dir>   model folder with manifest.json (or a name under public/models/)
  --only <ids>    comma-separated subset, e.g. C-13b,C-15
  --write         store the results in <dir>/${FINE_TUNE_CHECKS_FILE} (with the weights' sha256 they belong to)
  --json          machine-readable output`;

function parseIds(value: string | undefined): FineTuneCheckId[] {
  if (value === undefined) return [...FINE_TUNE_CHECK_IDS];
  const ids = value.split(',').map((s) => s.trim());
  for (const id of ids) {
    if (!FINE_TUNE_CHECK_IDS.includes(id as FineTuneCheckId)) throw new UsageError(`Unknown check "${id}": choose from ${FINE_TUNE_CHECK_IDS.join(', ')}.`);
  }
  return ids as FineTuneCheckId[];
}

function table(results: readonly FineTuneCheck[]): string {
  return results
    .map(({ outcome, seconds }) => `${outcome.id.padEnd(6)} ${outcome.met ? 'PASS' : 'FAIL'}  ${JSON.stringify(outcome.measured)}  (${seconds.toFixed(1)} s)\n       needs: ${outcome.threshold}`)
    .join('\n');
}

/** The verb. */
export const evalFineTuneVerb: Verb = {
  name: 'eval-finetune',
  summary: 'run the fine-tuning checks C-13 … C-15 on a model',
  help,
  async run(argv) {
    const flags = parseFlags(argv, { model: { type: 'string', required: true }, only: { type: 'string' }, write: { type: 'boolean' } });
    if (flags.help) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    const ids = parseIds(flags.only as string | undefined);
    if (flags.write && ids.length !== FINE_TUNE_CHECK_IDS.length) throw new UsageError('--write stores the whole set: leave out --only.');
    const dir = resolveModelDir(flags.model as string);
    const { model, tokenizer, manifest } = await loadModel(dir);
    let last = '';
    const results = await runFineTuneChecks({ name: manifest.name, model, tokenizer, manifest }, ids, (id, step, total) => {
      const line = `${id} step ${step}/${total}`;
      if (line !== last && process.stderr.isTTY) process.stderr.write(`\r${line}   `);
      last = line;
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const stored = {
      model: manifest.name,
      weightsSha256: manifest.weights.sha256,
      command: `npm run engine -- eval-finetune --model public/models/${manifest.name} --write`,
      checks: results.map(({ outcome, settings, seconds }) => ({ ...outcome, pass: outcome.met === true, settings, seconds: Math.round(seconds * 10) / 10 })),
    };
    if (flags.write) await writeFile(join(dir, FINE_TUNE_CHECKS_FILE), `${JSON.stringify(stored, null, 2)}\n`);
    emit(flags, stored, () => table(results));
    return results.every((r) => r.outcome.met === true) ? 0 : 1;
  },
};
