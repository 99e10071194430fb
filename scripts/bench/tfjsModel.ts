/**
 * The same GPT written with TensorFlow.js ops, as a speed and correctness reference for the
 * benchmark only (dev-only; never imported by engine/). Written from the maths, not from the
 * engine's code: pre-LN blocks, GELU (tanh), tied unembedding, causal mask, and the four
 * position kinds. Works on whichever tfjs backend is active when it is constructed.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../../engine/config.ts';
import type { Model } from '../../engine/model.ts';

interface BlockTensors {
  ln1g: tf.Tensor1D; ln1b: tf.Tensor1D; ln2g: tf.Tensor1D; ln2b: tf.Tensor1D;
  wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D;
  bq: tf.Tensor1D; bk: tf.Tensor1D; bv: tf.Tensor1D; bo: tf.Tensor1D;
  w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D;
}

/** A tfjs incremental decoder with a key/value cache (keys/values grow by concat each step). */
export interface TfjsDecoder {
  /** Feeds one token, returns its next-token logits [V] downloaded to JS. */
  step(id: number): Float32Array;
  /** Frees the cache. */
  dispose(): void;
}

/** GPT forward in tfjs ops. */
export class TfjsGpt {
  readonly config: ModelConfig;
  private readonly wte: tf.Tensor2D;
  private readonly wpe?: tf.Tensor2D;
  private readonly lnfg: tf.Tensor1D;
  private readonly lnfb: tf.Tensor1D;
  private readonly blocks: BlockTensors[];
  private readonly dk: number;

  constructor(model: Model) {
    const { config, params } = model;
    this.config = config;
    this.dk = config.dModel / config.nHeads;
    const d = config.dModel;
    const m = (name: string, rows: number, cols: number) => tf.tensor2d(params[name], [rows, cols]);
    const v = (name: string) => tf.tensor1d(params[name]);
    this.wte = m('wte', config.vocabSize, d);
    if (config.positions === 'learned') this.wpe = m('wpe', config.contextLength, d);
    this.lnfg = v('lnf.gain');
    this.lnfb = v('lnf.bias');
    this.blocks = Array.from({ length: config.nLayers }, (_, l) => {
      const p = `blocks.${l}.`;
      return {
        ln1g: v(p + 'ln1.gain'), ln1b: v(p + 'ln1.bias'), ln2g: v(p + 'ln2.gain'), ln2b: v(p + 'ln2.bias'),
        wq: m(p + 'attn.wq', d, d), wk: m(p + 'attn.wk', d, d), wv: m(p + 'attn.wv', d, d), wo: m(p + 'attn.wo', d, d),
        bq: v(p + 'attn.bq'), bk: v(p + 'attn.bk'), bv: v(p + 'attn.bv'), bo: v(p + 'attn.bo'),
        w1: m(p + 'mlp.w1', d, config.dFF), b1: v(p + 'mlp.b1'), w2: m(p + 'mlp.w2', config.dFF, d), b2: v(p + 'mlp.b2'),
      };
    });
  }

