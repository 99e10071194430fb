// The progress store: normal use, export → reset → import, cross-tab updates, and storage that refuses or throws.
import { describe, expect, test } from 'vitest';
import { PROGRESS_KEY, ProgressStore, mergeProgress, parseProgress, type ProgressStorage } from '../../site/lib/progress.ts';
import { STORAGE_PREFIX } from '../../site/lib/safeStorage.ts';

/** An in-memory storage shared by "tabs" (stores), like localStorage across tabs of one browser. */
function memoryStorage(shared = new Map<string, string>()): ProgressStorage & { map: Map<string, string> } {
  return { map: shared, read: (k) => shared.get(k) ?? null, write: (k, v) => (shared.set(k, v), true) };
}

const items = ['ex:tame-the-poet', 'ex:nucleus-count', 'quiz:softmax/lower-tau', 'quiz:softmax/base-ten'];

describe('ProgressStore with working storage', () => {
  test('marks exercises and quiz answers, counts them, and persists them for the next page load', () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage);
    expect(store.persistent).toBe(true);
    store.markDone('tame-the-poet', '2026-01-01T00:00:00.000Z');
    store.recordAnswer('softmax/lower-tau', true, '1');
    store.recordAnswer('softmax/base-ten', false, '0.5');
    expect(store.countDone(items)).toBe(2); // a wrong answer does not count
    const reloaded = new ProgressStore(storage);
    expect(reloaded.isDone('tame-the-poet')).toBe(true);
    expect(reloaded.isDone('nucleus-count')).toBe(false);
    expect(reloaded.answerOf('softmax/base-ten')).toMatchObject({ correct: false, answer: '0.5' });
    expect(JSON.parse(storage.map.get(PROGRESS_KEY)!).version).toBe(1);
  });

  test('solving again keeps the first time', () => {
    const store = new ProgressStore(memoryStorage());
    store.markDone('a', '2026-01-01T00:00:00.000Z');
    store.markDone('a', '2027-01-01T00:00:00.000Z');
    expect(store.data.exercises.a.doneAt).toBe('2026-01-01T00:00:00.000Z');
  });

  test('export → reset → import restores everything', () => {
    const store = new ProgressStore(memoryStorage());
    store.markDone('tame-the-poet');
    store.recordAnswer('softmax/lower-tau', true, '1');
    const file = store.exportJson();
    store.reset();
    expect(store.countDone(items)).toBe(0);
    expect(store.importJson(file)).toEqual({ ok: true, exercises: 1, answers: 1 });
    expect(store.countDone(items)).toBe(2);
    expect(store.data).toEqual(JSON.parse(file));
  });

  test('importing something else changes nothing and says why', () => {
    const store = new ProgressStore(memoryStorage());
    store.markDone('x');
    const before = store.data;
    expect(store.importJson('not json')).toEqual({ ok: false, reason: 'not-json' });
    expect(store.importJson('{"version":2,"exercises":{},"quiz":{}}')).toEqual({ ok: false, reason: 'not-progress' });
    expect(store.importJson('{"version":1,"exercises":{"y":true},"quiz":{}}')).toEqual({ ok: false, reason: 'not-progress' });
    expect(store.data).toEqual(before);
  });

  test('a hostile file cannot reach object prototypes, and unknown fields are not kept', () => {
    const store = new ProgressStore(memoryStorage());
    const file = '{"version":1,"exercises":{"__proto__":{"doneAt":"x"},"ok":{"doneAt":"y","extra":1}},"quiz":{}}';
    expect(store.importJson(file)).toEqual({ ok: true, exercises: 1, answers: 0 });
    expect(Object.getPrototypeOf(store.data.exercises)).toBe(Object.prototype);
    expect(({} as { doneAt?: string }).doneAt).toBeUndefined();
    expect(store.data.exercises).toEqual({ ok: { doneAt: 'y' } });
  });

  test('a corrupted stored value is ignored instead of crashing the page', () => {
    const storage = memoryStorage();
    storage.map.set(PROGRESS_KEY, '{"version":1,"exercises":');
    const store = new ProgressStore(storage);
    expect(store.data).toEqual({ version: 1, exercises: {}, quiz: {} });
    store.markDone('a');
    expect(parseProgress(storage.map.get(PROGRESS_KEY)!)?.exercises.a).toBeDefined();
  });

  test('another tab\'s change arrives through the storage event and notifies subscribers', () => {
    const shared = new Map<string, string>();
    const tabA = new ProgressStore(memoryStorage(shared));
    const tabB = new ProgressStore(memoryStorage(shared));
    let calls = 0;
    tabB.subscribe(() => calls++);
    tabA.markDone('nucleus-count');
    expect(tabB.isDone('nucleus-count')).toBe(false); // not until the event arrives
    tabB.handleStorageEvent(STORAGE_PREFIX + 'theme'); // unrelated keys are ignored
    expect(calls).toBe(0);
    tabB.handleStorageEvent(STORAGE_PREFIX + PROGRESS_KEY);
    expect(tabB.isDone('nucleus-count')).toBe(true);
    expect(calls).toBe(1);
    tabA.reset();
    tabB.handleStorageEvent(null); // localStorage.clear() in another tab
    expect(tabB.isDone('nucleus-count')).toBe(false);
  });

  test('a write re-reads first, so two tabs never overwrite each other\'s progress', () => {
    const shared = new Map<string, string>();
    const tabA = new ProgressStore(memoryStorage(shared));
    const tabB = new ProgressStore(memoryStorage(shared));
    tabA.markDone('a');
    tabB.markDone('b'); // tabB never saw tabA's event
    expect(Object.keys(new ProgressStore(memoryStorage(shared)).data.exercises).sort()).toEqual(['a', 'b']);
  });
});

