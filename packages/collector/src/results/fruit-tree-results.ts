import {
  EFFORTS,
  EFFORT_FILTERS,
  FRUIT_TREE_VIEWS,
  type Effort,
  type EffortFilter,
  type FruitTreeAnswer,
  type FruitTreeView,
} from '@participate/schema';
import type { FruitTreeAnswerRow } from './answers.js';
import { byText } from './ranking/ballot.js';

/** Too few answers to show: only how many there were. */
export interface SuppressedFruitTree {
  responses: number;
  suppressed: true;
}

export interface FruitCount {
  fruit: string;
  branch: string;
  effort: Effort;
  /** People who chose it. */
  people: number;
}

export interface BranchCount {
  branch: string;
  /** People who chose at least one fruit on it. */
  people: number;
  /** Fruits chosen on it, all people together. */
  fruits: number;
}

export interface BranchesPerPerson {
  /** How many different branches… */
  branches: number;
  /** …this many people chose fruits on. */
  people: number;
}

/** The `fruitTree` section of `GET /v1/results`: what mix of involvement people chose. */
export interface FruitTreeResults {
  /** People counted: the latest response of each `amends` chain. */
  responses: number;
  suppressed: false;
  /** Each fruit chosen, most often chosen first. */
  fruits: FruitCount[];
  /** Each branch chosen on, most people first. Branches have no order of their own. */
  branches: BranchCount[];
  /** From 1 to the most branches anyone chose, every number listed, 0 people included. */
  branchesPerPerson: BranchesPerPerson[];
  /** Fruits chosen, by the effort each asks. */
  efforts: Record<Effort, number>;
  /** People, by the "How much time can you give?" filter set when they sent their answer. */
  effortFilters: Record<EffortFilter, number>;
  /** People, by the view they answered in. */
  views: Record<FruitTreeView, number>;
  /** People who gave contact details with their answer. Never the details. */
  contactGiven: number;
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Most first, ties in code-point order of `name`: the same answers always give the same body. */
const byCountThen =
  <T>(count: (item: T) => number, ...names: ((item: T) => string)[]) =>
  (a: T, b: T): number => {
    const difference = count(b) - count(a);
    if (difference !== 0) return difference;
    for (const name of names) {
      const order = byText(name(a), name(b));
      if (order !== 0) return order;
    }
    return 0;
  };

/** A fruit is counted by its branch and effort too: a tree changed between answers shows each placing. */
function fruitCounts(answers: readonly FruitTreeAnswer[]): FruitCount[] {
  const counts = new Map<string, FruitCount>();
  for (const { chosen } of answers) {
    for (const { fruit, branch, effort } of chosen) {
      const key = JSON.stringify([fruit, branch, effort]);
      const count = counts.get(key) ?? { fruit, branch, effort, people: 0 };
      count.people += 1;
      counts.set(key, count);
    }
  }
  return [...counts.values()].sort(
    byCountThen(
      (count) => count.people,
      (count) => count.fruit,
      (count) => count.branch,
      (count) => count.effort,
    ),
  );
}

function branchCounts(answers: readonly FruitTreeAnswer[]): BranchCount[] {
  const counts = new Map<string, BranchCount>();
  for (const { chosen } of answers) {
    const branches = new Set(chosen.map((choice) => choice.branch));
    for (const branch of branches) {
      const count = counts.get(branch) ?? { branch, people: 0, fruits: 0 };
      count.people += 1;
      count.fruits += chosen.filter((choice) => choice.branch === branch).length;
      counts.set(branch, count);
    }
  }
  return [...counts.values()].sort(
    byCountThen(
      (count) => count.people,
      (count) => count.branch,
    ),
  );
}

function branchesPerPerson(answers: readonly FruitTreeAnswer[]): BranchesPerPerson[] {
  const people = new Map<number, number>();
  let most = 0;
  for (const { chosen } of answers) {
    const branches = new Set(chosen.map((choice) => choice.branch)).size;
    people.set(branches, (people.get(branches) ?? 0) + 1);
    most = Math.max(most, branches);
  }
  return Array.from({ length: most }, (_, index) => ({
    branches: index + 1,
    people: people.get(index + 1) ?? 0,
  }));
}

/**
 * A topic's fruit-tree answers as public results, or only their number when there are
 * fewer than `minGroupSize` (as each ranking mode and each month of feedback is); null
 * when there are none. Deterministic: the same answers give the same body, key for key,
 * whatever order they come in.
 */
export function fruitTreeResults(
  rows: readonly FruitTreeAnswerRow[],
  minGroupSize: number,
): FruitTreeResults | SuppressedFruitTree | null {
  if (rows.length === 0) return null;
  if (rows.length < minGroupSize) return { responses: rows.length, suppressed: true };
  const answers = rows.map((row) => row.answer);
  const efforts = zeroes(EFFORTS);
  const effortFilters = zeroes(EFFORT_FILTERS);
  const views = zeroes(FRUIT_TREE_VIEWS);
  for (const answer of answers) {
    for (const { effort } of answer.chosen) efforts[effort] += 1;
    effortFilters[answer.effortFilter] += 1;
    views[answer.view] += 1;
  }
  return {
    responses: rows.length,
    suppressed: false,
    fruits: fruitCounts(answers),
    branches: branchCounts(answers),
    branchesPerPerson: branchesPerPerson(answers),
    efforts,
    effortFilters,
    views,
    contactGiven: rows.filter((row) => row.contactGiven).length,
  };
}
