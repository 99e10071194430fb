/**
 * Where the forward pass gets its intermediate buffers. With a trace every intermediate must
 * survive, so each request is a fresh array; without one, buffers are reused across calls and
 * stages that can safely share memory are aliased, so a cheap forward allocates almost nothing.
 */

/** Hands out Float32Arrays by role name. */
export interface Scratch {
  /** A buffer of exactly `size` elements for the named role; contents are unspecified. */
  get(name: string, size: number): Float32Array;
}

/** A scratch that allocates a new zeroed array for every request (trace mode). */
export function freshScratch(): Scratch {
  return { get: (_name, size) => new Float32Array(size) };
}

/**
 * A scratch that keeps one buffer per slot and reuses it across calls. `aliases` maps role names
 * onto a shared slot, for stages computed in place (e.g. raw → scaled → masked → softmaxed scores).
 */
export function reusableScratch(aliases: Readonly<Record<string, string>> = {}): Scratch {
  const slots = new Map<string, Float32Array>();
  return {
    get(name, size) {
      const slot = aliases[name] ?? name;
      let buffer = slots.get(slot);
      if (!buffer || buffer.length < size) {
        buffer = new Float32Array(size);
        slots.set(slot, buffer);
      }
      return buffer.length === size ? buffer : buffer.subarray(0, size);
    },
  };
}
