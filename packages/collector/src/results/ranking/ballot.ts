/**
 * One person's ranked answer, as the rank and top methods read it: the options they were
 * shown, and the ones they put in order, most important first. For `rank` every option
 * shown is ranked; for `top` only the few chosen are.
 */
export interface Ballot {
  shown: readonly string[];
  ranked: readonly string[];
}

/** Code-point order: the same on every machine and locale, so ties always fall the same way. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every option any ballot showed, in code-point order. */
export function optionsOf(ballots: readonly { shown: readonly string[] }[]): string[] {
  const options = new Set<string>();
  for (const ballot of ballots) for (const option of ballot.shown) options.add(option);
  return [...options].sort(byText);
}
