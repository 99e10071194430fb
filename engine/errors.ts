/** Machine-readable reasons an engine request can fail; each comes with a sentence for the learner. */
export type EngineErrorCode =
  | 'bad-input'
  | 'unknown-verb'
  | 'cancelled'
  | 'superseded'
  | 'worker-crashed'
  | 'model-not-loaded'
  | 'model-file'
  | 'internal';

/** An error the engine reports on purpose: `message` is written for a learner, `code` for code. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** Plain-object form of an error, safe to post between threads (Error instances lose their class). */
export interface SerializedError {
  code: EngineErrorCode;
  message: string;
}

/** Turns anything thrown inside the engine into a postable error; unexpected bugs keep a readable sentence. */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof EngineError) return { code: err.code, message: err.message };
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `The engine hit an unexpected problem (${detail}). Reloading the page usually fixes it.` };
}
