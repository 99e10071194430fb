/** Why a model file could not be loaded, for code to branch on. */
export type ModelFileErrorCode = 'bad-manifest' | 'size-mismatch' | 'checksum-mismatch' | 'missing-tensor' | 'shape-mismatch';

/** A model file problem; `message` is a sentence a learner can act on, `code` says which check failed. */
export class ModelFileError extends Error {
  readonly code: ModelFileErrorCode;
  constructor(code: ModelFileErrorCode, message: string) {
    super(message);
    this.name = 'ModelFileError';
    this.code = code;
  }
}

/** 918528 -> "918,528": byte counts in messages are read by people. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
