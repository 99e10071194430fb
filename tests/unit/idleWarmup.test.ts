// The idle warm-up behind DimensionSpread and WhyRootD: one task per idle period, in order, and unmounting stops it.
import { describe, expect, it } from 'vitest';
import { warmUpWhenIdle } from '../../widgets/kit/idleWarmup.ts';
import { DIMENSIONS, randomPairs } from '../../widgets/similarity/dimensionSpreadModel.ts';

/** A scheduler the test drives by hand: each `tick` runs the one pending idle callback. */
function manualScheduler() {
  let pending: (() => void) | null = null;
  let scheduled = 0;
  return {
    schedule: (run: () => void) => { pending = run; scheduled++; return () => { pending = null; }; },
    tick: () => { const run = pending; pending = null; run?.(); },
    get scheduled() { return scheduled; },
    get idle() { return pending === null; },
  };
}

describe('warmUpWhenIdle', () => {
  it('runs one task per idle period, in order, and schedules nothing after the last', () => {
    const done: number[] = [];
    const clock = manualScheduler();
    warmUpWhenIdle([1, 2, 3].map((n) => () => done.push(n)), clock.schedule);
    expect(done).toEqual([]);
    clock.tick();
    expect(done).toEqual([1]);
    clock.tick();
    clock.tick();
    expect(done).toEqual([1, 2, 3]);
    expect(clock.idle).toBe(true);
    expect(clock.scheduled).toBe(3);
  });

  it('stops when the widget unmounts', () => {
    const done: number[] = [];
    const clock = manualScheduler();
    const stop = warmUpWhenIdle([1, 2, 3].map((n) => () => done.push(n)), clock.schedule);
    clock.tick();
    stop();
    clock.tick();
    expect(done).toEqual([1]);
  });

  it('leaves DimensionSpread\'s samples cached, so the slider step reuses them instead of drawing again', () => {
    const clock = manualScheduler();
    const warmed = new Map<number, unknown>();
    warmUpWhenIdle(DIMENSIONS.slice(0, 3).map((d) => () => warmed.set(d, randomPairs(d))), clock.schedule);
    for (let i = 0; i < 3; i++) clock.tick();
    for (const d of DIMENSIONS.slice(0, 3)) expect(randomPairs(d)).toBe(warmed.get(d));
  });
});
