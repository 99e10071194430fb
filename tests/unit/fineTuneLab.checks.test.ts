// The lab's pure parts: settings → engine settings, bad input sentences, probe summaries, the held-out minimum,
// speed/ETA, the WeightDiff view and the four exercise checks (false at their start, true when solved).
import { describe, expect, it } from 'vitest';
import { fineTuneLabChecks } from '../../lessons/checks/fineTuneLab.ts';
import { exerciseChecks } from '../../lessons/checks/index.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import {
  DEFAULT_FINE_TUNE_BENCH, argminHeldOut, customSentences, engineSettings, fineTuneBenchState, formatSeconds, presetSettings,
  probeSummary, settingsProblem, speed, type FineTuneBenchView, type RunSummary,
} from '../../widgets/finetune/lab/fineTuneBenchModel.ts';
import { answerMatches, heatmapGrid, matrixLabel, weightDiffView } from '../../widgets/finetune/lab/weightDiffModel.ts';
import type { ProbeReading } from '../../engine/finetune/probes.ts';
import type { MatrixChange } from '../../engine/finetune/weightDiff.ts';
import { KNOWN_CAPITAL_PROBES } from '../../engine/finetune/presets.ts';

const reading = (prompt: string, target: string, prob: number, top1: boolean): ProbeReading => ({ prompt, target, prob, top1, topToken: top1 ? target : 'x' });
/** 24 known-capital readings with the first `right` of them answered. */
const known = (right: number) => KNOWN_CAPITAL_PROBES.map((p, i) => reading(p.prompt, p.target, i < right ? 0.9 : 0.01, i < right));
const view = (over: Partial<FineTuneBenchView> = {}): FineTuneBenchView => ({
  status: 'idle', step: 0, runs: [], argminValStep: null,
  probe: { target: 0.0001, newCorrect: 0, probesCorrect: 0, probesTotal: 2, knownCapitalsCorrect: 24, knownCapitalsTotal: 24 }, ...over,
});
const run = (over: Partial<RunSummary>): RunSummary => ({ preset: 'new-capitals', replay: true, steps: 40, newCorrect: 8, knownCorrect: 24, ...over });
const check = (id: string, state: unknown, v: unknown, answer = '') => runCheck(fineTuneLabChecks[id], { state, view: v, answer });

describe('settings', () => {
  it('presets bring their own learning rate, steps and replay; early stopping shortens the engine run', () => {
    const overfit = presetSettings('overfit');
    expect(overfit).toMatchObject({ preset: 'overfit', replay: false, lr: 0.003, steps: 60, stopStep: 0 });
    expect(engineSettings(overfit)).toMatchObject({ steps: 60, batch: 8, probeEvery: 1, sentences: undefined });
    expect(engineSettings({ ...overfit, stopStep: 5 }).steps).toBe(5);
    expect(engineSettings({ ...overfit, stopStep: 500 }).steps).toBe(60);
    expect(engineSettings({ ...DEFAULT_FINE_TUNE_BENCH, preset: 'custom', text: ' a b .\n\n  c d . ' }).sentences).toEqual(['a b .', 'c d .']);
    expect(engineSettings({ ...DEFAULT_FINE_TUNE_BENCH, trainBlocks: [3, 0] }).trainBlocks).toEqual([0, 3]);
  });

  it('bad settings get a sentence; good ones none', () => {
    expect(settingsProblem(DEFAULT_FINE_TUNE_BENCH)).toBeNull();
    expect(settingsProblem({ ...DEFAULT_FINE_TUNE_BENCH, trainBlocks: [], trainEmbeddings: false })).toMatch(/at least one part/);
    expect(settingsProblem({ ...DEFAULT_FINE_TUNE_BENCH, steps: 0 })).toMatch(/Steps must be/);
    expect(settingsProblem({ ...DEFAULT_FINE_TUNE_BENCH, preset: 'custom', text: '  \n ' })).toMatch(/at least one sentence/);
    expect(settingsProblem({ ...DEFAULT_FINE_TUNE_BENCH, preset: 'custom', text: 'x'.repeat(100_000) })).toMatch(/100,000 characters.*at most 2,000/);
    expect(settingsProblem({ ...DEFAULT_FINE_TUNE_BENCH, preset: 'custom', text: 'a b\n'.repeat(201) })).toMatch(/at most 200 sentences \(you have 201\)/);
    expect(customSentences('🙂\n\n')).toEqual(['🙂']);
  });

  it('the URL schema accepts the defaults and every preset, and rejects nonsense', () => {
    for (const p of ['velmora', 'new-capitals', 'qa-format', 'overfit', 'custom'] as const) expect(fineTuneBenchState.schema.safeParse(presetSettings(p)).success).toBe(true);
    expect(fineTuneBenchState.schema.safeParse({ ...DEFAULT_FINE_TUNE_BENCH, lr: 0 }).success).toBe(false);
    expect(fineTuneBenchState.schema.safeParse({ ...DEFAULT_FINE_TUNE_BENCH, trainBlocks: [4] }).success).toBe(false);
    expect(fineTuneBenchState.schema.safeParse({ ...DEFAULT_FINE_TUNE_BENCH, preset: 'everything' }).success).toBe(false);
  });
});

