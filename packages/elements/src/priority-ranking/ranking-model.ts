/**
 * The pure arithmetic of ranking: moving one value within an ordered list, choosing and
 * un-choosing a top few, and shuffling the starting order. No DOM, no Lit: every function
 * returns a new array and leaves its input alone.
 */

/** A position in a list of `length` items, clamped to the list. */
export function clampIndex(index: number, length: number): number {
  return Math.min(Math.max(index, 0), Math.max(length - 1, 0));
}

/** `order` with `value` moved to `to` (clamped); unchanged when `value` is not in it. */
export function moveTo(order: readonly string[], value: string, to: number): string[] {
  const from = order.indexOf(value);
  if (from === -1) return [...order];
  const next = order.filter((item) => item !== value);
  next.splice(clampIndex(to, order.length), 0, value);
  return next;
}

/** `order` with `value` moved `by` places (negative is towards the top). */
export function moveBy(order: readonly string[], value: string, by: number): string[] {
  const from = order.indexOf(value);
  return from === -1 ? [...order] : moveTo(order, value, from + by);
}

/**
 * Where a dragged row lands, as an index among all rows: the number of the other rows (given
 * top to bottom by their middles) that the pointer at `y` is below.
 */
export function insertionIndex(middles: readonly number[], y: number): number {
  return middles.filter((middle) => middle < y).length;
}

/** Whether `value` can move `by` places without leaving the list. */
export function canMove(order: readonly string[], value: string, by: number): boolean {
  const from = order.indexOf(value);
  if (from === -1) return false;
  const to = from + by;
  return to >= 0 && to < order.length;
}

/** The top list with `value` added at the end, unless it is already there or full. */
export function addToTop(top: readonly string[], value: string, max: number): string[] {
  if (top.includes(value) || top.length >= max) return [...top];
  return [...top, value];
}

export function removeFromTop(top: readonly string[], value: string): string[] {
  return top.filter((item) => item !== value);
}

/** A Fisher–Yates shuffle; `random` returns [0, 1) like Math.random. */
export function shuffled(values: readonly string[], random: () => number = Math.random): string[] {
  const result = [...values];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = result[i];
    const b = result[j];
    if (a === undefined || b === undefined) continue;
    result[i] = b;
    result[j] = a;
  }
  return result;
}

/** Whether two lists hold the same values, in any order, each once. */
export function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return set.size === a.length && b.every((value) => set.has(value));
}

/**
 * A saved order that still fits the options: every value one of them, each once.
 * Anything else (the author changed the options since) is dropped, so the person starts afresh.
 */
export function restoredSubset(saved: unknown, allowed: readonly string[]): string[] | undefined {
  if (!Array.isArray(saved)) return undefined;
  const set = new Set(allowed);
  const seen = new Set<string>();
  for (const value of saved) {
    if (typeof value !== 'string' || !set.has(value) || seen.has(value)) return undefined;
    seen.add(value);
  }
  return [...seen];
}
