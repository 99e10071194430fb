// Wires one widget's state to the URL and to the page's widget registry. Call it once while the widget
// component initialises; everything that touches `window` happens in effects, so server rendering is untouched.
import { untrack } from 'svelte';
import { t } from '../../site/i18n/t.ts';
import { registerWidget } from './widgetRegistry.svelte.ts';
import { decodeState, encodeState, shareUrl, withParam, type WidgetStateSpec } from './urlState.ts';

/** How a widget plugs into URL state and the registry. */
export interface SharedStateOptions<S, V> {
  /** The widget's id: its anchor on the page and the name of its URL parameter. */
  id: string;
  spec: WidgetStateSpec<S>;
  /** The state this widget starts from on this page (the spec's defaults merged with an exercise's start). */
  start: () => S;
  /** Reads the current settings (from runes, so the URL follows every change). */
  get: () => S;
  /** Replaces the settings, e.g. from a link or a reset. */
  set: (state: S) => void;
  /** Derived values exercise checks read. */
  view: () => V;
}

/** Live link state of a widget: a notice about an unusable link, and the URL that reopens it as it is now. */
export interface SharedState {
  readonly notice: string | null;
  /** A link to this page, scrolled to `anchor` (default: the widget), reproducing the widget's current state. */
  linkHere(anchor?: string): string;
}

/** The raw value of one query parameter of the page's address. */
const readParam = (name: string): string | null => new URLSearchParams(window.location.search).get(name);

/** Delay before the address bar catches up with a dragged slider; replaceState is cheap but browsers rate-limit it. */
const WRITE_DELAY_MS = 250;

/** Connects a widget to the URL (read on hydration, replaceState while the learner works) and to the registry. */
export function shareWidgetState<S, V>(options: SharedStateOptions<S, V>): SharedState {
  const { id, spec } = options;
  let notice = $state<string | null>(null);
  let ready = $state(false);

  // The parameter value for the current state: null when it equals the start state, undefined while the
  // learner's input is not valid (say, a blank score), so a half-typed edit neither lands in nor wipes the URL.
  const currentParam = (): string | null | undefined => {
    const state = options.get();
    if (!spec.schema.safeParse(state).success) return undefined;
    const encoded = encodeState(spec, state);
    return encoded === encodeState(spec, options.start()) ? null : encoded;
  };

  // Runs once on mount: untracked, because applying the state and registering write signals this effect must not follow.
  $effect(() => untrack(() => {
    const { state, notice: problem } = decodeState({ ...spec, defaults: options.start() }, readParam(id));
    if (problem) notice = problem === 'outdated' ? t('share.outdated') : t('share.malformed');
    options.set(state);
    ready = true;
    return registerWidget(id, {
      get state() { return options.get(); },
      get view() { return options.view(); },
      reset: () => options.set(options.start()),
      shareParam: () => {
        const value = currentParam();
        return value ? [id, value] : null;
      },
    });
  }));

  $effect(() => {
    if (!ready) return;
    const value = currentParam();
    if (value === undefined) return;
    const write = () => {
      const next = withParam(window.location.href, id, value);
      if (next !== window.location.href) history.replaceState(history.state, '', next);
    };
    const timer = setTimeout(write, WRITE_DELAY_MS);
    // Leaving or reloading within the delay must not lose the last change.
    window.addEventListener('pagehide', write);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', write);
    };
  });

  return {
    get notice() { return notice; },
    linkHere: (anchor = id) => shareUrl(window.location.href, anchor, { [id]: currentParam() ?? null }),
  };
}