describe('ProgressStore when storage fails', () => {
  const throwing: ProgressStorage = {
    read: () => { throw new DOMException('blocked', 'SecurityError'); },
    write: () => { throw new DOMException('blocked', 'SecurityError'); },
  };

  test('storage that throws on every call: everything works in memory and persistent is false', () => {
    let store: ProgressStore | undefined;
    expect(() => (store = new ProgressStore(throwing))).not.toThrow();
    expect(store!.persistent).toBe(false);
    expect(() => store!.markDone('tame-the-poet')).not.toThrow();
    expect(store!.isDone('tame-the-poet')).toBe(true);
    store!.recordAnswer('softmax/lower-tau', true, '1');
    expect(store!.countDone(items)).toBe(2);
    expect(() => store!.handleStorageEvent(null)).not.toThrow();
    expect(store!.isDone('tame-the-poet')).toBe(true); // memory survives a reload attempt
    const file = store!.exportJson();
    store!.reset();
    expect(store!.importJson(file).ok).toBe(true);
    expect(store!.isDone('tame-the-poet')).toBe(true);
  });

  test('storage that reads but refuses writes (quota, private mode) reports not persistent', () => {
    const full: ProgressStorage = { read: () => null, write: () => false };
    const store = new ProgressStore(full);
    expect(store.persistent).toBe(false);
    store.markDone('a');
    expect(store.isDone('a')).toBe(true);
    expect(store.persistent).toBe(false);
  });

  test('storage that fills up later flips persistent to false at the failing write', () => {
    let room = 2; // the probe and one save fit
    const map = new Map<string, string>();
    const filling: ProgressStorage = { read: (k) => map.get(k) ?? null, write: (k, v) => (room-- > 0 ? (map.set(k, v), true) : false) };
    const store = new ProgressStore(filling);
    store.markDone('a');
    expect(store.persistent).toBe(true);
    store.markDone('b');
    expect(store.persistent).toBe(false);
    expect(store.isDone('b')).toBe(true);
  });

  test('the default store works in Node where there is no localStorage at all', () => {
    const store = new ProgressStore();
    expect(store.persistent).toBe(false);
    store.markDone('a');
    expect(store.isDone('a')).toBe(true);
  });

  test('the default store survives a localStorage whose every method throws', () => {
    const g = globalThis as { localStorage?: unknown };
    const saved = g.localStorage;
    g.localStorage = { getItem: () => { throw new Error('x'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    try {
      const store = new ProgressStore();
      expect(store.persistent).toBe(false);
      store.markDone('a');
      expect(store.isDone('a')).toBe(true);
    } finally {
      g.localStorage = saved;
    }
  });
});

test('mergeProgress: done anywhere stays done; the later quiz answer wins', () => {
  const a = { version: 1 as const, exercises: { x: { doneAt: '1' } }, quiz: { q: { correct: false, answer: 'old', at: '2026-01-01' } } };
  const b = { version: 1 as const, exercises: { y: { doneAt: '2' } }, quiz: { q: { correct: true, answer: 'new', at: '2026-02-01' } } };
  const merged = mergeProgress(a, b);
  expect(Object.keys(merged.exercises).sort()).toEqual(['x', 'y']);
  expect(merged.quiz.q.answer).toBe('new');
  expect(mergeProgress(b, a).quiz.q.answer).toBe('new');
});
