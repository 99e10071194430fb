/** A tiny, strict flag parser: `--name value`, `--name=value`, boolean `--name`; anything unexpected is a UsageError. */
import { UsageError } from './types.ts';

/** What a verb accepts: each flag's type and whether it must be given. */
export type FlagSpec = Record<string, { type: 'string' | 'number' | 'boolean'; required?: boolean }>;

/** Parsed flag values (numbers already checked to be finite). */
export type Flags = Record<string, string | number | boolean | undefined>;

/** Parses argv against a spec; `--help`/`-h` and `--json` are always accepted as booleans. */
export function parseFlags(argv: readonly string[], spec: FlagSpec): Flags {
  const full: FlagSpec = { help: { type: 'boolean' }, json: { type: 'boolean' }, ...spec };
  const flags: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      flags.help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}". Flags look like --name value.`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const kind = full[name];
    if (!kind) throw new UsageError(`Unknown flag --${name}. Accepted: ${Object.keys(full).map((f) => `--${f}`).join(', ')}.`);
    if (kind.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} is a switch and takes no value.`);
      flags[name] = true;
      continue;
    }
    let raw: string | undefined;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else {
      raw = argv[i + 1];
      i++;
    }
    if (raw === undefined) throw new UsageError(`--${name} needs a value.`);
    if (kind.type === 'number') {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${raw}".`);
      flags[name] = value;
    } else {
      flags[name] = raw;
    }
  }
  if (!flags.help) {
    for (const [name, kind] of Object.entries(full)) {
      if (kind.required && flags[name] === undefined) throw new UsageError(`Missing --${name}.`);
    }
  }
  return flags;
}

/** Writes a result: pretty JSON with --json, otherwise the human-readable text. */
export function emit(flags: Flags, json: unknown, text: () => string): void {
  process.stdout.write(flags.json ? `${JSON.stringify(json, null, 2)}\n` : `${text()}\n`);
}
