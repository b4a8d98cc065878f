import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RankAnswer } from '@participate/schema';
import { rankingResults } from '../ranking-results.js';
import { publishRanking, type PublishedRankedOption } from './ranking.js';

const shown = ['libraries', 'parks', 'roads'];
const rank = (order: string[]): RankAnswer => ({ mode: 'rank', shown, shuffled: false, order });

test('a mean position worked out from rounded counts stays between first and last', () => {
  // Six people put libraries last: positions 18 round to 20 and 6 people to 5, which is 4 of 3.
  const answers = Array.from({ length: 6 }, () => rank(['parks', 'roads', 'libraries']));
  const published = publishRanking(rankingResults(answers, 5), answers, { minGroupSize: 5, roundTo: 5 });
  const options = (published?.rank as { options: PublishedRankedOption[] }).options;
  const libraries = options.find((option) => option.option === 'libraries');
  assert.equal(libraries?.meanPosition, 3);
  const parks = options.find((option) => option.option === 'parks');
  // Positions 6 round to 5 over 5 people: 1, as it should be.
  assert.equal(parks?.meanPosition, 1);
});
