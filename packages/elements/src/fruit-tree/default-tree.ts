import type { Effort } from '@participate/schema/vocabulary';
import type { Translate } from '../shared/translate.js';
import type { Branch } from './tree-model.js';

interface FruitPlan {
  value: string;
  effort: Effort;
  needsContact: boolean;
  /** Whether the tree's strings hold a longer explanation for an info popover. */
  info?: true;
}

/**
 * The tree a trust or council can use as it is: five kinds of involvement, none above
 * another, each with fruits from a few minutes once to an ongoing role. The words are in
 * the locale files (`fruitTree.defaultTree`), so they are translated with the rest.
 */
const PLAN: readonly { value: string; fruits: readonly FruitPlan[] }[] = [
  {
    value: 'stay-informed',
    fruits: [
      { value: 'newsletter', effort: 'once', needsContact: true },
      { value: 'service-updates', effort: 'once', needsContact: true },
      { value: 'you-said-we-did', effort: 'once', needsContact: false },
    ],
  },
  {
    value: 'share-experience',
    fruits: [
      { value: 'quick-surveys', effort: 'once', needsContact: true },
      { value: 'your-story', effort: 'once', needsContact: true },
      { value: 'listening-events', effort: 'regular', needsContact: true },
    ],
  },
  {
    value: 'shape-decisions',
    fruits: [
      { value: 'consultations', effort: 'once', needsContact: true },
      { value: 'citizens-panel', effort: 'regular', needsContact: true, info: true },
      { value: 'citizens-jury', effort: 'regular', needsContact: true, info: true },
    ],
  },
  {
    value: 'work-together',
    fruits: [
      { value: 'user-research', effort: 'once', needsContact: true },
      { value: 'co-design', effort: 'regular', needsContact: true, info: true },
      { value: 'co-production', effort: 'ongoing', needsContact: true, info: true },
    ],
  },
  {
    value: 'lead-and-govern',
    fruits: [
      { value: 'member', effort: 'once', needsContact: true, info: true },
      { value: 'patient-leader', effort: 'ongoing', needsContact: true, info: true },
      { value: 'governor', effort: 'ongoing', needsContact: true, info: true },
    ],
  },
];

/** The default tree in the widget's language. */
export function defaultTree(t: Translate): Branch[] {
  return PLAN.map((branch) => {
    const key = `fruitTree.defaultTree.${branch.value}`;
    return {
      value: branch.value,
      label: t(`${key}.label`),
      fruits: branch.fruits.map(({ value, effort, needsContact, info }) => {
        const fruitKey = `${key}.fruits.${value}`;
        return {
          value,
          effort,
          needsContact,
          label: t(`${fruitKey}.label`),
          description: t(`${fruitKey}.description`),
          ...(info ? { info: t(`${fruitKey}.info`) } : {}),
        };
      }),
    };
  });
}
