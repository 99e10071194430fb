// Chapter 9's exercise checks: false on each start state, true on a state solved with the curriculum's numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { exerciseChecks } from '../../lessons/checks/index.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { lessonSchema } from '../../site/lib/exerciseSchema.ts';
import { widgetStates } from '../../site/lib/widgetStates.ts';
import { blockInspectorView } from '../../widgets/block/blockInspectorModel.ts';
import { generationLoopView, loopRun, type RunStep } from '../../widgets/block/generationLoopModel.ts';
import { lensRows, logitLensView, parseBlockNumber, type LensStageResult } from '../../widgets/block/logitLensModel.ts';
import { parameterCounterView, type ParameterCounterSettings } from '../../widgets/block/parameterCounterModel.ts';

const text = readFileSync(new URL('../../lessons/09-full-block.mdx', import.meta.url), 'utf8');
const lesson = lessonSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]));
const exercise = (id: string) => lesson.exercises.find((e) => e.id === id)!;
const startOf = <S>(id: string): S => {
  const e = exercise(id);
  return { ...widgetStates[e.widget!].defaults, ...e.start } as S;
};
const check = (id: string, state: unknown, view: unknown, answer = '') => runCheck(exerciseChecks[id], { state, view, answer });

describe('count-gpt2', () => {
  const start = startOf<ParameterCounterSettings>('count-gpt2');
  test('starts blank, with nothing counted and not solved', () => {
    expect(start.preset).toBe('blank');
    expect(start.vocab).toBeNull();
    expect(check('count-gpt2', start, parameterCounterView(start))).toBe(false);
  });
  test('solved by typing GPT-2 small\'s six numbers (tied, learned positions)', () => {
    const typed: ParameterCounterSettings = { ...start, preset: 'custom', vocab: 50257, context: 1024, dModel: 768, layers: 12, heads: 12, dFF: 3072 };
    expect(check('count-gpt2', typed, parameterCounterView(typed))).toBe(true);
  });
  test('not solved by a near miss (d_ff = 3,000) nor by just picking the GPT-2 preset', () => {
    const near: ParameterCounterSettings = { ...start, preset: 'custom', vocab: 50257, context: 1024, dModel: 768, layers: 12, heads: 12, dFF: 3000 };
    expect(check('count-gpt2', near, parameterCounterView(near))).toBe(false);
    const preset = { ...near, dFF: 3072, preset: 'gpt2-small' as const };
    expect(check('count-gpt2', preset, parameterCounterView(preset))).toBe(false);
  });
});

describe('width-never-changes', () => {
  const dims = { T: 5, d: 64, nHeads: 4, dk: 16, dFF: 256, V: 400, nLayers: 4 };
  const view = blockInspectorView(dims, 'paris');
  test('the curriculum answer 5 × 64 in any usual spelling', () => {
    for (const answer of ['5 × 64', '5x64', '[5, 64]']) expect(check('width-never-changes', startOf('width-never-changes'), view, answer), answer).toBe(true);
  });
  test('the shrinking guess, the FFN hidden width, an empty box: not solved', () => {
    for (const answer of ['', '5 × 16', '5 × 256', '64 × 5', '5']) expect(check('width-never-changes', startOf('width-never-changes'), view, answer), answer).toBe(false);
  });
});

describe('when-does-paris-appear', () => {
  const stage = (s: string, layer: number, top: string): LensStageResult => ({ stage: s, layer, top: [{ token: top, prob: 0.5 }] });
  // A lens where paris first tops the attention half-step of block 3 and then whole blocks 3 and 4.
  const stages = [stage('embeddings', -1, 'is'), stage('attn', 0, 'is'), stage('block', 0, 'is'), stage('attn', 1, 'is'), stage('block', 1, 'bigger'),
    stage('attn', 2, 'paris'), stage('block', 2, 'paris'), stage('attn', 3, 'paris'), stage('block', 3, 'paris')];
  const start = startOf<{ text: string; halfSteps: boolean }>('when-does-paris-appear');
  test('whole blocks are counted from 1, the embedding row is block 0, half-steps do not count', () => {
    const view = logitLensView(lensRows(stages, true));
    expect(view.firstBlockWithTop1('paris')).toBe(3);
    expect(view.firstBlockWithTop1('is')).toBe(0);
    expect(view.firstBlockWithTop1('rome')).toBeNull();
    expect(view.top1).toEqual(['is', 'is', 'bigger', 'paris', 'paris']);
  });
  test('the right block number solves it; the last block, another number or nothing does not', () => {
    const view = logitLensView(lensRows(stages, false));
    expect(check('when-does-paris-appear', start, view, '3')).toBe(true);
    expect(check('when-does-paris-appear', start, view, 'block 3')).toBe(true);
    for (const answer of ['', '4', '2', 'paris']) expect(check('when-does-paris-appear', start, view, answer), answer).toBe(false);
  });
  test('another prompt does not count', () => {
    const view = logitLensView(lensRows(stages, false));
    expect(check('when-does-paris-appear', { ...start, text: 'the capital of japan is' }, view, '3')).toBe(false);
  });
  test('typed block numbers', () => {
    expect(parseBlockNumber('after block 2')).toBe(2);
    expect(Number.isNaN(parseBlockNumber('two'))).toBe(true);
  });
});

describe('cache-equivalence', () => {
  const steps = (tokens: string[], macs: number): RunStep[] => tokens.map((token, i) => ({ token, prob: 0.5, context: 2 + i, macs, cacheNumbers: 0 }));
  const tokens = ['chased', 'the', 'cow', '.'];
  const start = startOf('cache-equivalence');
  test('the start state (nothing run yet) and a single run are not solved', () => {
    expect(check('cache-equivalence', start, generationLoopView(null, null))).toBe(false);
    expect(check('cache-equivalence', start, generationLoopView(null, loopRun(steps(tokens, 1000))))).toBe(false);
  });
  test('identical tokens with fewer multiply–adds with the cache: solved', () => {
    expect(check('cache-equivalence', start, generationLoopView(loopRun(steps(tokens, 100)), loopRun(steps(tokens, 1000))))).toBe(true);
  });
  test('different tokens, or no saving, are not solved', () => {
    expect(check('cache-equivalence', start, generationLoopView(loopRun(steps(['a', 'b', 'c', 'd'], 100)), loopRun(steps(tokens, 1000))))).toBe(false);
    expect(check('cache-equivalence', start, generationLoopView(loopRun(steps(tokens, 1000)), loopRun(steps(tokens, 1000))))).toBe(false);
  });
});
