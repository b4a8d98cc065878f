import { optionsOf, type Ballot } from './ballot.js';

/** How many ballots put each option first. */
export function firstPreferences(ballots: readonly Ballot[]): Map<string, number> {
  const counts = new Map(optionsOf(ballots).map((option) => [option, 0]));
  for (const { ranked } of ballots) {
    const first = ranked[0];
    if (first !== undefined) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return counts;
}
