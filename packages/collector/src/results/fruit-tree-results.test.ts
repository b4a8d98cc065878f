import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EffortFilter, FruitTreeView } from '@participate/schema';
import { fruit } from '../testing/harness.js';
import type { FruitTreeAnswerRow } from './answers.js';
import { fruitTreeResults } from './fruit-tree-results.js';

function person(
  fruits: string[],
  {
    effortFilter = 'any',
    view = 'tree',
    contact = false,
  }: { effortFilter?: EffortFilter; view?: FruitTreeView; contact?: boolean } = {},
): FruitTreeAnswerRow {
  return {
    answer: { chosen: fruits.map(fruit), offered: 12, effortFilter, view, contactGiven: contact },
    contactGiven: contact,
  };
}

/** Five people; worked out by hand below. */
const FIVE = [
  person(['news@stay-informed:once']),
  person(['news@stay-informed:once', 'panel@shape-decisions:regular'], {
    effortFilter: 'regular',
    view: 'list',
    contact: true,
  }),
  person(['governor@lead-and-govern:ongoing', 'news@stay-informed:once', 'survey@share-experience:once'], {
    contact: true,
  }),
  person(['panel@shape-decisions:regular', 'codesign@work-together:regular', 'forum@work-together:regular'], {
    effortFilter: 'regular',
  }),
  person(['survey@share-experience:once'], { effortFilter: 'once' }),
] as const;

describe('fruit-tree results', () => {
  test('counts fruits, branches, branches per person, efforts, filters, views and contact details given', () => {
    assert.deepEqual(fruitTreeResults(FIVE, 5), {
      responses: 5,
      suppressed: false,
      // news: people 1, 2, 3; panel: 2, 4; survey: 3, 5; the rest once. Ties in code-point order.
      fruits: [
        { fruit: 'news', branch: 'stay-informed', effort: 'once', people: 3 },
        { fruit: 'panel', branch: 'shape-decisions', effort: 'regular', people: 2 },
        { fruit: 'survey', branch: 'share-experience', effort: 'once', people: 2 },
        { fruit: 'codesign', branch: 'work-together', effort: 'regular', people: 1 },
        { fruit: 'forum', branch: 'work-together', effort: 'regular', people: 1 },
        { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing', people: 1 },
      ],
      // work-together: one person, two fruits on it. A branch counts a person once.
      branches: [
        { branch: 'stay-informed', people: 3, fruits: 3 },
        { branch: 'shape-decisions', people: 2, fruits: 2 },
        { branch: 'share-experience', people: 2, fruits: 2 },
        { branch: 'lead-and-govern', people: 1, fruits: 1 },
        { branch: 'work-together', people: 1, fruits: 2 },
      ],
      // One branch: people 1 and 5; two: 2 and 4 (shape-decisions and work-together); three: 3.
      branchesPerPerson: [
        { branches: 1, people: 2 },
        { branches: 2, people: 2 },
        { branches: 3, people: 1 },
      ],
      // Ten fruits: news ×3 + survey ×2 once; panel ×2, codesign and forum regular; governor ongoing.
      efforts: { once: 5, regular: 4, ongoing: 1 },
      effortFilters: { any: 2, once: 1, regular: 2, ongoing: 0 },
      views: { tree: 4, list: 1 },
      contactGiven: 2,
    });
  });

  test('the same answers in any order give the same body, key for key', () => {
    const forwards = JSON.stringify(fruitTreeResults(FIVE, 5));
    assert.equal(JSON.stringify(fruitTreeResults([...FIVE].reverse(), 5)), forwards);
    assert.equal(JSON.stringify(fruitTreeResults([FIVE[2], FIVE[4], FIVE[0], FIVE[3], FIVE[1]], 5)), forwards);
  });

  test('fewer answers than the minimum group size: only how many; none at all: null', () => {
    assert.deepEqual(fruitTreeResults(FIVE, 6), { responses: 5, suppressed: true });
    assert.deepEqual(fruitTreeResults(FIVE.slice(0, 1), 2), { responses: 1, suppressed: true });
    assert.equal(fruitTreeResults([], 5), null);
    assert.equal(fruitTreeResults([], 0), null);
    assert.equal(fruitTreeResults(FIVE.slice(0, 1), 1)?.suppressed, false);
  });

  test('branches per person lists every number up to the most, with 0 people where nobody chose that many', () => {
    const results = fruitTreeResults(
      [
        person(['a@one:once']),
        person(['b@one:once', 'c@one:regular']),
        person(['a@one:once', 'd@two:once', 'e@three:ongoing', 'f@four:ongoing']),
      ],
      1,
    );
    assert.ok(results && !results.suppressed);
    assert.deepEqual(results.branchesPerPerson, [
      { branches: 1, people: 2 },
      { branches: 2, people: 0 },
      { branches: 3, people: 0 },
      { branches: 4, people: 1 },
    ]);
  });

  test('contact details given anywhere in a chain count, as the store says, not only on the latest answer', () => {
    const changedLater: FruitTreeAnswerRow = { ...person(['a@one:once']), contactGiven: true };
    const results = fruitTreeResults([changedLater, person(['a@one:once'])], 1);
    assert.equal(results?.suppressed === false && results.contactGiven, 1);
  });

  test('a fruit placed on another branch or effort between answers is shown once per placing', () => {
    const results = fruitTreeResults(
      [
        person(['panel@shape-decisions:regular']),
        person(['panel@work-together:ongoing']),
        person(['panel@shape-decisions:regular']),
      ],
      1,
    );
    assert.ok(results && !results.suppressed);
    assert.deepEqual(results.fruits, [
      { fruit: 'panel', branch: 'shape-decisions', effort: 'regular', people: 2 },
      { fruit: 'panel', branch: 'work-together', effort: 'ongoing', people: 1 },
    ]);
    assert.deepEqual(
      results.branches.map(({ branch, people }) => [branch, people]),
      [
        ['shape-decisions', 2],
        ['work-together', 1],
      ],
    );
  });
});
