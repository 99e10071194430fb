/** All TinyWorld templates and the family shares of curriculum §2.3. */
import type { FamilyId, Template } from './templateModel.ts';
import { appleTemplates } from './templatesApple.ts';
import { fillerTemplates } from './templatesFiller.ts';
import { patternTemplates } from './templatesPatterns.ts';
import { worldTemplates } from './templatesWorld.ts';

/** Each family's share of all sentences (§2.3); they sum to 1. */
export const FAMILY_SHARES: Readonly<Record<FamilyId, number>> = {
  F1: 0.1, F2: 0.1, F3: 0.12, F4: 0.12, F5: 0.1, F6: 0.03,
  F7: 0.05, F8: 0.05, F9: 0.08, F10: 0.08, F11: 0.05, F12: 0.12,
};

/** What each family is for, as the stats print it. */
export const FAMILY_NAMES: Readonly<Record<FamilyId, string>> = {
  F1: 'apple = fruit', F2: 'apple = company', F3: 'coreference', F4: 'roles', F5: 'capitals',
  F6: 'held-out entities', F7: 'days', F8: 'counting', F9: 'copy lists', F10: 'word order',
  F11: 'store, a/an', F12: 'filler',
};

/** A template with its probability of being drawn for a sentence (family share × share within the family). */
export interface WeightedTemplate {
  template: Template;
  probability: number;
}

let cache: WeightedTemplate[] | undefined;

/** Every template with its sentence probability; built once, in a fixed order. */
export function allTemplates(): readonly WeightedTemplate[] {
  if (cache) return cache;
  const templates = [...appleTemplates(), ...worldTemplates(), ...patternTemplates(), ...fillerTemplates()];
  const familyWeight = new Map<FamilyId, number>();
  for (const t of templates) familyWeight.set(t.family, (familyWeight.get(t.family) ?? 0) + t.weight);
  cache = templates.map((template) => ({
    template,
    probability: (FAMILY_SHARES[template.family] * template.weight) / (familyWeight.get(template.family) as number),
  }));
  return cache;
}
