// Behaviour of the header search box. Pagefind's index lives at /pagefind/ in the built site (same origin, so it
// works offline from a local build); during `astro dev` it is absent and the box says so.
import { isRelevantHit } from './relevantHit';
import { t } from '../../i18n/t';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  debouncedSearch(term: string, options?: object, timeoutMs?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
  init?(): Promise<void>;
}

/** Most results listed at once; a course this size rarely has more worth reading. */
const MAX_RESULTS = 8;

let pagefindPromise: Promise<Pagefind | null> | null = null;
function loadPagefind(): Promise<Pagefind | null> {
  // A variable path keeps the bundler from trying to resolve a file that only exists after the build.
  const path = '/pagefind/pagefind.js';
  pagefindPromise ??= import(/* @vite-ignore */ path).then((module: Pagefind) => module, () => null);
  return pagefindPromise;
}

/** Copies Pagefind's excerpt keeping only its text and <mark> highlights (nothing else from the index becomes markup). */
function excerptNode(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createElement('span');
  out.className = 'result-excerpt';
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(node.textContent ?? '');
    }
  }
  return out;
}

/** Flattens page results into section-level hits (chapter › section), best first. */
function hitsOf(pages: PagefindResultData[]): { title: string; url: string; excerpt: string }[] {
  return pages.flatMap((page) => {
    const sections = (page.sub_results ?? []).slice(0, 4).map((sub) => ({
      title: sub.title && sub.title !== page.meta.title ? `${page.meta.title ?? ''} › ${sub.title}` : page.meta.title ?? sub.url,
      url: sub.url,
      excerpt: sub.excerpt,
    }));
    return sections.length ? sections : [{ title: page.meta.title ?? page.url, url: page.url, excerpt: page.excerpt }];
  }).slice(0, MAX_RESULTS);
}

/** Wires up the search box in the header. */
export function mountSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = root?.querySelector<HTMLInputElement>('[data-search-input]');
  const panel = root?.querySelector<HTMLElement>('[data-search-panel]');
  const status = root?.querySelector<HTMLElement>('[data-search-status]');
  const list = root?.querySelector<HTMLUListElement>('[data-search-results]');
  if (root && input && panel && status && list) wire(root, input, panel, status, list);
}

/** Attaches the search behaviour to the elements found by `mountSearch`. */
function wire(root: HTMLElement, input: HTMLInputElement, panel: HTMLElement, status: HTMLElement, list: HTMLUListElement): void {

  // A plain searchbox may not carry aria-expanded; the results list is announced through the status line instead.
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
  };
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

  let latest = '';
  async function run(term: string) {
    latest = term;
    if (!term.trim()) {
      list.replaceChildren();
      setOpen(false);
      return;
    }
    setOpen(true);
    status.textContent = t('search.searching');
    const pagefind = await loadPagefind();
    if (!pagefind) {
      status.textContent = t('search.unavailable');
      return;
    }
    const search = await pagefind.debouncedSearch(term, {}, 200);
    if (search === null || term !== latest) return; // a newer keystroke superseded this search
    const hits = hitsOf(await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()))).filter((hit) => isRelevantHit(hit.excerpt, term));
    if (term !== latest) return;
    list.replaceChildren(...hits.map((hit) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = hit.url;
      const title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = hit.title;
      link.append(title, excerptNode(hit.excerpt));
      item.append(link);
      return item;
    }));
    status.textContent = hits.length ? t('search.found', { n: hits.length }) : t('search.none', { term });
  }

  input.addEventListener('input', () => void run(input.value));
  input.addEventListener('focus', () => { if (input.value.trim()) setOpen(true); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links().length) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && at < all.length - 1) all[at + 1].focus();
    else if (event.key === 'ArrowUp') (at > 0 ? all[at - 1] : input).focus();
    else if (event.key === 'Escape') {
      setOpen(false);
      input.focus();
    } else return;
    event.preventDefault();
  });
  // Close when focus or a click leaves the search, so the panel never hides the page behind it.
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) setOpen(false);
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.closest('input, textarea, select, [contenteditable="true"]');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
}
