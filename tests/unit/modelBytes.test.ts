// Byte reports of one model download reach every widget loading that model, and only those.
import { describe, expect, it } from 'vitest';
import { broadcastModelBytes, listenToModelBytes } from '../../widgets/kit/modelBytes.ts';

describe('model byte reports', () => {
  it('reach every listener of the model until it unsubscribes, and no listener of another model', () => {
    const first: number[][] = [];
    const second: number[][] = [];
    const other: number[][] = [];
    const stopFirst = listenToModelBytes('tw-test', (done, total) => first.push([done, total]));
    const stopSecond = listenToModelBytes('tw-test', (done, total) => second.push([done, total]));
    const stopOther = listenToModelBytes('tw-other', (done, total) => other.push([done, total]));
    const report = broadcastModelBytes('tw-test');
    report(100, 1000);
    stopFirst();
    report(1000, 1000);
    expect(first).toEqual([[100, 1000]]);
    expect(second).toEqual([[100, 1000], [1000, 1000]]);
    expect(other).toEqual([]);
    stopSecond();
    stopOther();
  });

  it('is silent when nobody listens', () => {
    expect(() => broadcastModelBytes('tw-nobody')(1, 2)).not.toThrow();
  });
});
