import { roundToBase } from '../disclosure/counts.js';
import { byText, optionsOf, type Ballot } from './ballot.js';

export interface SchulzeResult {
  /** Every option, best first: by how many others each beats on strongest paths, ties in code-point order. */
  order: string[];
  /** How many other options each option beats on strongest paths. */
  beats: Map<string, number>;
}

/**
 * The Schulze method (Markus Schulze, 2011). d[X][Y] counts ballots that place X above Y;
 * a ranked option is above every unranked one, unranked options tie, and a ballot says
 * nothing about an option it did not show. A path's strength is its weakest link, a link
 * X→Y being d[X][Y] when more prefer X to Y than Y to X (else no link); X beats Y when the
 * strongest path X→Y is stronger than the strongest Y→X. That relation is transitive, so
 * ordering by the number of options beaten gives the Schulze order; options neither of
 * which beats the other come out in code-point order. With `roundTo`, each d[X][Y] is first
 * rounded to the nearest multiple of it.
 */
export function schulzeOrder(ballots: readonly Ballot[], { roundTo = 1 }: { roundTo?: number } = {}): SchulzeResult {
  const options = optionsOf(ballots);
  const n = options.length;
  const index = new Map(options.map((option, i) => [option, i]));
  // Square matrices kept flat, row by row: cell (i, j) is at i * n + j. Thousands of ballots
  // of dozens of options make this loop the bulk of the results' work.
  const d = new Float64Array(n * n);
  const cell = (matrix: Float64Array, i: number, j: number) => matrix[i * n + j] ?? 0;
  const count = (at: number) => (d[at] = (d[at] ?? 0) + 1);

  const isRanked = new Uint8Array(n);
  for (const { shown, ranked } of ballots) {
    // Each ranked option is above those ranked after it and above every option shown but
    // not ranked; those tie with one another.
    const above = ranked.map((option) => index.get(option) ?? 0);
    for (const i of above) isRanked[i] = 1;
    const unranked = shown.map((option) => index.get(option) ?? 0).filter((i) => isRanked[i] === 0);
    for (const i of above) isRanked[i] = 0;
    for (let a = 0; a < above.length; a++) {
      const row = (above[a] ?? 0) * n;
      for (let b = a + 1; b < above.length; b++) count(row + (above[b] ?? 0));
      for (const below of unranked) count(row + below);
    }
  }

  // Published results work from pair counts rounded as every other count is (see disclosure/).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only skips work — roundToBase keeps counts as they are for a base of 1, and a typed array drops a write past its end.
  if (roundTo > 1) for (let at = 0; at < d.length; at++) d[at] = roundToBase(d[at] ?? 0, roundTo);

  const p = new Float64Array(n * n);
  // No ballot puts an option above itself, so the diagonal of d is 0 both ways and gets no link.
  // Stryker disable next-line EqualityOperator: a row past the last reads as 0 from the typed array, so it sets no link.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (cell(d, i, j) > cell(d, j, i)) p[i * n + j] = cell(d, i, j);
  }
  // The skips and bounds below only save work: a path through a cell past the end or on the
  // diagonal is 0 and never stronger, the diagonal is never read, and an equal path changes nothing.
  // Stryker disable next-line EqualityOperator
  for (let k = 0; k < n; k++) {
    // Stryker disable next-line EqualityOperator
    for (let i = 0; i < n; i++) {
      // Stryker disable next-line ConditionalExpression
      if (i === k) continue;
      for (let j = 0; j < n; j++) {
        // Stryker disable next-line ConditionalExpression,LogicalOperator
        if (j === i || j === k) continue;
        const through = Math.min(cell(p, i, k), cell(p, k, j));
        // Stryker disable next-line EqualityOperator
        if (through > cell(p, i, j)) p[i * n + j] = through;
      }
    }
  }

  // An option does not beat itself: its diagonal cell is 0 both ways.
  const beats = new Map(
    options.map((option, i) => [option, options.filter((_, j) => cell(p, i, j) > cell(p, j, i)).length]),
  );
  const order = [...options].sort((a, b) => (beats.get(b) ?? 0) - (beats.get(a) ?? 0) || byText(a, b));
  return { order, beats };
}
