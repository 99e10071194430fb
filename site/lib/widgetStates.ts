// Every widget an exercise can wrap, by the name authors write in frontmatter (`widget: SoftmaxLab`), with its
// URL-state spec. Adding a widget to exercises: add it here and to `components/exercise/ExerciseWidget.astro`.
import { softmaxLabState } from '../../widgets/softmax/softmaxLabModel.ts';
import { nextTokenState } from '../../widgets/nextToken/nextTokenModel.ts';
import { ngramState } from '../../widgets/ngram/ngramModel.ts';
import { sinusoidWheelsState } from '../../widgets/positions/sinusoidWheelsModel.ts';
import { ropeRotatorState } from '../../widgets/positions/ropeRotatorModel.ts';
import { bpeStepperState } from '../../widgets/tokens/bpeStepperModel.ts';
import { playgroundState } from '../../widgets/tokens/playgroundModel.ts';
import { embeddingMapState } from '../../widgets/embeddings/embeddingMapModel.ts';
import { embeddingPlaneState } from '../../widgets/embeddings/embeddingPlaneModel.ts';
import { playgroundState as vectorPlaygroundState } from '../../widgets/similarity/playgroundModel.ts';
import { dimensionSpreadState } from '../../widgets/similarity/dimensionSpreadModel.ts';
import { questionnaireState } from '../../widgets/similarity/questionnaireModel.ts';
import { headViewerState } from '../../widgets/attention/model/headViewerModel.ts';
import { wordGravityState } from '../../widgets/attention/toy/wordGravityModel.ts';
import { whoPullsWhomState } from '../../widgets/attention/toy/whoPullsWhomModel.ts';
import { attentionCalculatorState } from '../../widgets/attention/toy/attentionCalculatorModel.ts';
import { samplingState } from '../../widgets/sampling/samplingModel.ts';
import { gradientStepState } from '../../widgets/finetune/math/gradientStepModel.ts';
import { descentState } from '../../widgets/finetune/math/descentModel.ts';
import { preferenceState } from '../../widgets/finetune/math/preferenceModel.ts';
import { fineTuneBenchState } from '../../widgets/finetune/lab/fineTuneBenchModel.ts';
import { weightDiffState } from '../../widgets/finetune/lab/weightDiffModel.ts';
import { parameterCounterState } from '../../widgets/block/parameterCounterModel.ts';
import { blockInspectorState } from '../../widgets/block/blockInspectorModel.ts';
import { logitLensState } from '../../widgets/block/logitLensModel.ts';
import { generationLoopState } from '../../widgets/block/generationLoopModel.ts';
import { maskPainterState } from '../../widgets/masking/maskPainterModel.ts';
import { trainVsGenerateState } from '../../widgets/masking/trainVsGenerateModel.ts';

/** Widget name → shareable state spec. */
export const widgetStates = {
  MaskPainter: maskPainterState,
  TrainVsGenerate: trainVsGenerateState,
  SoftmaxLab: softmaxLabState,
  NextTokenStepper: nextTokenState,
  NgramVsModel: ngramState,
  SinusoidWheels: sinusoidWheelsState,
  RopeRotator: ropeRotatorState,
  BpeStepper: bpeStepperState,
  TokenizerPlayground: playgroundState,
  VectorPlayground: vectorPlaygroundState,
  DimensionSpread: dimensionSpreadState,
  QuestionnaireDot: questionnaireState,
  EmbeddingMap: embeddingMapState,
  EmbeddingPlane: embeddingPlaneState,
  HeadViewer: headViewerState,
  WordGravity: wordGravityState,
  WhoPullsWhom: whoPullsWhomState,
  AttentionCalculator: attentionCalculatorState,
  ParameterCounter: parameterCounterState,
  BlockInspector: blockInspectorState,
  LogitLens: logitLensState,
  GenerationLoop: generationLoopState,
  SamplingPanel: samplingState,
  GradientStep: gradientStepState,
  Descent: descentState,
  PreferenceToy: preferenceState,
  FineTuneBench: fineTuneBenchState,
  WeightDiff: weightDiffState,
};

/** A widget name usable in an exercise's `widget` field. */
export type WidgetName = keyof typeof widgetStates;
