// Fills in every progress count on the page (sidebar, home page) from the progress store, and keeps them
// current as the learner solves things here or in another tab. Markup: an element with
// `data-progress-items="ex:a quiz:b/c …"` and `data-progress-style="short|long"`.
import { t } from '../../i18n/t';
import { progressStore } from '../../lib/progress';

function render(element: HTMLElement, done: number, total: number): void {
  const long = t('progress.count', { done, total });
  element.replaceChildren();
  if (element.dataset.progressStyle === 'short') {
    const visible = document.createElement('span');
    visible.setAttribute('aria-hidden', 'true');
    visible.textContent = `${done}/${total}`;
    const spoken = document.createElement('span');
    spoken.className = 'visually-hidden';
    spoken.textContent = `, ${long}`;
    element.append(visible, spoken);
  } else {
    element.textContent = long;
  }
  element.dataset.complete = String(total > 0 && done === total);
  element.dataset.done = String(done);
  element.hidden = false;
}

let mounted = false;

/** Starts keeping the page's progress counts and "progress will not be saved" notes up to date. */
export function mountProgressBadges(): void {
  if (mounted) return;
  mounted = true;
  const store = progressStore();
  const update = () => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-progress-items]')) {
      const items = (element.dataset.progressItems ?? '').split(' ').filter(Boolean);
      render(element, store.countDone(items), items.length);
    }
    for (const note of document.querySelectorAll<HTMLElement>('[data-storage-note]')) note.hidden = store.persistent;
  };
  update();
  store.subscribe(update);
}
