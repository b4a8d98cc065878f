import { byText, optionsOf, type Ballot } from './ballot.js';

export interface SchulzeResult {
  /** Every option, best first: by how many others each beats on strongest paths, ties in code-point order. */
  order: string[];
  /** How many other options each option beats on strongest paths. */
  beats: Map<string, number>;
}

/**
 * On one ballot, the place of each option it shows: its position when ranked, and one
 * place below the last ranked for every option shown but not ranked (they tie there).
 */
function placesOn({ shown, ranked }: Ballot): Map<string, number> {
  const places = new Map<string, number>();
  for (const option of shown) places.set(option, ranked.length);
  ranked.forEach((option, index) => places.set(option, index));
  return places;
}

/**
 * The Schulze method (Markus Schulze, 2011). d[X][Y] counts ballots that place X above Y;
 * a ranked option is above every unranked one, unranked options tie, and a ballot says
 * nothing about an option it did not show. A path's strength is its weakest link, a link
 * X→Y being d[X][Y] when more prefer X to Y than Y to X (else no link); X beats Y when the
 * strongest path X→Y is stronger than the strongest Y→X. That relation is transitive, so
 * ordering by the number of options beaten gives the Schulze order; options neither of
 * which beats the other come out in code-point order.
 */
export function schulzeOrder(ballots: readonly Ballot[]): SchulzeResult {
  const options = optionsOf(ballots);
  const n = options.length;
  const index = new Map(options.map((option, i) => [option, i]));
  const d = options.map(() => new Array<number>(n).fill(0));

  for (const ballot of ballots) {
    const places = [...placesOn(ballot)].map(([option, place]) => [index.get(option) ?? -1, place] as const);
    for (const [x, placeX] of places) {
      for (const [y, placeY] of places) {
        const row = d[x];
        if (row !== undefined && placeX < placeY) row[y] = (row[y] ?? 0) + 1;
      }
    }
  }

  const at = (matrix: number[][], i: number, j: number) => matrix[i]?.[j] ?? 0;
  const p = options.map((_, i) => options.map((_, j) => (i !== j && at(d, i, j) > at(d, j, i) ? at(d, i, j) : 0)));
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const through = Math.min(at(p, i, k), at(p, k, j));
        const row = p[i];
        if (row !== undefined && through > at(p, i, j)) row[j] = through;
      }
    }
  }

  const beats = new Map(
    options.map((option, i) => [option, options.filter((_, j) => j !== i && at(p, i, j) > at(p, j, i)).length]),
  );
  const order = [...options].sort((a, b) => (beats.get(b) ?? 0) - (beats.get(a) ?? 0) || byText(a, b));
  return { order, beats };
}
