// The learner's progress: solved exercises and quiz answers, in one versioned JSON value under the site's
// storage namespace (`tx:v1:progress`). Every read and write is guarded: when the browser blocks storage or it
// is full, progress lives in memory for this page only and `persistent` turns false so the UI can say so.
import { readStored, writeStored, STORAGE_PREFIX } from './safeStorage.ts';

/** Storage key (after the namespace prefix) of the progress record. */
export const PROGRESS_KEY = 'progress';
/** Format version of the stored record and of exported files. */
export const PROGRESS_VERSION = 1;
/** Longest quiz answer kept (a pasted essay should not fill the quota). */
const MAX_ANSWER = 2000;

/** The stored record: exercise id → when it was solved; quiz key (`<lesson>/<question>`) → last answer. */
export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, { doneAt: string }>;
  quiz: Record<string, { correct: boolean; answer: string; at: string }>;
}

// A hand-written validator instead of zod: this module loads on every page (sidebar and home counts),
// and the record is small and flat.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const allValues = (v: unknown, ok: (entry: Record<string, unknown>) => boolean) =>
  isObject(v) && Object.values(v).every((entry) => isObject(entry) && ok(entry));

/** Whether a parsed JSON value is a progress record of this version (extra fields are tolerated, not kept). */
function isProgress(v: unknown): v is ProgressData {
  return isObject(v) && v.version === PROGRESS_VERSION
    && allValues(v.exercises, (e) => typeof e.doneAt === 'string')
    && allValues(v.quiz, (q) => typeof q.correct === 'boolean' && typeof q.answer === 'string' && q.answer.length <= MAX_ANSWER && typeof q.at === 'string');
}

/** A copy with only the known fields; a `__proto__` key from a hostile file is dropped, not assigned. */
function cleanCopy(data: ProgressData): ProgressData {
  const exercises: ProgressData['exercises'] = {};
  for (const [id, e] of Object.entries(data.exercises)) if (id !== '__proto__') exercises[id] = { doneAt: e.doneAt };
  const quiz: ProgressData['quiz'] = {};
  for (const [key, q] of Object.entries(data.quiz)) if (key !== '__proto__') quiz[key] = { correct: q.correct, answer: q.answer, at: q.at };
  return { version: PROGRESS_VERSION, exercises, quiz };
}

/** Where the store keeps its one string; the default goes through `safeStorage`. */
export interface ProgressStorage {
  read(key: string): string | null;
  /** Returns false when the browser refused the write. */
  write(key: string, value: string): boolean;
}

/** Outcome of importing a progress file. */
export type ImportResult = { ok: true; exercises: number; answers: number } | { ok: false; reason: 'not-json' | 'not-progress' };

/** An empty record. */
export const emptyProgress = (): ProgressData => ({ version: PROGRESS_VERSION, exercises: {}, quiz: {} });

/** Parses a stored or imported value; null when it is not a progress record of this version. */
export function parseProgress(text: string | null): ProgressData | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isProgress(parsed) ? cleanCopy(parsed) : null;
  } catch {
    return null;
  }
}

/** Union of two records: an exercise done in either is done; for a quiz answer the later one wins. */
export function mergeProgress(a: ProgressData, b: ProgressData): ProgressData {
  const quiz = { ...a.quiz };
  for (const [key, entry] of Object.entries(b.quiz)) if (!quiz[key] || quiz[key].at <= entry.at) quiz[key] = entry;
  return { version: PROGRESS_VERSION, exercises: { ...b.exercises, ...a.exercises }, quiz };
}

const defaultStorage: ProgressStorage = { read: readStored, write: writeStored };

/** The progress store. One instance per page (`progress` below); tests build their own with a fake storage. */
export class ProgressStore {
  private memory: ProgressData = emptyProgress();
  private listeners = new Set<() => void>();
  /** False when storage is blocked or full: progress then lasts only until the page is closed. */
  persistent: boolean;

