/**
 * The benchmark cases, run in this order by `npm run bench`. To add a row (e.g. "training
 * tokens/s" or "worker round-trip"), write `scripts/bench/<name>Case.ts` exporting a BenchCase
 * (see harness.ts: return BenchRows with an optional target) and append it here.
 */
import type { BenchCase } from './harness.ts';
import { decodeCase } from './decodeCase.ts';
import { forwardCase } from './forwardCase.ts';
import { latencyCase } from './latency.ts';
import { matmulCase } from './matmulCase.ts';
import { roundTripCase } from './roundTripCase.ts';
import { trainCase } from './trainCase.ts';
import { wasmBackendCase } from './wasmBackendCase.ts';

/** All registered cases; `npm run bench -- --only forward,decode` runs a subset by id. */
export const benchCases: BenchCase[] = [forwardCase, decodeCase, matmulCase, roundTripCase, trainCase, wasmBackendCase, latencyCase];
