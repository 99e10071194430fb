// Astro islands are separate Svelte roots, so a widget and the exercise that watches it cannot share context.
// They share this module instead: a widget registers a handle under its id, and any island on the page can
// look it up. The map is reactive, and handles expose rune-backed getters, so watchers update live.
import { SvelteMap } from 'svelte/reactivity';

/** What a mounted widget offers to other islands on the page. */
export interface WidgetHandle<S = unknown, V = unknown> {
  /** The shareable settings, as in the URL. */
  readonly state: S;
  /** Derived values an exercise check may read (e.g. probabilities, kept tokens). */
  readonly view: V;
  /** Puts the widget back into the state it started from on this page. */
  reset(): void;
  /** This widget's URL parameter as [name, value], or null when its state is the start state. */
  shareParam(): [string, string] | null;
}

const widgets = new SvelteMap<string, WidgetHandle>();

/** Registers a mounted widget under its id; returns the function that unregisters it (call it on destroy). */
export function registerWidget(id: string, handle: WidgetHandle): () => void {
  widgets.set(id, handle);
  return () => {
    if (widgets.get(id) === handle) widgets.delete(id);
  };
}

/** The handle of the widget with this id, or undefined until it has hydrated. Reactive inside effects and deriveds. */
export function findWidget(id: string): WidgetHandle | undefined {
  return widgets.get(id);
}
