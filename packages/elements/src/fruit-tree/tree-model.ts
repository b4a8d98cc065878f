import { EFFORTS, type Effort, type EffortFilter } from '@participate/schema/vocabulary';
import type { FruitChoice } from '@participate/schema';

/**
 * The participation tree as data, and the pure arithmetic of choosing from it. No DOM, no
 * Lit. Branches are kept in the order given, but nothing here ranks one above another.
 */

/** A concrete way to be involved. */
export interface Fruit {
  value: string;
  label: string;
  /** What it involves, in a sentence or two. */
  description?: string;
  /** A longer explanation, shown in an info popover ("What does a governor do?"). */
  info?: string;
  effort: Effort;
  /** Choosing it means the organisation must be able to reach the person. */
  needsContact: boolean;
}

/** A kind of involvement, holding its fruits. */
export interface Branch {
  value: string;
  label: string;
  fruits: Fruit[];
}

/** A fruit with the branch it hangs on. */
export interface PlacedFruit extends Fruit {
  branch: string;
}

export function allFruits(branches: readonly Branch[]): PlacedFruit[] {
  return branches.flatMap((branch) => branch.fruits.map((fruit) => ({ ...fruit, branch: branch.value })));
}

export function isEffort(value: string | null | undefined): value is Effort {
  return (EFFORTS as readonly (string | null | undefined)[]).includes(value);
}

/**
 * Whether a fruit is shown under "How much time can you give?": everything for `any`,
 * else what takes no more than the time given. A fruit already chosen always stays.
 */
export function isVisible(fruit: Fruit, filter: EffortFilter, chosen: ReadonlySet<string>): boolean {
  if (filter === 'any' || chosen.has(fruit.value)) return true;
  return EFFORTS.indexOf(fruit.effort) <= EFFORTS.indexOf(filter);
}

/** The chosen fruits, each once, in the tree's own order. */
export function chosenFruits(branches: readonly Branch[], chosen: ReadonlySet<string>): PlacedFruit[] {
  return allFruits(branches).filter((fruit) => chosen.has(fruit.value));
}

/** The branches with at least one chosen fruit, each with only those fruits. */
export function chosenByBranch(branches: readonly Branch[], chosen: ReadonlySet<string>): Branch[] {
  return branches
    .map((branch) => ({ ...branch, fruits: branch.fruits.filter((fruit) => chosen.has(fruit.value)) }))
    .filter((branch) => branch.fruits.length > 0);
}

/** Whether any chosen fruit needs a way to reach the person. */
export function needsContact(branches: readonly Branch[], chosen: ReadonlySet<string>): boolean {
  return chosenFruits(branches, chosen).some((fruit) => fruit.needsContact);
}

/** The answer's `chosen`: fruit, branch and effort, without the words. */
export function choices(branches: readonly Branch[], chosen: ReadonlySet<string>): FruitChoice[] {
  return chosenFruits(branches, chosen).map(({ value, branch, effort }) => ({ fruit: value, branch, effort }));
}

/**
 * Adds `extra` branches to `base`: a branch with a value already in `base` adds its fruits
 * to that branch (a fruit with a value already there replaces it); others are added.
 */
export function mergeTrees(base: readonly Branch[], extra: readonly Branch[]): Branch[] {
  const merged = base.map((branch) => ({ ...branch, fruits: [...branch.fruits] }));
  for (const branch of extra) {
    const existing = merged.find((candidate) => candidate.value === branch.value);
    if (!existing) {
      merged.push({ ...branch, fruits: [...branch.fruits] });
      continue;
    }
    for (const fruit of branch.fruits) {
      const at = existing.fruits.findIndex((candidate) => candidate.value === fruit.value);
      if (at === -1) existing.fruits.push(fruit);
      else existing.fruits[at] = fruit;
    }
  }
  return merged;
}

/** Chosen values read back from a draft: only those still offered. */
export function restoredChoices(saved: unknown, branches: readonly Branch[]): Set<string> {
  if (!Array.isArray(saved)) return new Set();
  const offered = new Set(allFruits(branches).map((fruit) => fruit.value));
  return new Set(
    (saved as unknown[]).filter((value): value is string => typeof value === 'string' && offered.has(value)),
  );
}