describe('readings', () => {
  it('probeSummary counts new capitals only for held-out countries, and the known capitals', () => {
    const probes = [reading('the capital of brazil is', 'brasilia', 0.7, true), reading('the capital of canada is', 'ottawa', 0.2, false), reading('the capital of velmora is', 'quorvia', 0.9, true)];
    expect(probeSummary({ probes, general: known(21) })).toEqual({
      target: 0.7, newCorrect: 1, probesCorrect: 2, probesTotal: 3, knownCapitalsCorrect: 21, knownCapitalsTotal: 24,
    });
    expect(probeSummary(null).target).toBeNull();
  });

  it('argminHeldOut finds the first lowest held-out point and ignores steps without one', () => {
    expect(argminHeldOut([{ step: 0, heldOut: 6 }, { step: 1, train: 0.1 }, { step: 2, heldOut: 4.9, train: 2 }, { step: 3, heldOut: 5.1 }, { step: 4, heldOut: 4.9 }])).toBe(2);
    expect(argminHeldOut([{ step: 1, train: 1 }])).toBeNull();
  });

  it('speed: 12 steps in 6 s is 2 steps/s, so 18 steps left take 9 s', () => {
    expect(speed(12, 6, 18)).toEqual({ stepsPerSecond: 2, etaSeconds: 9 });
    expect(Number.isNaN(speed(0, 0, 5).etaSeconds)).toBe(true);
    expect(formatSeconds(65)).toBe('1 min 5 s');
    expect(formatSeconds(Number.NaN)).toBe('—');
  });
});

describe('WeightDiff view', () => {
  const change = (name: string, block: number | null, kind: string, relChange: number): MatrixChange => ({ name, block, kind, relChange, absChange: relChange * 10 });
  const changes = [change('wte', null, 'wte', 0.01), change('blocks.0.attn.wq', 0, 'attn.wq', 0.02), change('blocks.2.attn.wv', 2, 'attn.wv', 0.05), change('blocks.3.mlp.w2', 3, 'mlp.w2', 0.03)];

  it('sorts by relative change and names the largest with a 1-based block label', () => {
    const v = weightDiffView(changes, 30);
    expect(v.sorted.map((c) => c.name)).toEqual(['blocks.2.attn.wv', 'blocks.3.mlp.w2', 'blocks.0.attn.wq', 'wte']);
    expect(v.maxRelChange).toEqual({ name: 'blocks.2.attn.wv', label: 'block 3 W_V', relChange: 0.05 });
    expect(matrixLabel({ block: null, kind: 'wpe' })).toBe('P');
    expect(weightDiffView(changes.map((c) => ({ ...c, relChange: 0 })), 0).maxRelChange).toBeNull();
  });

  it('lays the block matrices out as kinds × blocks', () => {
    const grid = heatmapGrid(changes, 4);
    expect(grid).toHaveLength(6);
    expect(grid[0][0]?.name).toBe('blocks.0.attn.wq');
    expect(grid[2][2]?.name).toBe('blocks.2.attn.wv');
    expect(grid[5][3]?.name).toBe('blocks.3.mlp.w2');
    expect(grid[1][1]).toBeNull();
  });

  it('accepts the label or the file name, in any case and spacing', () => {
    const top = { name: 'blocks.2.attn.wv', label: 'block 3 W_V' };
    for (const a of ['block 3 W_V', 'Block 3 w_v', 'block3wv', 'blocks.2.attn.wv']) expect(answerMatches(a, top), a).toBe(true);
    for (const a of ['', 'block 2 W_V', 'W_V', 'blocks.3.attn.wv']) expect(answerMatches(a, top), a).toBe(false);
  });
});

