import type { Translate } from '../shared/translate.js';

export type { Translate };

/** Where an option stands in the list it was moved within: 1-based for people. */
export interface Placed {
  label: string;
  /** 0-based index in the list. */
  index: number;
  total: number;
}

const KEY = 'priorityRanking.announce';

function placed(t: Translate, key: string, { label, index, total }: Placed): string {
  return t(`${KEY}.${key}`, { label, position: index + 1, total });
}

/**
 * What the live region says after each thing a person does, in the widget's language:
 * short, label first, so a screen reader user hears at once which option it was about.
 */
export const announce = {
  /** "Mental health support, picked up. Position 2 of 6. …how to move, drop or cancel." */
  pickedUp: (t: Translate, item: Placed) => placed(t, 'pickedUp', item),
  /** "Mental health support, moved to position 2 of 6" */
  moved: (t: Translate, item: Placed) => placed(t, 'moved', item),
  /** "Mental health support, dropped at position 2 of 6" */
  dropped: (t: Translate, item: Placed) => placed(t, 'dropped', item),
  /** "Move cancelled. Mental health support is back at position 2 of 6" */
  cancelled: (t: Translate, item: Placed) => placed(t, 'cancelled', item),
  /** "Mental health support, added to your choices at position 1. 1 of 3 chosen" */
  added: (t: Translate, item: Placed, max: number) =>
    t(`${KEY}.added`, { label: item.label, position: item.index + 1, chosen: item.total, max }),
  /** "Mental health support, removed from your choices. 0 of 3 chosen" */
  removed: (t: Translate, label: string, chosen: number, max: number) => t(`${KEY}.removed`, { label, chosen, max }),
  /** "You can choose up to 3. Remove one before adding another." */
  full: (t: Translate, max: number) => t('priorityRanking.top.full', { count: max }),
};
