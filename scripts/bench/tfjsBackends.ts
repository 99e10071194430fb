/**
 * Loads TensorFlow.js backends for the benchmark (dev-only: engine/ never imports tfjs).
 * The wasm backend's .wasm binaries are read from node_modules by file path: no network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** Backends compared against the engine. */
export type TfjsBackendName = 'wasm' | 'cpu';

let wasmPathsSet = false;

/** Switches tfjs to a backend and returns a one-line description of it (for the report). */
export async function useTfjsBackend(name: TfjsBackendName): Promise<string> {
  if (name === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
    setWasmPaths(dist);
    wasmPathsSet = true;
  }
  const ok = await tf.setBackend(name);
  if (!ok || tf.getBackend() !== name) throw new Error(`tfjs backend "${name}" failed to initialise`);
  await tf.ready();
  if (name === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    return `tfjs-wasm ${tf.version_core} (SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'})`;
  }
  return `tfjs-cpu ${tf.version_core} (plain JS kernels)`;
}
