import type { Effort, EffortFilter, FruitTreeView } from '@participate/schema';
import type { FruitTreeResults, SuppressedFruitTree } from '../fruit-tree-results.js';
import {
  byPublishedCount,
  publish,
  publishPartition,
  publishRecord,
  type DisclosurePolicy,
  type Published,
} from './counts.js';

export interface PublishedFruitTree {
  responses: Published;
  suppressed: false;
  /** Fruits chosen by too few people to show are left out: that anyone chose them is telling. */
  fruits: { fruit: string; branch: string; effort: Effort; people: number }[];
  /** Likewise branches. */
  branches: { branch: string; people: number; fruits: Published }[];
  /** From 1 to the most branches that enough people chose fruits on to show. */
  branchesPerPerson: { branches: number; people: Published }[];
  efforts: Record<Effort, Published>;
  effortFilters: Record<EffortFilter, Published>;
  views: Record<FruitTreeView, Published>;
  contactGiven: Published;
}

/** Too few people to show: not even how many. */
export interface HiddenFruitTree {
  suppressed: true;
}

/**
 * The fruits on each branch add up to the branch's count of fruits, which is shown: within
 * each branch they are published as a partition, so a hidden fruit never follows from it.
 */
function fruitsByBranch(exact: FruitTreeResults, policy: DisclosurePolicy): Published[] {
  const published: Published[] = exact.fruits.map(() => null);
  for (const { branch } of exact.branches) {
    const onBranch = exact.fruits.flatMap((fruit, index) => (fruit.branch === branch ? [index] : []));
    const shown = publishPartition(
      onBranch.map((index) => exact.fruits[index]?.people ?? 0),
      policy,
    );
    onBranch.forEach((index, position) => (published[index] = shown[position] ?? null));
  }
  return published;
}

/** The rows up to the last one shown: how many branches the keenest few chose is telling. */
function withoutHiddenTail<Row extends { people: Published }>(rows: Row[]): Row[] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1]?.people ?? null) === null) end -= 1;
  return rows.slice(0, end);
}

/** The fruit tree's public figures: a hidden tree says nothing, a shown one is rounded. */
export function publishFruitTree(
  exact: FruitTreeResults | SuppressedFruitTree | null,
  policy: DisclosurePolicy,
): PublishedFruitTree | HiddenFruitTree | null {
  if (exact === null) return null;
  if (exact.suppressed) return { suppressed: true };
  const fruitPeople = fruitsByBranch(exact, policy);
  const perPerson = publishPartition(
    exact.branchesPerPerson.map((row) => row.people),
    policy,
  );
  return {
    responses: publish(exact.responses, policy),
    suppressed: false,
    fruits: exact.fruits
      .flatMap(({ fruit, branch, effort }, index) => {
        const people = fruitPeople[index] ?? null;
        return people === null ? [] : [{ fruit, branch, effort, people }];
      })
      .sort(
        byPublishedCount(
          (item) => item.people,
          (item) => `${item.fruit}\u0000${item.branch}\u0000${item.effort}`,
        ),
      ),
    branches: exact.branches
      .flatMap(({ branch, people, fruits }) => {
        const shown = publish(people, policy);
        return shown === null ? [] : [{ branch, people: shown, fruits: publish(fruits, policy) }];
      })
      .sort(
        byPublishedCount(
          (item) => item.people,
          (item) => item.branch,
        ),
      ),
    branchesPerPerson: withoutHiddenTail(
      exact.branchesPerPerson.map(({ branches }, index) => ({ branches, people: perPerson[index] ?? null })),
    ),
    efforts: publishRecord(exact.efforts, policy),
    effortFilters: publishRecord(exact.effortFilters, policy),
    views: publishRecord(exact.views, policy),
    contactGiven: publish(exact.contactGiven, policy),
  };
}
