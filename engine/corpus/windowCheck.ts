/**
 * Checks the C-12 rule on any token stream a trainer builds: no `window` consecutive tokens may
 * hold a held-out country together with its capital. The generator guarantees it for each split's
 * documents concatenated in order; a trainer that shuffles or packs documents differently can
 * check its own stream with this.
 */
import { HELD_OUT_CAPITALS } from './wordLists.ts';

/** One place where a held-out country and its capital come within `window` tokens of each other. */
export interface WindowViolation {
  country: string;
  capital: string;
  /** Token positions of the two mentions. */
  first: number;
  second: number;
}

/** All pairs of held-out mentions closer than `window` tokens (a window of that length could hold both). */
export function heldOutWindowViolations(tokens: readonly string[], window = 64): WindowViolation[] {
  const roleOf = new Map<string, { pair: number; side: 0 | 1 }>();
  HELD_OUT_CAPITALS.forEach((f, pair) => {
    roleOf.set(f.country, { pair, side: 0 });
    roleOf.set(f.capital, { pair, side: 1 });
  });
  const last = HELD_OUT_CAPITALS.map(() => [-Infinity, -Infinity]);
  const out: WindowViolation[] = [];
  tokens.forEach((token, i) => {
    const role = roleOf.get(token);
    if (!role) return;
    const other = last[role.pair][1 - role.side];
    if (i - other < window) {
      const f = HELD_OUT_CAPITALS[role.pair];
      out.push({ country: f.country, capital: f.capital, first: other, second: i });
    }
    last[role.pair][role.side] = i;
  });
  return out;
}
