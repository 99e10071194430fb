// The kit's slider-to-redraw stopwatch: a controlled clock and a stub animation frame (16 ms later) make
// every duration exact, so these tests check the arithmetic and the latest-input-wins rule, not the machine.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedrawTimer, measureRedraw, timeSliderRedraws } from '../../widgets/kit/redrawTimer.ts';

let clock = 0;
const FRAME = 16;
const durations = (name: string) => performance.getEntriesByName(name).map((e) => e.duration);

beforeEach(() => {
  clock = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.stubGlobal('requestAnimationFrame', (callback: (t: number) => void) => setTimeout(() => {
    clock += FRAME;
    callback(clock);
  }, 0));
  performance.clearMeasures();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('measureRedraw', () => {
  it('records a measure from the input time to the next frame and returns its length', async () => {
    const start = clock;
    clock += 5;
    expect(await measureRedraw('w:one:redraw', start)).toBe(5 + FRAME);
    expect(durations('w:one:redraw')).toEqual([5 + FRAME]);
  });

  it('returns null where there is no animation frame (server rendering)', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    expect(await measureRedraw('w:ssr:redraw', clock)).toBeNull();
    expect(durations('w:ssr:redraw')).toEqual([]);
  });
});

describe('createRedrawTimer', () => {
  it('measures from start to the frame after settle', async () => {
    const timer = createRedrawTimer('w:tau:redraw');
    timer.start();
    clock += 40; // the engine answers 40 ms later
    expect(await timer.settle()).toBe(40 + FRAME);
    expect(durations('w:tau:redraw')).toEqual([40 + FRAME]);
  });

  it('times from the latest input when several arrive before a redraw', async () => {
    const timer = createRedrawTimer('w:k:redraw');
    timer.start();
    clock += 40;
    timer.start();
    clock += 10;
    expect(await timer.settle()).toBe(10 + FRAME);
  });

  it('does nothing on a settle without a pending input, or on a second settle', async () => {
    const timer = createRedrawTimer('w:idle:redraw');
    expect(await timer.settle()).toBeNull();
    timer.start();
    await timer.settle();
    expect(await timer.settle()).toBeNull();
    expect(durations('w:idle:redraw')).toHaveLength(1);
  });
});

describe('timeSliderRedraws', () => {
  /** Stands in for an element: a range slider's input bubbles to it with the slider as target. */
  class FakeInput extends EventTarget {
    constructor(readonly type: string) {
      super();
    }
  }

  it('times input from range sliders only, and stops when detached', async () => {
    const host = new EventTarget();
    const detach = timeSliderRedraws('w:slider:redraw')(host as unknown as HTMLElement);
    const range = new FakeInput('range');
    const text = new FakeInput('text');
    // Dispatching on the host itself: the attachment reads event.target, so give it the fake inputs' types.
    const fire = (target: FakeInput) => {
      const event = new Event('input');
      Object.defineProperty(event, 'target', { value: target });
      host.dispatchEvent(event);
    };
    fire(range);
    fire(text);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(durations('w:slider:redraw')).toEqual([FRAME]);
    if (typeof detach === 'function') detach();
    fire(range);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(durations('w:slider:redraw')).toHaveLength(1);
  });
});
