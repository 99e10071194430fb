/** `eval`: run the acceptance checks (curriculum §2.5) on a model, print the probe table, optionally store the results. */
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emit, parseFlags } from './args.ts';
import { loadModel, resolveModelDir } from './loadModel.ts';
import { UsageError } from './types.ts';
import type { Verb } from './types.ts';
import { readManifestJson, readModelDir } from '../modelDir.ts';
import { DEFAULT_DOCUMENTS, generateCorpus } from '../../engine/corpus/generator.ts';
import { DEFAULT_FIT_DOCUMENTS } from '../../engine/eval/fit.ts';
import { formatSuiteTable } from '../../engine/eval/report.ts';
import { runSuite, SUITE_CHECK_IDS, VARIANTS, variantOf } from '../../engine/eval/suite.ts';
import type { SuiteResult, Variant } from '../../engine/eval/suite.ts';
import { formatManifestJson, parseManifest } from '../../engine/modelFile.ts';

/** The corpus seed of the course models (curriculum §2.6), used when the manifest does not record one. */
export const COURSE_CORPUS_SEED = 1234;

const help = `Usage: npm run engine -- eval --model <dir> [--variant V] [--write] [--json]

Runs the acceptance checks C-1 … C-12 and C-16 on a model and prints one row per check: id, PASS / FAIL
(a check that gates this variant) or report, the measured numbers and the threshold. Exits with 1 when a
gating check fails. Which checks gate which variant follows curriculum §2.5.

  --model <dir>          model folder with manifest.json (or a name under public/models/)
  --variant <V>          ${VARIANTS.join(' | ')}; default: from the model's name, else its positions and
                         provenance.settings.causal (tw-nomask is evaluated without the mask, as it was trained)
  --reference <dir>      tw-learned's model folder, for C-16's loss ratio when evaluating tw-nomask
                         (default: the tw-learned folder next to --model, if there is one)
  --corpus-seed <n>      corpus seed for C-1's validation split (default: the manifest's
                         provenance.corpus.seed or provenance.corpusSeed, else ${COURSE_CORPUS_SEED})
  --corpus-documents <N> documents in that corpus (default: provenance.corpus.documents, else ${DEFAULT_DOCUMENTS})
  --fit-documents <N>    size of C-1's fixed validation slice (default ${DEFAULT_FIT_DOCUMENTS})
  --only <ids>           comma-separated check ids, e.g. C-2,C-7 (cannot be combined with --write)
  --write                store the results in the manifest's evals (checks, passed, demoHead, pureCluster, …);
                         other evals keys and the weights file are untouched, so the checksum stays valid
  --json                 machine-readable output`;

type Loose = Record<string, unknown>;
const at = (obj: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Loose)[key] : undefined), obj);
const firstNumber = (obj: unknown, paths: string[]): number | undefined => {
  for (const p of paths) {
    const v = at(obj, p);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
};

/** Where a manifest's provenance may record the final training loss (C-16's loss ratio). */
export const FINAL_LOSS_KEYS = ['finalTrainLoss', 'finalLoss', 'training.finalLoss', 'training.finalTrainLoss'];
/** … and the loss before training (reported by C-1). */
export const START_LOSS_KEYS = ['startLoss', 'initialLoss', 'training.startLoss', 'training.initialLoss'];

function positiveInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < 1) throw new UsageError(`--${flag} must be a whole number of at least 1.`);
  return value as number;
}

/**
 * Stores a suite result in the manifest's evals: its fields (variant, passed, gatingFailures, checks, demoHead,
 * pureCluster, seconds) replace those keys, every other key (e.g. fine-tuning results) and the weights stay as they are.
 */
export async function writeEvals(dir: string, result: SuiteResult): Promise<void> {
  const manifest = parseManifest(await readManifestJson(dir));
  manifest.evals = { ...manifest.evals, ...(result as unknown as Loose) };
  await writeFile(join(dir, 'manifest.json'), formatManifestJson(manifest));
  await readModelDir(dir); // re-validate: the manifest must still match its weights
}