  private layerNorm(x: tf.Tensor, g: tf.Tensor1D, b: tf.Tensor1D): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), g), b);
  }

  private gelu(x: tf.Tensor): tf.Tensor {
    const inner = tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI));
    return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
  }

  /** Additive position rows for positions start..start+T-1 (zeros for none/rotary). [T, d] */
  private positionRows(T: number, start: number): tf.Tensor2D | undefined {
    const { positions, dModel: d } = this.config;
    if (positions === 'learned') return tf.slice(this.wpe!, [start, 0], [T, d]);
    if (positions !== 'sinusoidal') return undefined;
    const table = new Float32Array(T * d);
    for (let t = 0; t < T; t++) for (let j = 0; j < d; j++) {
      const arg = (start + t) / Math.pow(10000, (2 * Math.floor(j / 2)) / d);
      table[t * d + j] = j % 2 === 0 ? Math.sin(arg) : Math.cos(arg);
    }
    return tf.tensor2d(table, [T, d]);
  }

  /** x: [T, d] -> heads [H, T, dk], rotated for positions start.. when rotary. */
  private toHeads(x: tf.Tensor, start: number, rotate: boolean): tf.Tensor3D {
    const { nHeads: H, positions, ropeBase } = this.config;
    const T = x.shape[0];
    const heads = tf.transpose(tf.reshape(x, [T, H, this.dk]), [1, 0, 2]) as tf.Tensor3D;
    if (!rotate || positions !== 'rotary') return heads;
    const P = this.dk / 2;
    const angles = new Float32Array(T * P);
    for (let t = 0; t < T; t++) for (let i = 0; i < P; i++) angles[t * P + i] = (start + t) * Math.pow(ropeBase, (-2 * i) / this.dk);
    const theta = tf.tensor2d(angles, [T, P]);
    const [cos, sin] = [tf.cos(theta), tf.sin(theta)];
    const pairs = tf.reshape(heads, [H, T, P, 2]);
    const [even, odd] = tf.unstack(pairs, 3);
    const rotated = tf.stack([tf.sub(tf.mul(even, cos), tf.mul(odd, sin)), tf.add(tf.mul(even, sin), tf.mul(odd, cos))], 3);
    return tf.reshape(rotated, [H, T, this.dk]);
  }

  /** Full forward; when `collect` is given, every intermediate tensor is pushed onto it. ids: [T] -> logits [T, V] */
  private forwardTensors(ids: readonly number[], causal: boolean, collect?: tf.Tensor[]): tf.Tensor2D {
    const d = this.config.dModel;
    const T = ids.length;
    const keep = <X extends tf.Tensor>(t: X): X => (collect?.push(t), t);
    const tok = keep(tf.gather(this.wte, tf.tensor1d(Array.from(ids), 'int32')) as tf.Tensor2D);
    const pos = this.positionRows(T, 0);
    keep(pos ?? tf.zeros([T, d]));
    let x = keep(pos ? tf.add(tok, pos) : tf.clone(tok));
    const maskRows = new Float32Array(T * T);
    for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) maskRows[i * T + j] = causal ? -Infinity : 0;
    const mask = tf.tensor2d(maskRows, [T, T]);
    for (const b of this.blocks) {
      const h = keep(this.layerNorm(x, b.ln1g, b.ln1b));
      const q = keep(this.toHeads(tf.add(tf.matMul(h, b.wq), b.bq), 0, true));
      const k = keep(this.toHeads(tf.add(tf.matMul(h, b.wk), b.bk), 0, true));
      const v = keep(this.toHeads(tf.add(tf.matMul(h, b.wv), b.bv), 0, false));
      const raw = keep(tf.matMul(q, k, false, true));
      const scaled = keep(tf.mul(raw, 1 / Math.sqrt(this.dk)));
      const masked = keep(tf.add(scaled, mask));
      const weights = keep(tf.softmax(masked));
      const headOut = keep(tf.matMul(weights, v));
      const merged = tf.reshape(tf.transpose(headOut, [1, 0, 2]), [T, d]) as tf.Tensor2D;
      const attnOut = keep(tf.add(tf.matMul(merged, b.wo), b.bo));
      x = keep(tf.add(x, attnOut));
      const h2 = keep(this.layerNorm(x, b.ln2g, b.ln2b));
      const pre = keep(tf.add(tf.matMul(h2, b.w1), b.b1));
      const post = keep(this.gelu(pre));
      const mlpOut = keep(tf.add(tf.matMul(post, b.w2), b.b2));
      x = keep(tf.add(x, mlpOut));
    }
    const final = keep(this.layerNorm(x, this.lnfg, this.lnfb));
    return keep(tf.matMul(final, this.wte, false, true));
  }

  /** Logits only. ids: [T] -> [T, V] */
  forwardLogits(ids: readonly number[], causal = true): Float32Array {
    const logits = tf.tidy(() => this.forwardTensors(ids, causal));
    const data = logits.dataSync() as Float32Array;
    logits.dispose();
    return data;
  }

  /** Forward plus every intermediate downloaded to JS arrays (the same set the engine's trace holds). */
  forwardWithTrace(ids: readonly number[], causal = true): { logits: Float32Array; trace: Float32Array[] } {
    const tensors = tf.tidy(() => {
      const collected: tf.Tensor[] = [];
      this.forwardTensors(ids, causal, collected);
      return collected;
    });
    const trace = tensors.map((t) => t.dataSync() as Float32Array);
    tf.dispose(tensors);
    return { logits: trace[trace.length - 1], trace };
  }

  /** A fresh incremental decoder (always causal). */
  createDecoder(): TfjsDecoder {
    const { dModel: d } = this.config;
    const keys: (tf.Tensor3D | undefined)[] = this.blocks.map(() => undefined);
    const values: (tf.Tensor3D | undefined)[] = this.blocks.map(() => undefined);
    let position = 0;
    const append = (cache: (tf.Tensor3D | undefined)[], l: number, fresh: tf.Tensor3D): tf.Tensor3D => {
      const old = cache[l];
      const grown = tf.keep(old ? tf.concat([old, fresh], 1) : tf.clone(fresh));
      old?.dispose();
      cache[l] = grown;
      return grown;
    };
    return {
      step: (id: number) => {
        const logits = tf.tidy(() => {
          const pos = this.positionRows(1, position);
          const tok = tf.gather(this.wte, tf.tensor1d([id], 'int32')) as tf.Tensor2D;
          let x = pos ? tf.add(tok, pos) : tok;
          this.blocks.forEach((b, l) => {
            const h = this.layerNorm(x, b.ln1g, b.ln1b);
            const q = this.toHeads(tf.add(tf.matMul(h, b.wq), b.bq), position, true);
            const k = append(keys, l, this.toHeads(tf.add(tf.matMul(h, b.wk), b.bk), position, true));
            const v = append(values, l, this.toHeads(tf.add(tf.matMul(h, b.wv), b.bv), position, false));
            const weights = tf.softmax(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(this.dk)));
            const merged = tf.reshape(tf.transpose(tf.matMul(weights, v), [1, 0, 2]), [1, d]);
            x = tf.add(x, tf.add(tf.matMul(merged, b.wo), b.bo));
            const h2 = this.layerNorm(x, b.ln2g, b.ln2b);
            x = tf.add(x, tf.add(tf.matMul(this.gelu(tf.add(tf.matMul(h2, b.w1), b.b1)), b.w2), b.b2));
          });
          return tf.matMul(this.layerNorm(x, this.lnfg, this.lnfb), this.wte, false, true);
        });
        position++;
        const data = logits.dataSync() as Float32Array;
        logits.dispose();
        return data;
      },
      dispose: () => {
        tf.dispose([...keys, ...values].filter((t): t is tf.Tensor3D => t !== undefined));
        keys.fill(undefined);
        values.fill(undefined);
        position = 0;
      },
    };
  }

  /** Frees every weight tensor. */
  dispose(): void {
    tf.dispose([this.wte, this.lnfg, this.lnfb, ...(this.wpe ? [this.wpe] : []), ...this.blocks.flatMap((b) => Object.values(b))]);
  }
}
