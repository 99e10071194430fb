import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../engine/client.ts';
import { EngineError } from '../../engine/errors.ts';
import { handle } from '../../engine/handlers.ts';
import { FakeWorker } from './fakeWorker.ts';

const noCtx = { progress: () => {}, isCancelled: () => false, transfer: [] };

function clientWithWorkers() {
  const workers: FakeWorker[] = [];
  const client = new EngineClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers };
}

describe('handle (the worker’s dispatcher)', () => {
  it('answers softmax through the verb table', async () => {
    const r = await handle('softmax', { scores: [4, 3, 1], temperature: 1 }, noCtx);
    expect(r.probs[0]).toBeCloseTo(0.7054, 4);
  });
  it('rejects an unknown verb with a typed error', async () => {
    await expect(handle('nope' as 'ping', {}, noCtx)).rejects.toMatchObject({ code: 'unknown-verb' });
  });
  it('rejects missing parameters and bad scores with bad-input', async () => {
    await expect(handle('softmax', null as never, noCtx)).rejects.toMatchObject({ code: 'bad-input' });
    await expect(handle('softmax', { scores: 'x' as never, temperature: 1 }, noCtx)).rejects.toMatchObject({ code: 'bad-input' });
    await expect(handle('softmax', { scores: [1, Number.NaN], temperature: 1 }, noCtx)).rejects.toThrow(/Score 2 is empty or not a number/);
  });
});

describe('EngineClient', () => {
  it('creates its worker lazily, on the first call', async () => {
    const { client, workers } = clientWithWorkers();
    expect(workers).toHaveLength(0);
    await client.call('ping', {});
    expect(workers).toHaveLength(1);
  });

  it('latest wins: of three quick requests on one channel only the last resolves, with its own value', async () => {
    const { client } = clientWithWorkers();
    const temps = [0.5, 1, 2];
    const outcomes = await Promise.allSettled(temps.map((t) => client.call('softmax', { scores: [4, 3, 1], temperature: t }, { channel: 'slider' })));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    for (const o of outcomes.slice(0, 2)) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'superseded' });
    const last = (outcomes[2] as PromiseFulfilledResult<{ probs: number[] }>).value;
    expect(last.probs[0]).toBeCloseTo(0.5465, 4);
  });

  it('requests on different channels do not supersede each other', async () => {
    const { client } = clientWithWorkers();
    const [a, b] = await Promise.all([
      client.call('softmax', { scores: [1, 0], temperature: 1 }, { channel: 'a' }),
      client.call('softmax', { scores: [0, 1], temperature: 1 }, { channel: 'b' }),
    ]);
    expect(a.probs[0]).toBeGreaterThan(0.5);
    expect(b.probs[1]).toBeGreaterThan(0.5);
  });

  it('passes the worker’s error sentence through as an EngineError', async () => {
    const { client } = clientWithWorkers();
    const err = await client.call('softmax', { scores: [], temperature: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err.code).toBe('bad-input');
    expect(err.message).toMatch(/at least one number/);
  });

  it('an aborted call rejects with cancelled and tells the worker', async () => {
    const { client, workers } = clientWithWorkers();
    const controller = new AbortController();
    const p = client.call('ping', {}, { signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    expect(workers[0].received.some((m) => m.type === 'cancel')).toBe(true);
  });

  it('after a crash: open requests fail with a sentence, listeners hear it, and a new worker answers', async () => {
    const { client, workers } = clientWithWorkers();
    const heard: string[] = [];
    client.onRestart((reason) => heard.push(reason));
    const open = client.call('ping', {});
    workers[0].crash();
    await expect(open).rejects.toMatchObject({ code: 'worker-crashed' });
    expect(heard).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
    await expect(client.call('ping', {})).resolves.toEqual({ pong: true });
    expect(workers).toHaveLength(2);
    expect(client.restarts).toBe(1);
  });
});
