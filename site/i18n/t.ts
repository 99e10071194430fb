import strings from './en.json';

/** A key of the UI string table. */
export type StringKey = keyof typeof strings;

/** Looks up a UI string and fills `{name}` placeholders; every visible label of the site goes through here. */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