describe('exercise checks', () => {
  it('are all registered in the course table', () => {
    for (const id of Object.keys(fineTuneLabChecks)) expect(exerciseChecks[id]).toBe(fineTuneLabChecks[id]);
  });

  it('teach-velmora: false before training, true at P(quorvia) 0.55 with 21/24 known, false if too much was forgotten', () => {
    const state = presetSettings('velmora');
    expect(check('teach-velmora', state, view())).toBe(false);
    const trained = view({ step: 30, probe: { ...view().probe, target: 0.55, knownCapitalsCorrect: 21 } });
    expect(check('teach-velmora', state, trained)).toBe(true);
    expect(check('teach-velmora', state, { ...trained, probe: { ...trained.probe, knownCapitalsCorrect: 19 } })).toBe(false);
    expect(check('teach-velmora', state, { ...trained, probe: { ...trained.probe, target: 0.5 } })).toBe(false);
    expect(check('teach-velmora', presetSettings('new-capitals'), trained)).toBe(false);
  });

  it('catastrophic-forgetting needs a forgetting run without replay and a keeping run with it', () => {
    const state = { ...presetSettings('new-capitals'), replay: false };
    expect(check('catastrophic-forgetting', state, view())).toBe(false);
    const forgot = run({ replay: false, newCorrect: 8, knownCorrect: 0 });
    expect(check('catastrophic-forgetting', state, view({ runs: [forgot] }))).toBe(false);
    expect(check('catastrophic-forgetting', state, view({ runs: [forgot, run({ replay: true, newCorrect: 7, knownCorrect: 20 })] }))).toBe(true);
    expect(check('catastrophic-forgetting', state, view({ runs: [forgot, run({ replay: true, newCorrect: 7, knownCorrect: 19 })] }))).toBe(false);
    expect(check('catastrophic-forgetting', state, view({ runs: [run({ replay: false, newCorrect: 6 }), run({})] }))).toBe(false);
    expect(check('catastrophic-forgetting', state, view({ runs: [run({ preset: 'velmora', replay: false }), run({})] }))).toBe(false);
  });

  it('stop-at-the-right-time: within 2 epochs of the held-out minimum of a full run', () => {
    const state = presetSettings('overfit');
    expect(check('stop-at-the-right-time', state, view())).toBe(false);
    const ran = view({ argminValStep: 4 });
    expect(check('stop-at-the-right-time', state, ran)).toBe(false); // early stopping still off
    expect(check('stop-at-the-right-time', { ...state, stopStep: 6 }, ran)).toBe(true);
    expect(check('stop-at-the-right-time', { ...state, stopStep: 2 }, ran)).toBe(true);
    expect(check('stop-at-the-right-time', { ...state, stopStep: 7 }, ran)).toBe(false);
  });

  it('who-changed-most compares the answer with the largest change on screen', () => {
    const v = weightDiffView([{ name: 'blocks.1.attn.wo', block: 1, kind: 'attn.wo', relChange: 0.04, absChange: 1 }, { name: 'wte', block: null, kind: 'wte', relChange: 0.01, absChange: 1 }], 30);
    expect(check('who-changed-most', { model: 'tw-learned', run: 'last' }, weightDiffView([], 0), 'block 2 W_O')).toBe(false);
    expect(check('who-changed-most', { model: 'tw-learned', run: 'last' }, v, 'block 2 W_O')).toBe(true);
    expect(check('who-changed-most', { model: 'tw-learned', run: 'last' }, v, 'E')).toBe(false);
  });
});
