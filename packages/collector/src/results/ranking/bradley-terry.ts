import type { PairwiseOutcome } from './pairwise.js';

export interface BradleyTerryOptions {
  /**
   * Pretend comparisons, spread evenly: each option is given `prior` of a win and `prior`
   * of a loss in all, shared equally among the other options (so every ordered pair gets
   * prior / (k − 1) wins). Keeps strengths finite for options that never lost or never
   * won, and links options never compared with each other. 0 turns it off.
   */
  prior?: number;
  /** Stop when no strength moves by more than this fraction of itself. */
  tolerance?: number;
  maxIterations?: number;
}

/** Half a win and half a loss per option: small beside real data, enough to keep every strength finite. */
export const DEFAULT_PRIOR = 0.5;

/**
 * Bradley–Terry strengths: the chance that X is chosen over Y is s(X) / (s(X) + s(Y)).
 * Fitted by the minorise–maximise iteration of Hunter (2004):
 *   s(i) ← W(i) / Σ_j n(i,j) / (s(i) + s(j))
 * with W(i) the wins of i and n(i,j) the comparisons of i with j, prior included; after
 * each round the strengths are scaled to add up to 1. `options` fixes which options are
 * fitted (an option with no data at all and no prior is left at 1/k).
 */
export function bradleyTerry(
  options: readonly string[],
  outcomes: readonly PairwiseOutcome[],
  { prior = DEFAULT_PRIOR, tolerance = 1e-12, maxIterations = 10_000 }: BradleyTerryOptions = {},
): Map<string, number> {
  const k = options.length;
  const index = new Map(options.map((option, i) => [option, i]));
  // wins[i * k + j]: times i was chosen over j, plus the prior; kept flat, row by row. The
  // diagonal cells, at multiples of k + 1, stay 0: an option is never compared with itself.
  const wins = Float64Array.from({ length: k * k }, (_, at) => (at % (k + 1) === 0 ? 0 : prior / (k - 1)));
  for (const { winner, loser } of outcomes) {
    const i = index.get(winner) ?? -1;
    const j = index.get(loser) ?? -1;
    // An outcome naming an option not fitted, or an option against itself, says nothing.
    if (j < 0 || i === j) continue;
    // Stryker disable next-line ConditionalExpression: with i below 0 the cell is below 0 too, and a typed array ignores the write; the check says what is meant.
    if (i < 0) continue;
    wins[i * k + j] = (wins[i * k + j] ?? 0) + 1;
  }
  const w = (i: number, j: number) => wins[i * k + j] ?? 0;
  const totalWins = options.map((_, i) => options.reduce((sum, _option, j) => sum + w(i, j), 0));

  let strengths = options.map(() => 1 / k);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const next = strengths.map((s, i) => {
      let denominator = 0;
      for (let j = 0; j < k; j++) {
        const games = w(i, j) + w(j, i);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: a pair that never met adds 0 / (s(i) + s(j)), NaN only when both are 0; an option at 0 never won, and keeps 0 either way.
        if (games > 0) denominator += games / (s + (strengths[j] ?? 0));
      }
      return denominator > 0 ? (totalWins[i] ?? 0) / denominator : s;
    });
    // Never 0: an option with games and a win keeps a strength above 0, and one without
    // games keeps its own; games mean someone won.
    const sum = next.reduce((total, s) => total + s, 0);
    const scaled = next.map((s) => s / sum);
    const moved = scaled.some((s, i) => Math.abs(s - (strengths[i] ?? 0)) > tolerance * Math.max(s, 1e-300));
    strengths = scaled;
    if (!moved) break;
  }
  return new Map(options.map((option, i) => [option, strengths[i] ?? 0]));
}
