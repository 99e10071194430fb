// The trained course models, read from their manifests at build time (public/models/<name>/manifest.json).
import type { ModelManifest } from '../../engine/modelFile.ts';

/** What the build knows about one committed model. */
export interface CourseModel {
  name: string;
  manifest: ModelManifest;
}

/** One point of a training curve as the trainer records it in the manifest's provenance (`history`). */
export interface CurvePoint { step: number; tokensSeen?: number; trainLoss?: number; valLoss?: number }

/** What each variant is for (curriculum §2.1), shown on the cards. */
export const VARIANT_PURPOSE: Record<string, string> = {
  'tw-learned': 'The default model: learned position table. Used in chapters 1 and 3–10.',
  'tw-sin': 'Sinusoidal positions (base 10,000). Used in chapter 8.',
  'tw-rope': 'Rotary positions (RoPE, base 10,000). Used in chapters 6 and 8.',
  'tw-nope': 'No positions at all: shows how much order the causal mask alone leaks. Used in chapter 8.',
  'tw-nomask': 'Learned positions but trained without the causal mask: the "cheater" of chapter 7.',
};

const manifests = import.meta.glob<ModelManifest>('/public/models/*/manifest.json', { eager: true, import: 'default' });

/** Every committed model, default variant first, then by name. */
export function courseModels(): CourseModel[] {
  const models = Object.entries(manifests).map(([path, manifest]) => ({ name: path.split('/').at(-2)!, manifest }));
  const rank = (name: string) => (name === 'tw-learned' ? 0 : name in VARIANT_PURPOSE ? 1 : 2);
  return models.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

const fineTuneFiles = import.meta.glob<FineTuneChecksFile>('/public/models/*/finetune-checks.json', { eager: true, import: 'default' });

/** The stored results of `npm run engine -- eval-finetune --write` (C-13 … C-15). */
export interface FineTuneChecksFile {
  model: string;
  weightsSha256: string;
  command: string;
  checks: { id: string; title: string; pass: boolean; measured: Record<string, unknown>; threshold: string; seconds: number }[];
}

/** A model's fine-tuning checks, or undefined when none are stored or they were run on other weights. */
export function fineTuneChecks(model: CourseModel): FineTuneChecksFile | undefined {
  const file = fineTuneFiles[`/public/models/${model.name}/finetune-checks.json`];
  return file && file.weightsSha256 === model.manifest.weights.sha256 ? file : undefined;
}

/** The training curve stored in a manifest, if the trainer recorded one. */
export function trainingCurve(manifest: ModelManifest): CurvePoint[] {
  const curve = (manifest.provenance as { history?: unknown }).history;
  return Array.isArray(curve) ? curve.filter((p): p is CurvePoint => typeof p === 'object' && p !== null && typeof (p as CurvePoint).step === 'number') : [];
}

/** The training facts a card shows, read defensively from the trainer's provenance. */
export interface TrainingFacts {
  /** How the trained weights were re-encoded (e.g. to float16) before shipping, if they were. */
  conversion?: { command: string; dtype: string };
  /** Why this model's training seed was chosen among several runs, with each run's headline numbers. */
  seedSelection?: SeedSelection;
  command?: string; corpusSeed?: number; corpusTokens?: number; corpusSha?: string; steps?: number; tokensSeen?: number;
  startLoss?: number; finalTrainLoss?: number; finalValLoss?: number; hGen?: number; wallSeconds?: number; tokensPerSecond?: number; threads?: number;
}

/** One training run of a seed search: its seed and the numbers that decided between the runs. */
export interface SeedRun { seed: number; valLoss: number; c6: { hungry: string; delicious: string }; c6bBestMargin: number; demoHead: string | null; c9: string; c16Parsed: string }
/** A recorded seed search: the chosen training seed, the reason, and every run tried. */
export interface SeedSelection { chosen: number; why: string; runs: SeedRun[] }

function seedSelectionOf(value: unknown): SeedSelection | undefined {
  const v = value as Partial<SeedSelection> | null | undefined;
  return v && typeof v.chosen === 'number' && typeof v.why === 'string' && Array.isArray(v.runs) ? (v as SeedSelection) : undefined;
}

/** Extracts the training facts from a manifest's provenance. */
export function trainingFacts(manifest: ModelManifest): TrainingFacts {
  const p = manifest.provenance as Record<string, unknown>;
  const corpus = (typeof p.corpus === 'object' && p.corpus !== null ? p.corpus : {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const conversion = (typeof p.conversion === 'object' && p.conversion !== null ? p.conversion : undefined) as { command?: unknown; dtype?: unknown } | undefined;
  return {
    command: typeof p.command === 'string' ? p.command : undefined,
    conversion: typeof conversion?.command === 'string' ? { command: conversion.command, dtype: String(conversion.dtype ?? '') } : undefined,
    seedSelection: seedSelectionOf(p.seedSelection),
    corpusSeed: num(corpus.seed), corpusTokens: num(corpus.trainTokens), corpusSha: typeof corpus.sha256 === 'string' ? corpus.sha256 : undefined,
    steps: num(p.steps), tokensSeen: num(p.tokensSeen), startLoss: num(p.startLoss), finalTrainLoss: num(p.finalTrainLoss),
    finalValLoss: num(p.finalValLoss), hGen: num(p.hGen), wallSeconds: num(p.wallSeconds), tokensPerSecond: num(p.tokensPerSecond), threads: num(p.threads),
  };
}
