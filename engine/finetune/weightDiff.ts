// How much each weight matrix moved in a fine-tuning run: ‖ΔW‖ / ‖W‖ (Frobenius norms), per matrix per block.
// Curriculum W10.3: fine-tuning changes numbers in existing matrices; it never adds a new kind of layer.
import type { ModelConfig } from '../config.ts';
import { paramSpecs } from '../params.ts';

/** One matrix's change since the pretrained weights. */
export interface MatrixChange {
  /** The parameter's name in the model file, e.g. "blocks.2.attn.wq". */
  name: string;
  /** 0-based block index, or null for matrices outside the blocks (token and position embeddings). */
  block: number | null;
  /** The matrix's role without its block, e.g. "attn.wq" or "wte". */
  kind: string;
  /** ‖W_after − W_before‖ / ‖W_before‖. */
  relChange: number;
  /** ‖W_after − W_before‖. */
  absChange: number;
}

/**
 * Relative change of every 2-D weight (biases and layer-norm vectors are left out: the lesson is about matrices).
 * flat, base: [nParams] in paramSpecs order -> one entry per matrix, in paramSpecs order.
 */
export function matrixChanges(config: ModelConfig, flat: Float32Array, base: Float32Array): MatrixChange[] {
  const out: MatrixChange[] = [];
  let offset = 0;
  for (const spec of paramSpecs(config)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.shape.length === 2) {
      let diff2 = 0;
      let base2 = 0;
      for (let i = offset; i < offset + size; i++) {
        const d = flat[i] - base[i];
        diff2 += d * d;
        base2 += base[i] * base[i];
      }
      const match = /^blocks\.(\d+)\.(.+)$/.exec(spec.name);
      const absChange = Math.sqrt(diff2);
      out.push({
        name: spec.name,
        block: match ? Number(match[1]) : null,
        kind: match ? match[2] : spec.name,
        absChange,
        relChange: base2 > 0 ? absChange / Math.sqrt(base2) : 0,
      });
    }
    offset += size;
  }
  return out;
}

/** The matrix that changed most relative to its size (null when nothing has changed). */
export function largestChange(changes: readonly MatrixChange[]): MatrixChange | null {
  let best: MatrixChange | null = null;
  for (const c of changes) if (c.relChange > 0 && (!best || c.relChange > best.relChange)) best = c;
  return best;
}