  constructor(private readonly storage: ProgressStorage = defaultStorage) {
    // Probe once: private modes and sandboxed iframes refuse writes while still answering reads.
    this.persistent = this.tryWrite('probe', '1');
    this.memory = this.load();
  }

  private load(): ProgressData {
    let text: string | null = null;
    try {
      text = this.storage.read(PROGRESS_KEY);
    } catch {
      /* treated like an empty storage */
    }
    return parseProgress(text) ?? (this.persistent ? emptyProgress() : this.memory);
  }

  // The default storage never throws, but a custom one might: a throw means "not saved", never a broken page.
  private tryWrite(key: string, value: string): boolean {
    try {
      return this.storage.write(key, value);
    } catch {
      return false;
    }
  }

  private save(next: ProgressData): void {
    this.memory = next;
    this.persistent = this.tryWrite(PROGRESS_KEY, JSON.stringify(next));
    this.notify();
  }

  private update(change: (data: ProgressData) => ProgressData): void {
    // Re-read first: another tab may have written since this page loaded.
    if (this.persistent) this.memory = this.load();
    this.save(change(this.memory));
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** A snapshot of the current record. */
  get data(): ProgressData {
    return this.memory;
  }

  /** Whether the exercise with this id has been solved. */
  isDone(exerciseId: string): boolean {
    return exerciseId in this.memory.exercises;
  }

  /** Marks an exercise solved (keeping the first time it was solved). */
  markDone(exerciseId: string, at = new Date().toISOString()): void {
    this.update((data) => (exerciseId in data.exercises ? data : { ...data, exercises: { ...data.exercises, [exerciseId]: { doneAt: at } } }));
  }

  /** Records the learner's latest answer to a quiz question (key: `<lesson>/<question id>`). */
  recordAnswer(key: string, correct: boolean, answer: string, at = new Date().toISOString()): void {
    this.update((data) => ({ ...data, quiz: { ...data.quiz, [key]: { correct, answer: answer.slice(0, MAX_ANSWER), at } } }));
  }

  /** The recorded answer to a quiz question, if any. */
  answerOf(key: string): ProgressData['quiz'][string] | undefined {
    return this.memory.quiz[key];
  }

  /** How many of the given items are complete; items are `ex:<exercise id>` or `quiz:<lesson>/<question>`. */
  countDone(items: readonly string[]): number {
    return items.filter((item) => (item.startsWith('ex:') ? this.isDone(item.slice(3)) : this.memory.quiz[item.slice(5)]?.correct === true)).length;
  }

  /** Forgets everything. */
  reset(): void {
    this.save(emptyProgress());
  }

  /** The record as a pretty JSON file body. */
  exportJson(): string {
    return JSON.stringify(this.memory, null, 2) + '\n';
  }

  /** Merges an exported file into the current progress; nothing changes when the file is not a progress record. */
  importJson(text: string): ImportResult {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'not-json' };
    }
    if (!isProgress(raw)) return { ok: false, reason: 'not-progress' };
    const imported = cleanCopy(raw);
    this.update((data) => mergeProgress(data, imported));
    return { ok: true, exercises: Object.keys(imported.exercises).length, answers: Object.keys(imported.quiz).length };
  }

  /** Calls `listener` after every change, from this page or (via `storage` events) another tab; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Handles a `storage` event from another tab: reloads when it concerns progress (or storage was cleared). */
  handleStorageEvent(key: string | null): void {
    if (key !== null && key !== STORAGE_PREFIX + PROGRESS_KEY) return;
    this.memory = this.load();
    this.notify();
  }
}

// Kept on globalThis so every island and page script shares one store even if a bundler duplicated this module.
const holder = globalThis as typeof globalThis & { __txProgressStore?: ProgressStore };

/** The page's progress store, created on first use in the browser and kept in sync with other tabs. */
export function progressStore(): ProgressStore {
  if (!holder.__txProgressStore) {
    const store = new ProgressStore();
    holder.__txProgressStore = store;
    if (typeof window !== 'undefined') window.addEventListener('storage', (event) => store.handleStorageEvent(event.key));
  }
  return holder.__txProgressStore;
}
