import {
  RANKING_MODES,
  type PairwiseAnswer,
  type PointsAnswer,
  type PriorityRankingAnswer,
  type RankAnswer,
  type RankingMode,
  type TopAnswer,
} from '@participate/schema';
import { byText, optionsOf, type Ballot } from './ranking/ballot.js';
import { bordaScores } from './ranking/borda.js';
import { bradleyTerry } from './ranking/bradley-terry.js';
import { firstPreferences } from './ranking/first-preferences.js';
import { decidedOutcomes } from './ranking/pairwise.js';
import { pointsSummaries } from './ranking/points.js';
import { meanPositions } from './ranking/positions.js';
import { schulzeOrder } from './ranking/schulze.js';
import { winRates } from './ranking/win-rate.js';

/** A mode with too few responses to show: only how many there were. */
export interface SuppressedMode {
  responses: number;
  suppressed: true;
}

export interface RankedOption {
  option: string;
  /** Borda total: m − p points for position p of m shown; 0 when shown but not chosen (top). */
  borda: number;
  /** Responses that put it first. */
  firstPreferences: number;
  /** Responses that ranked it (top: that chose it). */
  ranked: number;
  /** Mean position (1 = most important) among the responses that ranked it; null when none did. */
  meanPosition: number | null;
  /** How many other options it beats by the Schulze method. */
  schulzeBeats: number;
}

/** `rank` and `top`: options in Schulze order. */
export interface RankedModeResults {
  responses: number;
  suppressed: false;
  options: RankedOption[];
}

export interface PointsOption {
  option: string;
  /** Responses that showed it: the denominator of mean and median. */
  shownTo: number;
  total: number;
  mean: number;
  median: number;
  /** Its points as a fraction of all points given. */
  share: number;
}

/** `points`: options by mean, highest first. */
export interface PointsModeResults {
  responses: number;
  suppressed: false;
  options: PointsOption[];
}

export interface PairwiseOption {
  option: string;
  comparisons: number;
  wins: number;
  losses: number;
  cantDecide: number;
  /** Wins over decided comparisons; null when it was never in a decided one. */
  winRate: number | null;
  /** Bradley–Terry strength; the strengths of a topic add up to 1. */
  strength: number;
}

/** `pairwise`: options by Bradley–Terry strength, strongest first. */
export interface PairwiseModeResults {
  responses: number;
  suppressed: false;
  /** Every comparison made, "can't decide" included. */
  comparisons: number;
  cantDecide: number;
  /** Responses from people who stopped before the last pair. */
  stoppedEarly: number;
  options: PairwiseOption[];
}

/** The `ranking` section of `GET /v1/results`; null in the body when the topic has no ranking answers. */
export interface RankingResults {
  /** Every ranking response counted (the latest of each `amends` chain), all modes together. */
  responses: number;
  /** The modes answered, in the schema's order. */
  modes: RankingMode[];
  rank: RankedModeResults | SuppressedMode | null;
  top: RankedModeResults | SuppressedMode | null;
  points: PointsModeResults | SuppressedMode | null;
  pairwise: PairwiseModeResults | SuppressedMode | null;
}

/** Four decimal places: enough to read, and the same digits every time for the ETag. */
export const round = (value: number): number => Math.round(value * 10_000) / 10_000;

function rankedModeResults(ballots: readonly Ballot[]): Omit<RankedModeResults, 'responses' | 'suppressed'> {
  const borda = bordaScores(ballots);
  const firsts = firstPreferences(ballots);
  const positions = meanPositions(ballots);
  const { order, beats } = schulzeOrder(ballots);
  return {
    options: order.map((option) => {
      const position = positions.get(option);
      return {
        option,
        borda: borda.get(option) ?? 0,
        firstPreferences: firsts.get(option) ?? 0,
        ranked: position?.ranked ?? 0,
        meanPosition: position?.meanPosition == null ? null : round(position.meanPosition),
        schulzeBeats: beats.get(option) ?? 0,
      };
    }),
  };
}

function pointsModeResults(answers: readonly PointsAnswer[]): Omit<PointsModeResults, 'responses' | 'suppressed'> {
  const summaries = [...pointsSummaries(answers)].map(([option, summary]) => ({
    option,
    shownTo: summary.shownTo,
    total: summary.total,
    mean: round(summary.mean),
    median: summary.median,
    share: round(summary.share),
  }));
  return { options: summaries.sort((a, b) => b.mean - a.mean || byText(a.option, b.option)) };
}

function pairwiseModeResults(
  answers: readonly PairwiseAnswer[],
): Omit<PairwiseModeResults, 'responses' | 'suppressed'> {
  const comparisons = answers.flatMap((answer) => answer.comparisons);
  const options = optionsOf(answers);
  const rates = winRates(comparisons);
  const strengths = bradleyTerry(options, decidedOutcomes(comparisons));
  const rows = options.map((option) => {
    const rate = rates.get(option);
    return {
      option,
      comparisons: rate?.comparisons ?? 0,
      wins: rate?.wins ?? 0,
      losses: rate?.losses ?? 0,
      cantDecide: rate?.cantDecide ?? 0,
      winRate: rate?.winRate == null ? null : round(rate.winRate),
      strength: round(strengths.get(option) ?? 0),
    };
  });
  return {
    comparisons: comparisons.length,
    cantDecide: comparisons.filter((comparison) => comparison.choice === 'cant-decide').length,
    stoppedEarly: answers.filter((answer) => answer.stoppedEarly).length,
    options: rows.sort((a, b) => b.strength - a.strength || byText(a.option, b.option)),
  };
}

/** Results for one mode, or only its count when it has fewer than `minGroupSize` responses; null when none. */
function modeResults<A, R>(
  answers: readonly A[],
  minGroupSize: number,
  results: (answers: readonly A[]) => R,
): (R & { responses: number; suppressed: false }) | SuppressedMode | null {
  if (answers.length === 0) return null;
  if (answers.length < minGroupSize) return { responses: answers.length, suppressed: true };
  return { responses: answers.length, suppressed: false, ...results(answers) };
}

/**
 * A topic's ranking answers as public results, mode by mode. Deterministic: the same
 * answers in the same order give the same body, key for key; figures are rounded to four
 * decimal places.
 */
export function rankingResults(answers: readonly PriorityRankingAnswer[], minGroupSize: number): RankingResults | null {
  if (answers.length === 0) return null;
  const ofMode = <M extends RankingMode>(mode: M) =>
    answers.filter((answer): answer is Extract<PriorityRankingAnswer, { mode: M }> => answer.mode === mode);
  const rank = ofMode('rank');
  const top = ofMode('top');
  const points = ofMode('points');
  const pairwise = ofMode('pairwise');
  return {
    responses: answers.length,
    modes: RANKING_MODES.filter((mode) => answers.some((answer) => answer.mode === mode)),
    rank: modeResults(rank, minGroupSize, (ranked: readonly RankAnswer[]) =>
      rankedModeResults(ranked.map(({ shown, order }) => ({ shown, ranked: order }))),
    ),
    top: modeResults(top, minGroupSize, (chosen: readonly TopAnswer[]) =>
      rankedModeResults(chosen.map(({ shown, top: ranked }) => ({ shown, ranked }))),
    ),
    points: modeResults(points, minGroupSize, pointsModeResults),
    pairwise: modeResults(pairwise, minGroupSize, pairwiseModeResults),
  };
}
