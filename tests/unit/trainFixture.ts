/** Shared setup of the training tests: a small TinyWorld slice and a tiny model over the course vocabulary. */
import type { ModelConfig } from '../../engine/config.ts';
import { generateCorpus } from '../../engine/corpus/generator.ts';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import { initParams } from '../../engine/params.ts';
import { createWordTokenizer } from '../../engine/tokenizer/word.ts';
import { DEFAULT_ADAMW } from '../../engine/train/adamw.ts';
import { WindowBatches, sequentialBatches } from '../../engine/train/batches.ts';
import type { GradientComputer } from '../../engine/train/gradients.ts';
import { createLocalGradients } from '../../engine/train/gradients.ts';
import { copyIntoFlat } from '../../engine/train/grads.ts';
import { wordTokenStream } from '../../engine/train/tokenStream.ts';
import type { TrainerOptions } from '../../engine/train/trainer.ts';

let cached: { train: Int32Array; validation: Int32Array } | undefined;

/** Ids of a 300-document TinyWorld corpus (seed 1234): ≈ 9k training tokens. */
export function tinyWorldSlice(): { train: Int32Array; validation: Int32Array } {
  if (!cached) {
    const corpus = generateCorpus({ seed: 1234, documents: 300, validationFraction: 0.1 });
    const tokenizer = createWordTokenizer(courseVocabulary());
    cached = { train: wordTokenStream(corpus.trainText, tokenizer), validation: wordTokenStream(corpus.validationText, tokenizer) };
  }
  return cached;
}

/** A tiny model over the full course vocabulary. */
export function tinyTrainConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return { vocabSize: courseVocabulary().length, contextLength: 32, dModel: 32, nLayers: 2, nHeads: 2, dFF: 64, positions: 'learned', ropeBase: 10000, ...overrides };
}

/** Trainer options for a short tiny run; `gradients` defaults to a local computer with 2 shards. */
export function tinyRun(steps: number, opts: { seed?: number; lr?: number; config?: ModelConfig; gradients?: (model: { config: ModelConfig; params: Record<string, Float32Array> }) => GradientComputer } = {}): TrainerOptions {
  const config = opts.config ?? tinyTrainConfig();
  const seed = opts.seed ?? 5;
  const data = tinyWorldSlice();
  const params = copyIntoFlat(config, initParams(config, seed));
  const model = { config, params: params.tensors };
  return {
    config, params, steps,
    batches: new WindowBatches(data.train, { T: config.contextLength, B: 8, seed }),
    validation: sequentialBatches(data.validation, config.contextLength, 8, 16),
    gradients: opts.gradients ? opts.gradients(model) : createLocalGradients(model, { shards: 2 }),
    optimizer: { schedule: { peak: opts.lr ?? 3e-3, warmupSteps: Math.min(10, steps), totalSteps: steps, floor: 3e-4 }, adamw: DEFAULT_ADAMW, clipNorm: 1 },
    evalEvery: 0,
  };
}
