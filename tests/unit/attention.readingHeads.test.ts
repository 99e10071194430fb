// What chapter 6 says about real heads, measured here on the committed course models through the same view the
// widget and the exercise check use: which model has a head that flips between "hungry" and "delicious", that the
// exercise's check is false on its start and true on that head, and the lesson's other claims about heads.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forward } from '../../engine/model.ts';
import { readModelDir } from '../../scripts/modelDir.ts';
import { attentionChecks, bearOverHoney, PRONOUN_HEAD_MARGIN } from '../../lessons/checks/attention.ts';
import { runCheck } from '../../lessons/checks/types.ts';
import { DEFAULT_HEAD_VIEWER, headViewerView, type HeadViewerSettings, type HeadViewerView } from '../../widgets/attention/model/headViewerModel.ts';
import { APPLE_COMPANY, APPLE_FRUIT, BEAR_DELICIOUS, BEAR_HUNGRY } from '../../widgets/attention/model/headViewerPresets.ts';

type ModelName = 'tw-learned' | 'tw-rope';
const runs: Record<string, { tokens: string[]; trace: NonNullable<ReturnType<typeof forward>['trace']> }> = {};
const manifest = (name: ModelName) => JSON.parse(readFileSync(`public/models/${name}/manifest.json`, 'utf8'));
const demoHeadOf = (name: ModelName) => manifest(name).evals.checks.find((c: { id: string }) => c.id === 'C-6b').measured.demoHead;

beforeAll(async () => {
  for (const name of ['tw-learned', 'tw-rope'] as const) {
    const { model, tokenizer } = await readModelDir(`public/models/${name}`);
    for (const text of [BEAR_HUNGRY, BEAR_DELICIOUS, APPLE_FRUIT, APPLE_COMPANY]) {
      const ids = tokenizer.encode(text).ids;
      runs[`${name}|${text}`] = { tokens: ids.map((id) => tokenizer.tokenText(id)), trace: forward(model, ids, { trace: true }).trace! };
    }
  }
});

function view(model: ModelName, text: string, layer: number, head: number): { state: HeadViewerSettings; view: HeadViewerView } {
  const state = { ...DEFAULT_HEAD_VIEWER, model, text, layer, head };
  const run = runs[`${model}|${text}`];
  return { state, view: headViewerView(state, run.tokens, run.trace) };
}
const everyHead = Array.from({ length: 16 }, (_, k) => [Math.floor(k / 4), k % 4] as const);
/** Heads that prefer bear on "hungry" by the margin and prefer honey on "delicious" by 0.05 (C-6b's lesson conditions). */
const flippingHeads = (model: ModelName) => everyHead.filter(([l, h]) =>
  bearOverHoney(view(model, BEAR_HUNGRY, l, h).view) >= PRONOUN_HEAD_MARGIN && -bearOverHoney(view(model, BEAR_DELICIOUS, l, h).view) >= 0.05);

