/**
 * Statistical disclosure control for counts, as NHS England and the ONS publish with: a count
 * under the threshold is not shown, the rest are rounded to a base, and where hidden counts add
 * up to a total that is shown, more are hidden so that none follows by subtraction.
 */
export interface DisclosurePolicy {
  /** Counts from 1 up to this minus one are not shown (nor are groups of fewer people). */
  minGroupSize: number;
  /** Counts shown are rounded to the nearest multiple of this (halves up); 1 shows them exactly. */
  roundTo: number;
}

/** A count as published: rounded, or null when too small to show. Zero stays zero: it names nobody. */
export type Published = number | null;

export function roundToBase(count: number, base: number): number {
  return base <= 1 ? count : Math.floor((count + base / 2) / base) * base;
}

export function publish(count: number, { minGroupSize, roundTo }: DisclosurePolicy): Published {
  if (count > 0 && count < minGroupSize) return null;
  return roundToBase(count, roundTo);
}

/**
 * Counts that add up to a total shown beside them (yes + no = answers; the six FFT ratings),
 * published so that no hidden one follows from the total. Where any is hidden, so is every
 * other under the threshold, zeros too: which of them is empty would tell. Then, while
 * exactly one is hidden, the smallest other count is hidden too. `exact` and the result are
 * in the same order.
 */
export function publishPartition(exact: readonly number[], policy: DisclosurePolicy): Published[] {
  let published = exact.map((count) => publish(count, policy));
  if (published.includes(null)) {
    published = exact.map((count, index) => (count < policy.minGroupSize ? null : (published[index] ?? null)));
  }
  for (;;) {
    const hidden = published.filter((count) => count === null).length;
    if (hidden !== 1) return published;
    let smallest = -1;
    exact.forEach((count, index) => {
      if (published[index] === null) return;
      if (smallest === -1 || count < (exact[smallest] ?? Infinity)) smallest = index;
    });
    if (smallest === -1) return published;
    published[smallest] = null;
  }
}

/** `publishPartition` over the values of a record, keeping its keys. */
export function publishRecord<K extends string>(
  exact: Record<K, number>,
  policy: DisclosurePolicy,
): Record<K, Published> {
  const keys = Object.keys(exact) as K[];
  const published = publishPartition(
    keys.map((key) => exact[key]),
    policy,
  );
  return Object.fromEntries(keys.map((key, index) => [key, published[index] ?? null])) as Record<K, Published>;
}

/** Most first, hidden counts last, then by name: the order gives nothing hidden away. */
export function byPublishedCount<T>(count: (item: T) => Published, name: (item: T) => string) {
  return (a: T, b: T): number => {
    const difference = (count(b) ?? -1) - (count(a) ?? -1);
    if (difference !== 0) return difference;
    const [x, y] = [name(a), name(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