export const evalVerb: Verb = {
  name: 'eval',
  summary: 'run the acceptance checks and print the probe table',
  help,
  async run(argv) {
    const flags = parseFlags(argv, {
      model: { type: 'string', required: true }, variant: { type: 'string' }, reference: { type: 'string' },
      'corpus-seed': { type: 'number' }, 'corpus-documents': { type: 'number' }, 'fit-documents': { type: 'number' },
      only: { type: 'string' }, write: { type: 'boolean' },
    });
    if (flags.help) return (console.log(help), 0);
    const only = (flags.only as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean);
    const unknownIds = only?.filter((id) => !SUITE_CHECK_IDS.includes(id)) ?? [];
    if (unknownIds.length) throw new UsageError(`Unknown check id(s) ${unknownIds.join(', ')}. Known: ${SUITE_CHECK_IDS.join(', ')}.`);
    if (only && flags.write) throw new UsageError('--write stores the full suite; run it without --only.');
    const variantFlag = flags.variant as string | undefined;
    if (variantFlag !== undefined && !VARIANTS.includes(variantFlag as Variant)) throw new UsageError(`--variant must be one of ${VARIANTS.join(', ')}.`);
    const fitDocuments = positiveInt(flags['fit-documents'], 'fit-documents') ?? DEFAULT_FIT_DOCUMENTS;

    const dir = resolveModelDir(flags.model as string);
    const { model, tokenizer, manifest } = await loadModel(dir);
    const provenance = manifest.provenance;
    const variant = (variantFlag as Variant | undefined) ?? variantOf(manifest.name, model.config.positions, at(provenance, 'causal') !== false && at(provenance, 'settings.causal') !== false);

    let validation: Parameters<typeof runSuite>[1]['validation'];
    if (!only || only.includes('C-1')) {
      const seed = (flags['corpus-seed'] as number | undefined) ?? firstNumber(provenance, ['corpus.seed', 'corpusSeed']) ?? COURSE_CORPUS_SEED;
      const documents = positiveInt(flags['corpus-documents'], 'corpus-documents') ?? firstNumber(provenance, ['corpus.documents']) ?? DEFAULT_DOCUMENTS;
      const corpus = generateCorpus({ seed, documents });
      validation = {
        documents: corpus.documents.filter((d) => d.split === 'validation').slice(0, fitDocuments),
        hGenCorpus: corpus.stats.hGen,
        startLoss: firstNumber(provenance, START_LOSS_KEYS),
      };
    }
    let cheaterLosses: { nomask: number; learned: number } | undefined;
    // Without --reference, tw-nomask is compared with the tw-learned folder beside it (public/models/tw-learned).
    const reference = (flags.reference as string | undefined) ?? (existsSync(join(dirname(dir), 'tw-learned', 'manifest.json')) ? join(dirname(dir), 'tw-learned') : undefined);
    if (variant === 'tw-nomask' && reference) {
      const own = firstNumber(provenance, FINAL_LOSS_KEYS);
      const learned = firstNumber((parseManifest(await readManifestJson(resolveModelDir(reference)))).provenance, FINAL_LOSS_KEYS);
      if (own !== undefined && learned !== undefined) cheaterLosses = { nomask: own, learned };
      else process.stderr.write(`warning: a final training loss (${FINAL_LOSS_KEYS.join(' / ')}) is missing from a manifest; C-16's loss ratio is not checked.\n`);
    }

    const result = runSuite({ model, tokenizer }, {
      variant, validation, cheaterLosses, only,
      onProgress: flags.json ? undefined : (ids) => process.stderr.write(`running ${ids.join(', ')} …\n`),
    });
    if (flags.write) await writeEvals(dir, result);
    emit(flags, result, () => `${formatSuiteTable(result)}${flags.write ? `\nwrote the results to ${join(dir, 'manifest.json')}` : ''}`);
    return result.passed ? 0 : 1;
  },
};
