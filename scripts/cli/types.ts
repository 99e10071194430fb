/** One command of `npm run engine -- <verb>`; add a verb by writing a file like this and listing it in verbs.ts. */
export interface Verb {
  name: string;
  /** One line for the verb list. */
  summary: string;
  /** Full usage text printed by `<verb> --help`. */
  help: string;
  /** Hidden verbs work but are left out of the verb list (test helpers). */
  hidden?: boolean;
  /** Runs the verb; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** A mistake in how the command was typed (unknown flag, missing value); exits with code 2 and a hint. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
