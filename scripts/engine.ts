/**
 * The engine's command line: `npm run engine -- <verb> [flags]` (add --silent to npm to see only the result).
 * A thin dispatcher: each verb lives in scripts/cli/<verb>.ts and is listed in scripts/cli/verbs.ts.
 * Exit codes: 0 success, 1 the command failed (e.g. a damaged model file), 2 it was typed wrong.
 */
import { VERBS } from './cli/verbs.ts';
import { UsageError } from './cli/types.ts';

function usage(): string {
  const visible = VERBS.filter((v) => !v.hidden);
  const width = Math.max(...visible.map((v) => v.name.length));
  return [
    'Usage: npm run engine -- <verb> [flags]      (npm run --silent engine -- … prints only the result)',
    '',
    'Verbs:',
    ...visible.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`),
    '',
    'Every verb accepts --help and --json.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return 0;
  }
  const verb = VERBS.find((v) => v.name === name);
  if (!verb) {
    process.stderr.write(`Unknown verb "${name}".\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await verb.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${verb.name}: ${err.message}\nRun "npm run engine -- ${verb.name} --help" for usage.\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: unknown })?.code;
    process.stderr.write(`${verb.name}: ${message}${typeof code === 'string' ? ` [${code}]` : ''}\n`);
    if (process.env.ENGINE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
