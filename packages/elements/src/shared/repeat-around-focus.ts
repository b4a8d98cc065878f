import { noChange, type ChildPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { insertPart, removePart, setChildPartValue } from 'lit/directive-helpers.js';

/**
 * The positions, in the new order, of rows that can stay where they are: the longest run
 * whose old positions already increase. `oldIndex` holds each row's old position, or -1 for
 * a new row. When `pinned` is given, the run is the longest one that includes it.
 */
export function rowsThatStay(oldIndex: readonly number[], pinned = -1): Set<number> {
  const at = oldIndex[pinned] ?? -1;
  if (at < 0) return new Set(increasingRun(oldIndex, 0, oldIndex.length, -1, Infinity));
  return new Set([
    ...increasingRun(oldIndex, 0, pinned, -1, at),
    pinned,
    ...increasingRun(oldIndex, pinned + 1, oldIndex.length, at, Infinity),
  ]);
}

/** The longest increasing run of old positions between `above` and `below`, among new positions `from`–`to`. */
function increasingRun(oldIndex: readonly number[], from: number, to: number, above: number, below: number): number[] {
  // Patience sorting: ends[k] is where the best run of length k + 1 found so far ends.
  const ends: number[] = [];
  const previous = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const old = oldIndex[i] ?? -1;
    if (old <= above || old >= below) continue;
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((oldIndex[ends[middle] ?? 0] ?? -1) < old) low = middle + 1;
      else high = middle;
    }
    const before = ends[low - 1];
    if (before !== undefined) previous.set(i, before);
    ends[low] = i;
  }
  const run: number[] = [];
  for (let i = ends.at(-1); i !== undefined; i = previous.get(i)) run.push(i);
  return run;
}

type Template<T> = (item: T, index: number) => unknown;

/**
 * A keyed list, like lit's `repeat`, that reorders by moving the rows around the one that
 * holds focus instead of moving that row itself. Taking a focused element out of the page,
 * even to put it straight back, loses focus: putting it back costs a style and layout pass
 * and makes screen readers announce the control again over the news of the move. Keys must
 * be unique.
 */
class RepeatAroundFocus extends Directive {
  private readonly parts = new Map<string, ChildPart>();
  private keys: string[] = [];

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) throw new Error('repeatAroundFocus() belongs where content goes');
  }

  render<T>(items: readonly T[], _key: (item: T) => string, template: Template<T>): unknown[] {
    return items.map(template);
  }

  override update<T>(container: ChildPart, [items, key, template]: [readonly T[], (item: T) => string, Template<T>]) {
    const keys = items.map(key);
    const wanted = new Set(keys);
    for (const [gone, part] of this.parts) {
      if (wanted.has(gone)) continue;
      removePart(part);
      this.parts.delete(gone);
    }
    const oldPosition = new Map(this.keys.map((k, i) => [k, i]));
    const focused = this.focusedKey(container);
    const stay = rowsThatStay(
      keys.map((k) => oldPosition.get(k) ?? -1),
      focused === undefined ? -1 : keys.indexOf(focused),
    );
    // From the end, so each row goes in before one already in its final place.
    let next: ChildPart | undefined;
    for (const [i, k] of [...keys.entries()].reverse()) {
      let part = this.parts.get(k);
      if (!part) {
        part = insertPart(container, next);
        this.parts.set(k, part);
      } else if (!stay.has(i)) {
        insertPart(container, next, part);
      }
      setChildPartValue(part, template(items[i] as T, i));
      next = part;
    }
    this.keys = keys;
    return noChange;
  }

  /** The key of the row that holds focus, if one does. */
  private focusedKey(container: ChildPart): string | undefined {
    const list = container.parentNode;
    const root = list.getRootNode() as Document | ShadowRoot;
    let node: Node | null = root.activeElement;
    if (!node || !list.contains(node)) return undefined;
    // Up to the list's own child, then back to the start of the row it belongs to.
    while (node && node.parentNode !== list) node = node.parentNode;
    const starts = new Map([...this.parts].map(([k, part]) => [part.startNode, k]));
    for (; node; node = node.previousSibling) {
      const k = starts.get(node);
      if (k !== undefined) return k;
    }
    return undefined;
  }
}

export const repeatAroundFocus = directive(RepeatAroundFocus) as <T>(
  items: readonly T[],
  key: (item: T) => string,
  template: Template<T>,
) => unknown;