describe('find-the-pronoun-head', () => {
  const check = attentionChecks['find-the-pronoun-head'];

  it('tw-learned has a head that flips, and it is the demo head its manifest records', () => {
    const demo = demoHeadOf('tw-learned');
    expect(flippingHeads('tw-learned')).toContainEqual([demo.layer, demo.head]);
    const hungry = bearOverHoney(view('tw-learned', BEAR_HUNGRY, demo.layer, demo.head).view);
    expect(hungry).toBeCloseTo(demo.lessonHungry, 3);
    // The lesson's "20 other animal–food pairs" are the C-6 probes the margin averages over.
    expect(manifest('tw-learned').evals.checks.find((c: { id: string }) => c.id === 'C-6').details).toHaveLength(20);
  });

  it('the lesson\'s subject heads: other tw-learned heads pick bear on "hungry" and keep bear on "delicious"', () => {
    const demo = demoHeadOf('tw-learned');
    const bearHeads = everyHead.filter(([l, h]) => (l !== demo.layer || h !== demo.head) && bearOverHoney(view('tw-learned', BEAR_HUNGRY, l, h).view) >= PRONOUN_HEAD_MARGIN);
    expect(bearHeads.length).toBeGreaterThan(0);
    for (const [l, h] of bearHeads) expect(bearOverHoney(view('tw-learned', BEAR_DELICIOUS, l, h).view)).toBeGreaterThan(0);
  });

  it('tw-rope\'s recorded head flips on the lesson pair too (the lesson quotes its numbers)', () => {
    const demo = demoHeadOf('tw-rope');
    expect(flippingHeads('tw-rope')).toContainEqual([demo.layer, demo.head]);
  });

  it('the check is false on the start (tw-learned, layer 0, head 0) and true on the demo head', () => {
    expect(runCheck(check, { ...view('tw-learned', BEAR_HUNGRY, 0, 0), answer: '' })).toBe(false);
    const demo = demoHeadOf('tw-learned');
    expect(runCheck(check, { ...view('tw-learned', BEAR_HUNGRY, demo.layer, demo.head), answer: '' })).toBe(true);
  });

  it('the check is false on the "delicious" sentence, even on the demo head, and when the view lags the text', () => {
    const demo = demoHeadOf('tw-learned');
    expect(runCheck(check, { ...view('tw-learned', BEAR_DELICIOUS, demo.layer, demo.head), answer: '' })).toBe(false);
    const solved = view('tw-learned', BEAR_HUNGRY, demo.layer, demo.head);
    const stale = view('tw-learned', BEAR_DELICIOUS, demo.layer, demo.head).view;
    expect(runCheck(check, { state: solved.state, view: stale, answer: '' })).toBe(false);
  });
});

describe('the check on other text', () => {
  it('is false (and the margin NaN) on a sentence without bear and honey, even with "hungry" in the state', () => {
    const apple = view('tw-rope', APPLE_FRUIT, 3, 2);
    expect(bearOverHoney(apple.view)).toBeNaN();
    const state = { ...apple.state, text: 'the bear was hungry' };
    expect(runCheck(attentionChecks['find-the-pronoun-head'], { state, view: apple.view, answer: '' })).toBe(false);
  });
});

describe('other claims of the lesson', () => {
  it('on tw-learned the demo head, at "apple", looks most at the cue word: "juicy" or "tech"/"company"', () => {
    const demo = demoHeadOf('tw-learned');
    for (const [text, cues] of [[APPLE_FRUIT, ['juicy']], [APPLE_COMPANY, ['tech', 'company']]] as const) {
      const { view: v } = view('tw-learned', text, demo.layer, demo.head);
      const row = v.A[v.query];
      expect(v.tokens[v.query]).toBe('apple');
      expect(cues).toContain(v.tokens[row.indexOf(Math.max(...row))]);
    }
  });

  it('in both models a head of the later layers (2, 3) gives apple’s largest weight, at least 0.3, to the cue word', () => {
    for (const model of ['tw-learned', 'tw-rope'] as const) {
      for (const [text, cues] of [[APPLE_FRUIT, ['juicy']], [APPLE_COMPANY, ['tech', 'company']]] as const) {
        const found = everyHead.filter(([l]) => l >= 2).some(([l, h]) => {
          const { view: v } = view(model, text, l, h);
          const row = v.A[v.query];
          const top = Math.max(...row);
          return top >= 0.3 && (cues as readonly string[]).includes(v.tokens[row.indexOf(top)]);
        });
        expect(found, `${model}: ${text}`).toBe(true);
      }
    }
  });

  it('attention is not mostly nearby: in both models some head gives ≥ 0.5 of the last token’s weight to "bear", ten positions back', () => {
    for (const model of ['tw-learned', 'tw-rope'] as const) {
      const far = everyHead.some(([l, h]) => {
        const { view: v } = view(model, BEAR_HUNGRY, l, h);
        const bear = v.tokens.indexOf('bear');
        return v.query - bear === 10 && v.A[v.query][bear] >= 0.5;
      });
      expect(far, model).toBe(true);
    }
  });
});
