/**
 * `npm run bench`: times the engine against references (see scripts/bench/cases.ts), prints a
 * table and writes bench-results/bench.json. Not a test: numbers depend on the machine and load.
 * Options: --only <id,id> runs a subset of cases; --out <file> changes the JSON path.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchCases } from './bench/cases.ts';
import type { ScoredRow } from './bench/report.ts';
import { benchRecord, formatTable, scoreRow } from './bench/report.ts';

function argValue(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const only = argValue('--only')?.split(',');
  const outFile = argValue('--out') ?? path.join('bench-results', 'bench.json');
  const cases = only ? benchCases.filter((c) => only.includes(c.id)) : benchCases;
  if (cases.length === 0) throw new Error(`no benchmark case matches --only ${only?.join(',')}; known: ${benchCases.map((c) => c.id).join(', ')}`);
  const checks: string[] = [];
  const rows: ScoredRow[] = [];
  for (const benchCase of cases) {
    console.log(`\n== ${benchCase.title}`);
    const log = (line: string) => {
      checks.push(line);
      console.log(`   ${line}`);
    };
    const started = performance.now();
    rows.push(...(await benchCase.run({ log })).map(scoreRow));
    console.log(`   done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${formatTable(rows)}`);
  const targets = rows.filter((r) => r.target);
  const met = targets.filter((r) => r.targetMet).length;
  console.log(`\ntargets met: ${met}/${targets.length}`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(benchRecord(rows, checks), null, 2) + '\n');
  console.log(`wrote ${outFile}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
