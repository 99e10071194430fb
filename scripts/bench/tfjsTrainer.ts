/**
 * The course GPT trained with TensorFlow.js autograd and its Adam optimiser, as a speed and
 * correctness reference for the training benchmark only (dev-only; engine/ never imports tfjs).
 * Written from the maths, batched [B, T]: learned positions, pre-LN blocks, GELU (tanh),
 * causal mask, tied unembedding, mean cross-entropy over all positions. Functional ops only:
 * the Node build of tfjs-core registers no chained tensor methods.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '../../engine/model.ts';
import { paramSpecs } from '../../engine/params.ts';
import type { TokenBatch } from '../../engine/train/batch.ts';
import { registerTfjsGradients } from './tfjsGradients.ts';

/**
 * One-hot rows built in JS: tf.oneHot on the wasm backend (4.22) returned wrong values in this
 * benchmark's check, while the cpu backend was right. ids: [n] -> [n, V]
 */
function oneHotRows(ids: Int32Array, V: number): tf.Tensor2D {
  const rows = new Float32Array(ids.length * V);
  ids.forEach((id, i) => (rows[i * V + id] = 1));
  return tf.tensor2d(rows, [ids.length, V]);
}

/** tfjs variables for every parameter, a loss function, and an Adam step. */
export class TfjsTrainer {
  private readonly vars = new Map<string, tf.Variable>();
  private readonly optimizer: tf.Optimizer;

  private readonly model: Model;

  constructor(model: Model, lr: number) {
    registerTfjsGradients();
    this.model = model;
    for (const { name, shape } of paramSpecs(model.config)) this.vars.set(name, tf.variable(tf.tensor(model.params[name], shape), true, name.replace(/\./gu, '_')));
    this.optimizer = tf.train.adam(lr, 0.9, 0.99, 1e-8);
  }

  private v(name: string): tf.Variable {
    return this.vars.get(name)!;
  }

  private layerNorm(x: tf.Tensor2D, prefix: string): tf.Tensor2D {
    const { mean, variance } = tf.moments(x, -1, true);
    const normed = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5)));
    return tf.add(tf.mul(normed, this.v(`${prefix}.gain`)), this.v(`${prefix}.bias`));
  }

  /** x·W + b. x: [R, dIn] -> [R, dOut] */
  private affine(x: tf.Tensor2D, w: string, b: string): tf.Tensor2D {
    return tf.add(tf.matMul(x, this.v(w) as tf.Tensor2D), this.v(b));
  }

  /** Mean cross-entropy of a batch (a scalar tensor). Functional ops only (no chained tensor methods). */
  loss(batch: TokenBatch): tf.Scalar {
    const { dModel: d, nHeads: H, vocabSize: V } = this.model.config;
    const { B, T } = batch;
    const dk = d / H;
    // Token rows as onehot(ids)·wte: the gradient of tf.gather needs UnsortedSegmentSum, which the
    // wasm backend lacks. Plus the learned position rows, broadcast over the batch. [B·T, d]
    const tokens = tf.reshape(tf.matMul(oneHotRows(batch.inputs, V), this.v('wte') as tf.Tensor2D), [B, T, d]);
    let x = tf.reshape(tf.add(tokens, tf.slice(this.v('wpe'), [0, 0], [T, d])), [B * T, d]) as tf.Tensor2D;
    const maskRows = new Float32Array(T * T);
    for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) maskRows[i * T + j] = -1e9;
    const mask = tf.tensor2d(maskRows, [T, T]);
    const heads = (t: tf.Tensor2D) => tf.transpose(tf.reshape(t, [B, T, H, dk]), [0, 2, 1, 3]) as tf.Tensor4D;
    for (let l = 0; l < this.model.config.nLayers; l++) {
      const p = (s: string) => `blocks.${l}.${s}`;
      const h = this.layerNorm(x, p('ln1'));
      const q = heads(this.affine(h, p('attn.wq'), p('attn.bq')));
      const k = heads(this.affine(h, p('attn.wk'), p('attn.bk')));
      const v = heads(this.affine(h, p('attn.wv'), p('attn.bv')));
      const weights = tf.softmax(tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dk)), mask));
      const merged = tf.reshape(tf.transpose(tf.matMul(weights, v), [0, 2, 1, 3]), [B * T, d]) as tf.Tensor2D;
      x = tf.add(x, this.affine(merged, p('attn.wo'), p('attn.bo')));
      const pre = this.affine(this.layerNorm(x, p('ln2')), p('mlp.w1'), p('mlp.b1'));
      const inner = tf.mul(tf.add(pre, tf.mul(tf.pow(pre, 3), 0.044715)), Math.sqrt(2 / Math.PI));
      const post = tf.mul(tf.mul(pre, 0.5), tf.add(tf.tanh(inner), 1)) as tf.Tensor2D;
      x = tf.add(x, this.affine(post, p('mlp.w2'), p('mlp.b2')));
    }
    const logits = tf.matMul(this.layerNorm(x, 'lnf'), this.v('wte') as tf.Tensor2D, false, true);
    // −log softmax at the target: logsumexp(z) − z_target, averaged.
    const picked = tf.sum(tf.mul(logits, oneHotRows(batch.targets, V)), 1);
    return tf.mean(tf.sub(tf.logSumExp(logits, 1), picked)) as tf.Scalar;
  }

  /** Loss and gradients of every parameter, downloaded (for checking against the engine). */
  lossAndGrads(batch: TokenBatch): { loss: number; grads: Record<string, Float32Array> } {
    const { value, grads } = tf.variableGrads(() => this.loss(batch));
    const out: Record<string, Float32Array> = {};
    for (const [name, variable] of this.vars) out[name] = grads[variable.name].dataSync() as Float32Array;
    const loss = value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
    return { loss, grads: out };
  }

  /** One Adam step; returns the loss (downloading it forces the step to finish). */
  step(batch: TokenBatch): number {
    const loss = tf.tidy(() => this.optimizer.minimize(() => this.loss(batch), true)!);
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  }

  /** Frees variables and optimiser state. */
  dispose(): void {
    this.optimizer.dispose();
    tf.dispose([...this.vars.values()]);
  }
}
