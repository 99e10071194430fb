// localStorage can be missing (SSR), blocked (privacy settings, sandboxed iframes) or full (quota):
// every access goes through here so the site keeps working and simply forgets.

/** Namespace prefix of every key the course stores. */
export const STORAGE_PREFIX = 'tx:v1:';

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Reading the property itself throws when storage is blocked.
  }
}

/** Reads a stored string, or null when absent or unavailable. */
export function readStored(key: string): string | null {
  try {
    return store()?.getItem(STORAGE_PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

/** Stores a string; returns false when the browser refused (blocked or full). */
export function writeStored(key: string, value: string): boolean {
  try {
    const s = store();
    if (!s) return false;
    s.setItem(STORAGE_PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}
