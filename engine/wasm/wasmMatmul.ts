/**
 * Loads the hand-written SIMD matmul (engine/wasm/matmul.wat, assembled into
 * matmulWasm.generated.ts) and runs products through it. One module instance, one memory: each
 * call copies A and B into the memory, runs the kernel, and copies C out. The memory only grows,
 * so after warm-up a call allocates nothing.
 *
 * Loading is synchronous (`new WebAssembly.Module` on ~2 kB is fine in Node and in workers) and
 * never throws: where WebAssembly or SIMD is missing, or a Content-Security-Policy forbids
 * compiling, `loadWasmMatmul()` returns null and the engine keeps its TypeScript kernels.
 */
import { MATMUL_WASM_BASE64 } from './matmulWasm.generated.ts';

/** C = op(A)·op(B) into `out`; same contract as the TypeScript gemm in engine/matmul.ts. */
export type GemmKernel = (
  a: Float32Array, b: Float32Array, M: number, K: number, N: number, out: Float32Array, transA: boolean, transB: boolean,
) => Float32Array;

type GemmExport = (a: number, b: number, c: number, pa: number, pb: number, M: number, K: number, N: number, transA: number, transB: number) => void;

const PAGE_BYTES = 65536;

/** The module bytes, decoded from the base64 constant. */
export function matmulWasmBytes(): Uint8Array<ArrayBuffer> {
  const binary = atob(MATMUL_WASM_BASE64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Rounds a byte count up to a 16-byte boundary, so every region starts v128-aligned. */
function align16(bytes: number): number {
  return (bytes + 15) & ~15;
}

/** Wraps an instantiated module as a GemmKernel that manages the copies in and out. */
function kernelFromInstance(instance: WebAssembly.Instance): GemmKernel {
  const memory = instance.exports.memory as WebAssembly.Memory;
  const gemm = instance.exports.gemm as GemmExport;
  let heap = new Float32Array(memory.buffer);

  return (a, b, M, K, N, out, transA, transB) => {
    const aSize = M * K, bSize = K * N, cSize = M * N;
    const N4 = N & ~3;
    // Layout: A | B | C | packed A rows (4·K doubles) | packed B columns (K·N4 doubles)
    const aAt = 0;
    const bAt = aAt + align16(4 * aSize);
    const cAt = bAt + align16(4 * bSize);
    const paAt = cAt + align16(4 * cSize);
    const pbAt = paAt + align16(32 * K);
    const end = pbAt + 8 * K * N4;
    if (end > memory.buffer.byteLength) {
      memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE_BYTES));
    }
    if (heap.buffer !== memory.buffer) heap = new Float32Array(memory.buffer);
    heap.set(a.length === aSize ? a : a.subarray(0, aSize), aAt >> 2);
    heap.set(b.length === bSize ? b : b.subarray(0, bSize), bAt >> 2);
    gemm(aAt, bAt, cAt, paAt, pbAt, M, K, N, transA ? 1 : 0, transB ? 1 : 0);
    out.set(heap.subarray(cAt >> 2, (cAt >> 2) + cSize));
    return out;
  };
}

/** The wasm GemmKernel, or null when this runtime cannot compile or run the SIMD module. */
export function loadWasmMatmul(): GemmKernel | null {
  try {
    if (typeof WebAssembly !== 'object') return null;
    const bytes = matmulWasmBytes();
    if (!WebAssembly.validate(bytes)) return null;
    return kernelFromInstance(new WebAssembly.Instance(new WebAssembly.Module(bytes), {}));
  } catch {
    return null;
  }
}
