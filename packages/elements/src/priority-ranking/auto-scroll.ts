/** How near the edge of the visible area the pointer must be to scroll, at most. */
const EDGE_PX = 48;
/** The fastest scroll, per frame, with the pointer at (or past) the edge. */
const MAX_STEP_PX = 20;

/** What a drag scrolls: the nearest scrolling box around the list, or else the page. */
export interface Scroller {
  /** The top and bottom of the visible area, in viewport coordinates. */
  visibleTop(): number;
  visibleBottom(): number;
  /** Scrolls down by `by` pixels (up when negative); false when it could not move. */
  scrollBy(by: number): boolean;
}

/**
 * Pixels to scroll this frame for a pointer at `y` in a visible area from `top` to `bottom`:
 * nothing away from the edges, then faster the nearer the edge. Negative scrolls up.
 */
export function edgeSpeed(y: number, top: number, bottom: number): number {
  const zone = Math.min(EDGE_PX, (bottom - top) / 4);
  if (zone <= 0) return 0;
  const depth = y < top + zone ? top + zone - y : y > bottom - zone ? y - (bottom - zone) : 0;
  const step = Math.ceil((MAX_STEP_PX * Math.min(depth, zone)) / zone);
  return y < top + zone ? -step : step;
}

function scrolls(element: Element): boolean {
  const { overflowY } = getComputedStyle(element);
  return /auto|scroll|overlay/.test(overflowY) && element.scrollHeight > element.clientHeight;
}

/** The next element out, stepping from a shadow root to its host. */
function parentOf(element: Element): Element | null {
  const parent = element.parentNode;
  return parent instanceof ShadowRoot ? parent.host : (parent as Element | null);
}

function boxScroller(box: Element): Scroller {
  return {
    visibleTop: () => box.getBoundingClientRect().top,
    visibleBottom: () => box.getBoundingClientRect().bottom,
    scrollBy: (by) => {
      const before = box.scrollTop;
      box.scrollTop += by;
      return box.scrollTop !== before;
    },
  };
}

const pageScroller: Scroller = {
  visibleTop: () => 0,
  visibleBottom: () => document.documentElement.clientHeight,
  scrollBy: (by) => {
    const before = scrollY;
    scrollTo({ top: before + by, behavior: 'instant' });
    return scrollY !== before;
  },
};

/** The scrolling box a row sits in, looking out through shadow roots; the page when none. */
export function scrollerOf(row: Element): Scroller {
  for (let element = parentOf(row); element; element = parentOf(element)) {
    if (element === document.documentElement || element === document.body) break;
    if (scrolls(element)) return boxScroller(element);
  }
  return pageScroller;
}
