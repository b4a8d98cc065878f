import { optionsOf, type Ballot } from './ballot.js';

/**
 * Borda score: on a ballot showing m options, the option in position p (1 = most
 * important) gets m − p points, so first gets m − 1 and last of a full ranking gets 0.
 * On a top-N ballot the N chosen options score the same way (first m − 1, the N-th
 * m − N) and every option shown but not chosen gets 0. An option not shown to a person
 * gets nothing from their ballot. Returns each option's total over all ballots.
 */
export function bordaScores(ballots: readonly Ballot[]): Map<string, number> {
  const scores = new Map(optionsOf(ballots).map((option) => [option, 0]));
  for (const { shown, ranked } of ballots) {
    const m = shown.length;
    ranked.forEach((option, index) => {
      scores.set(option, (scores.get(option) ?? 0) + (m - (index + 1)));
    });
  }
  return scores;
}
