import type { PairwiseAnswer, PriorityRankingAnswer } from '@participate/schema';
import { bradleyTerry } from '../ranking/bradley-terry.js';
import { byText, type Ballot } from '../ranking/ballot.js';
import { schulzeOrder } from '../ranking/schulze.js';
import { decidedOutcomes, type PairwiseOutcome } from '../ranking/pairwise.js';
import {
  round,
  type PairwiseModeResults,
  type PointsModeResults,
  type RankedModeResults,
  type RankingResults,
  type SuppressedMode,
} from '../ranking-results.js';
import { publish, publishPartition, roundToBase, type DisclosurePolicy, type Published } from './counts.js';

/** A mode with too few responses to show: not even how many, which padding would use. */
export interface HiddenMode {
  suppressed: true;
}

type Shown<Mode> = Omit<Mode, 'responses' | 'options'> & { responses: Published };

export interface PublishedRankedOption {
  option: string;
  /** Borda points, rounded: points, not people, so never hidden. */
  borda: number;
  firstPreferences: Published;
  ranked: Published;
  /** Worked out from the rounded total of positions and the rounded `ranked`. */
  meanPosition: number | null;
  schulzeBeats: number;
}

export interface PublishedPointsOption {
  option: string;
  shownTo: Published;
  /** Points given, rounded. */
  total: number;
  /** Rounded total over rounded `shownTo`. */
  mean: number | null;
  /** Rounded total over every option's rounded total. */
  share: number;
}

export interface PublishedPairwiseOption {
  option: string;
  comparisons: Published;
  wins: Published;
  losses: Published;
  cantDecide: Published;
  winRate: number | null;
  /** Bradley–Terry strength fitted to the rounded count of each pair's outcomes. */
  strength: number;
}

export interface PublishedRanking {
  /** Every mode together; hidden when a hidden mode would follow from it. */
  responses: Published;
  modes: RankingResults['modes'];
  rank: (Shown<RankedModeResults> & { options: PublishedRankedOption[] }) | HiddenMode | null;
  top: (Shown<RankedModeResults> & { options: PublishedRankedOption[] }) | HiddenMode | null;
  points: (Shown<PointsModeResults> & { options: PublishedPointsOption[] }) | HiddenMode | null;
  pairwise:
    | (Omit<Shown<PairwiseModeResults>, 'comparisons' | 'cantDecide' | 'stoppedEarly'> & {
        comparisons: Published;
        cantDecide: Published;
        stoppedEarly: Published;
        options: PublishedPairwiseOption[];
      })
    | HiddenMode
    | null;
}

/** The ballots of the rank or top answers, as the Schulze method reads them. */
function ballotsOf(answers: readonly PriorityRankingAnswer[], mode: 'rank' | 'top'): Ballot[] {
  return answers.flatMap((answer) => {
    if (answer.mode === 'rank' && mode === 'rank') return [{ shown: answer.shown, ranked: answer.order }];
    if (answer.mode === 'top' && mode === 'top') return [{ shown: answer.shown, ranked: answer.top }];
    return [];
  });
}

/** Rounded positions over rounded people can stray past the ends; a mean position cannot. */
function meanPosition(positions: number, people: Published, options: number): number | null {
  const mean = ratio(positions, people);
  return mean === null ? null : Math.min(options, Math.max(1, mean));
}

const ratio = (part: number, whole: Published): number | null => (whole ? round(part / whole) : null);

function ranked(exact: RankedModeResults, ballots: readonly Ballot[], policy: DisclosurePolicy) {
  // Each response has one first preference: together they add up to the responses shown.
  const firsts = publishPartition(
    exact.options.map((option) => option.firstPreferences),
    policy,
  );
  // The order too comes from rounded counts: the exact one could tell hidden ballots apart.
  const { order, beats } = schulzeOrder(ballots, { roundTo: policy.roundTo });
  const place = new Map(order.map((option, index) => [option, index]));
  return {
    responses: publish(exact.responses, policy),
    suppressed: false as const,
    options: exact.options
      .map((option, index): PublishedRankedOption => {
        const shownRanked = publish(option.ranked, policy);
        const positions = option.meanPosition === null ? 0 : Math.round(option.meanPosition * option.ranked);
        return {
          option: option.option,
          borda: roundToBase(option.borda, policy.roundTo),
          firstPreferences: firsts[index] ?? null,
          ranked: shownRanked,
          meanPosition: meanPosition(roundToBase(positions, policy.roundTo), shownRanked, exact.options.length),
          schulzeBeats: beats.get(option.option) ?? 0,
        };
      })
      .sort((a, b) => (place.get(a.option) ?? 0) - (place.get(b.option) ?? 0)),
  };
}

