/**
 * Which two options to show, round by round, in `pairwise` mode. Pure: no DOM, no Lit, and
 * randomness only through the `random` function passed in, so tests can fix it with a seed.
 *
 * The rules, in order of importance:
 * 1. no pair is shown twice (in either order);
 * 2. every option is shown once before any option is shown a second time (with an odd number
 *    of options, the last new one has to meet one already seen);
 * 3. appearances stay balanced: each round takes the unused pair whose options have been seen
 *    least, so no option is shown much more often than another;
 * 4. where it can, a round does not reuse an option from the round just before;
 * 5. ties are broken at random, and which option sits first (on the left, or the right in a
 *    right-to-left language) is random too, so position does not sway answers.
 */

/** A number in [0, 1), like `Math.random`. */
export type Random = () => number;

/** Two different option values, in the order shown. */
export type Pair = readonly [string, string];

/** Most rounds offered when the author does not say. */
export const DEFAULT_ROUNDS = 15;

/** How many different pairs `count` options make: n·(n−1)/2. */
export function pairCount(count: number): number {
  return count < 2 ? 0 : (count * (count - 1)) / 2;
}

/** The rounds to run: `wanted` when it is a whole number from 1, else 15; never more than there are pairs or `limit`. */
export function roundsFor(count: number, wanted: number | undefined, limit: number): number {
  const asked = wanted !== undefined && Number.isInteger(wanted) && wanted >= 1 ? wanted : DEFAULT_ROUNDS;
  return Math.max(0, Math.min(asked, pairCount(count), limit));
}

/** A small seedable generator (mulberry32), for tests and stories that must repeat. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same pair whichever way round. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** `rounds` pairs from `values` (at most every pair once), following the rules above. */
export function schedulePairs(values: readonly string[], rounds: number, random: Random = Math.random): Pair[] {
  const unique = [...new Set(values)];
  const total = Math.min(Math.max(Math.floor(rounds), 0), pairCount(unique.length));
  const seen = new Map(unique.map((value) => [value, 0]));
  const used = new Set<string>();
  const pairs: Pair[] = [];
  let previous: Pair | undefined;

  for (let round = 0; round < total; round++) {
    let best: Pair[] = [];
    let bestScore: number[] | undefined;
    for (const [i, a] of unique.entries()) {
      for (const b of unique.slice(i + 1)) {
        if (used.has(pairKey(a, b))) continue;
        const ca = seen.get(a) ?? 0;
        const cb = seen.get(b) ?? 0;
        const repeatsLast = previous ? Number(previous.includes(a)) + Number(previous.includes(b)) : 0;
        // Lower is better, compared left to right.
        const score = [Math.max(ca, cb), ca + cb, repeatsLast];
        const order = bestScore ? compare(score, bestScore) : -1;
        if (order < 0) {
          best = [[a, b]];
          bestScore = score;
        } else if (order === 0) best.push([a, b]);
      }
    }
    const [a, b] = best[Math.floor(random() * best.length)] ?? best[0] ?? ['', ''];
    const pair: Pair = random() < 0.5 ? [a, b] : [b, a];
    used.add(pairKey(a, b));
    seen.set(a, (seen.get(a) ?? 0) + 1);
    seen.set(b, (seen.get(b) ?? 0) + 1);
    pairs.push(pair);
    previous = pair;
  }
  return pairs;
}

function compare(left: readonly number[], right: readonly number[]): number {
  for (let i = 0; i < left.length; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * A saved schedule read back from storage, if it still fits: every pair two different values
 * from `values`, none repeated, and `rounds` of them. Anything else gives `undefined`.
 */
export function restoredPairs(saved: unknown, values: readonly string[], rounds: number): Pair[] | undefined {
  if (!Array.isArray(saved) || saved.length !== rounds) return undefined;
  const known = new Set(values);
  const keys = new Set<string>();
  const pairs: Pair[] = [];
  for (const entry of saved as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [a, b] = entry as unknown[];
    if (typeof a !== 'string' || typeof b !== 'string' || a === b || !known.has(a) || !known.has(b)) return undefined;
    const key = pairKey(a, b);
    if (keys.has(key)) return undefined;
    keys.add(key);
    pairs.push([a, b]);
  }
  return pairs;
}
