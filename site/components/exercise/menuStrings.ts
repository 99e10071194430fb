// The answer menus' own strings. They live beside the component, not in site/i18n/en.json, only because that
// table was outside this change's files; move them there (as `exercise.*` keys) when it is next edited.

/** The disabled first option of every answer menu, shown until the learner chooses. */
export const MENU_PLACEHOLDER = 'Choose…';

/** The status line after a submit with menus left unanswered, naming them so the learner knows where to look. */
export function menusMissingMessage(labels: string[]): string {
  return `Choose an answer in every menu first (still open: ${labels.join('; ')}).`;
}