function points(exact: PointsModeResults, policy: DisclosurePolicy) {
  const totals = exact.options.map((option) => roundToBase(option.total, policy.roundTo));
  const allPoints = totals.reduce((sum, total) => sum + total, 0);
  const options = exact.options.map((option, index): PublishedPointsOption => {
    const shownTo = publish(option.shownTo, policy);
    const total = totals[index] ?? 0;
    return {
      option: option.option,
      shownTo,
      total,
      mean: ratio(total, shownTo),
      share: allPoints ? round(total / allPoints) : 0,
    };
  });
  return {
    responses: publish(exact.responses, policy),
    suppressed: false as const,
    options: options.sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || byText(a.option, b.option)),
  };
}

/** Each ordered pair's decided outcomes, its count rounded: what the public strengths are fitted to. */
function roundedOutcomes(answers: readonly PairwiseAnswer[], roundTo: number): PairwiseOutcome[] {
  const counts = new Map<string, { outcome: PairwiseOutcome; count: number }>();
  for (const outcome of decidedOutcomes(answers.flatMap((answer) => answer.comparisons))) {
    const key = JSON.stringify([outcome.winner, outcome.loser]);
    const known = counts.get(key) ?? { outcome, count: 0 };
    known.count += 1;
    counts.set(key, known);
  }
  return [...counts.values()].flatMap(({ outcome, count }) =>
    Array.from({ length: roundToBase(count, roundTo) }, () => outcome),
  );
}

function pairwise(exact: PairwiseModeResults, answers: readonly PairwiseAnswer[], policy: DisclosurePolicy) {
  const strengths = bradleyTerry(
    exact.options.map((option) => option.option),
    roundedOutcomes(answers, policy.roundTo),
  );
  const options = exact.options.map((option): PublishedPairwiseOption => {
    const [wins = null, losses = null, cantDecide = null] = publishPartition(
      [option.wins, option.losses, option.cantDecide],
      policy,
    );
    const decided = wins === null || losses === null ? null : wins + losses;
    return {
      option: option.option,
      comparisons: publish(option.comparisons, policy),
      wins,
      losses,
      cantDecide,
      winRate: decided ? round((wins ?? 0) / decided) : null,
      strength: round(strengths.get(option.option) ?? 0),
    };
  });
  return {
    responses: publish(exact.responses, policy),
    suppressed: false as const,
    comparisons: publish(exact.comparisons, policy),
    cantDecide: publish(exact.cantDecide, policy),
    stoppedEarly: publish(exact.stoppedEarly, policy),
    options: options.sort((a, b) => b.strength - a.strength || byText(a.option, b.option)),
  };
}

const mode = <Exact extends { suppressed: false }, Public>(
  exact: Exact | SuppressedMode | null,
  show: (exact: Exact) => Public,
): Public | HiddenMode | null => (exact === null ? null : exact.suppressed ? { suppressed: true } : show(exact));

/** The ranking's public figures, from its exact results and, for orders and strengths, its answers. */
export function publishRanking(
  exact: RankingResults | null,
  answers: readonly PriorityRankingAnswer[],
  policy: DisclosurePolicy,
): PublishedRanking | null {
  if (exact === null) return null;
  const modes = [exact.rank, exact.top, exact.points, exact.pairwise].filter((found) => found !== null);
  // One hidden mode beside shown ones would be the total less the others.
  const oneHidden = modes.filter((found) => found.suppressed).length === 1 && modes.length > 1;
  return {
    responses: oneHidden ? null : publish(exact.responses, policy),
    modes: exact.modes,
    rank: mode(exact.rank, (found) => ranked(found, ballotsOf(answers, 'rank'), policy)),
    top: mode(exact.top, (found) => ranked(found, ballotsOf(answers, 'top'), policy)),
    points: mode(exact.points, (found) => points(found, policy)),
    pairwise: mode(exact.pairwise, (found) =>
      pairwise(
        found,
        answers.filter((answer): answer is PairwiseAnswer => answer.mode === 'pairwise'),
        policy,
      ),
    ),
  };
}
