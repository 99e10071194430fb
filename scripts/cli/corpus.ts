/** `corpus`: generate the TinyWorld corpus for a seed, write its splits, and print its statistics. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { emit, parseFlags } from './args.ts';
import { UsageError } from './types.ts';
import type { Verb } from './types.ts';
import { corpusHash } from '../../engine/corpus/corpusHash.ts';
import { DEFAULT_DOCUMENTS, generateCorpus } from '../../engine/corpus/generator.ts';
import type { CorpusStats } from '../../engine/corpus/corpusStats.ts';
import { FAMILY_NAMES, FAMILY_SHARES } from '../../engine/corpus/templates.ts';
import type { FamilyId } from '../../engine/corpus/templateModel.ts';

const help = `Usage: npm run engine -- corpus --seed <n> [--out corpus.txt] [--documents N] [--stats] [--json]

Generates the TinyWorld corpus (curriculum §2.3): one document per line, tokens separated by spaces,
each document ending in <eos>. The same seed always gives the same bytes.

  --seed <n>         corpus seed (the course models use 1234)
  --out <file>       write the training split here and the validation split (2 % of documents)
                     beside it as <file minus .txt>.validation.txt
  --documents <N>    number of documents (default ${DEFAULT_DOCUMENTS}, ≈ 1.1 M tokens)
  --stats            print every statistic (family shares, apple senses, per-capital counts)
  --json             machine-readable statistics`;

/** Where the validation split goes for a given --out path. */
export function validationPath(out: string): string {
  return out.endsWith('.txt') ? `${out.slice(0, -4)}.validation.txt` : `${out}.validation`;
}

const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;

/** The human-readable statistics; `full` adds the per-family, apple and capital tables. */
export function formatStats(stats: CorpusStats, seconds: number, full: boolean): string {
  const lines = [
    `documents ${stats.documents} (train ${stats.trainDocuments}, validation ${stats.validationDocuments})`,
    `sentences ${stats.sentences}`,
    `tokens ${stats.tokens} (train ${stats.trainTokens}, validation ${stats.validationTokens})`,
    `V ${stats.vocabularySize}`,
    `H_gen ${stats.hGen.toFixed(4)} nats/token (train ${stats.hGenTrain.toFixed(4)}, validation ${stats.hGenValidation.toFixed(4)})`,
    `generated in ${seconds.toFixed(2)} s`,
  ];
  if (!full) return lines.join('\n');
  lines.push('', 'family shares (spec → measured):');
  for (const f of Object.keys(FAMILY_SHARES) as FamilyId[]) {
    lines.push(`  ${f.padEnd(3)} ${FAMILY_NAMES[f].padEnd(18)} ${pct(FAMILY_SHARES[f]).padStart(8)} → ${pct(stats.familyShares[f] ?? 0).padStart(8)}  (${stats.familyCounts[f] ?? 0})`);
  }
  lines.push(
    '',
    `apple as fruit (F1) ${stats.appleFruitSentences} sentences, ${pct(stats.appleShareF1)} of F1`,
    `apple as company (F2) ${stats.appleCompanySentences} sentences, ${pct(stats.appleShareF2)} of F2`,
    `sense cue before "apple" ${pct(stats.appleCueBeforeShare)}`,
    `"the capital of … is … ." ${stats.capitalFactSentences} times, ends its document ${pct(stats.capitalFactEndsDocumentShare)}`,
    '',
    'capital sentences per country:',
    ...Object.entries(stats.capitalSentences)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([country, count]) => `  ${country.padEnd(10)} ${count}`),
  );
  return lines.join('\n');
}

/** The `corpus` verb: generate, write and describe the TinyWorld corpus. */
export const corpusVerb: Verb = {
  name: 'corpus',
  summary: 'generate the TinyWorld corpus and print its statistics',
  help,
  async run(argv) {
    const flags = parseFlags(argv, {
      seed: { type: 'number', required: true },
      out: { type: 'string' },
      documents: { type: 'number' },
      stats: { type: 'boolean' },
    });
    if (flags.help) return (console.log(help), 0);
    if (!Number.isInteger(flags.seed)) throw new UsageError('--seed must be an integer.');
    if (flags.documents !== undefined && !(Number.isInteger(flags.documents) && (flags.documents as number) >= 1)) {
      throw new UsageError('--documents must be a whole number of at least 1.');
    }
    const started = performance.now();
    const corpus = generateCorpus({ seed: flags.seed as number, documents: flags.documents as number | undefined });
    const seconds = (performance.now() - started) / 1000;
    const hash = await corpusHash(corpus);
    const out = flags.out as string | undefined;
    if (out) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, corpus.trainText);
      writeFileSync(validationPath(out), corpus.validationText);
    }
    emit(flags, { seed: corpus.seed, sha256: hash, seconds, files: out ? [out, validationPath(out)] : [], stats: corpus.stats }, () =>
      [
        formatStats(corpus.stats, seconds, Boolean(flags.stats)),
        `sha256 ${hash} (seed ${corpus.seed})`,
        ...(out ? [`wrote ${out} and ${validationPath(out)}`] : []),
      ].join('\n'),
    );
    return 0;
  },
};
