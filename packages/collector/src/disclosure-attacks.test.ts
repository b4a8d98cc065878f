/**
 * The two attacks an audit used to undo small-group suppression, run against the published
 * results. Each builds two worlds that differ only in what the hidden people said, and checks
 * that everything published is the same in both: nothing the attacker sees tells them apart,
 * so nothing exact about the hidden answers can be recovered.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeedbackPromptAnswer, PriorityRankingAnswer } from '@participate/schema';
import type { AcceptedResponse } from './store/store.js';
import {
  fruitTreePayload,
  insertAll,
  rankingPayload,
  startCollector,
  validPayload,
  type Collector,
} from './testing/harness.js';

let clock = new Date('2026-11-15T12:00:00Z');
const contact = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true as const };

async function withCollector(run: (collector: Collector) => Promise<void>) {
  const collector = await startCollector({ now: () => clock });
  try {
    await run(collector);
  } finally {
    await collector.close();
  }
}

/** The published results of a topic, its name taken out so two worlds compare. */
async function published(collector: Collector, topic: string): Promise<unknown> {
  const response = await fetch(`${collector.url}/v1/results?topic=${topic}`);
  assert.equal(response.status, 200);
  const body = (await response.json()) as { topic: string };
  return { ...body, topic: '(either world)' };
}

const pageUseful = (useful: 'yes' | 'no', reasons: string[] = []): FeedbackPromptAnswer => ({
  variant: 'page-useful',
  useful,
  ...(reasons.length > 0 ? { reasons } : {}),
});
const fft = (rating: 'very-good' | 'good' | 'neither' | 'poor'): FeedbackPromptAnswer => ({
  variant: 'fft',
  rating,
  standardWording: true,
});
const feedback = (answer: FeedbackPromptAnswer) => validPayload({ answer });
const shown = ['libraries', 'parks', 'roads'];
const rank = (order: string[]): PriorityRankingAnswer => ({ mode: 'rank', shown, shuffled: false, order });
const ranking = (answer: PriorityRankingAnswer) => rankingPayload(answer);
const spent = (points: Record<string, number>) =>
  ranking({ mode: 'points', shown, shuffled: false, budget: 10, mustSpendAll: true, points });

/**
 * Padding: three people answered in October, too few to show. Before October closes the
 * attacker adds two answers of their own, so that October shows, and subtracts them.
 */
const paddingCases: [string, AcceptedResponse[], AcceptedResponse[], AcceptedResponse[]][] = [
  [
    '"Is this page useful?" and its reasons',
    [pageUseful('no', ['out-of-date']), pageUseful('no', ['out-of-date', 'hard-to-understand']), pageUseful('yes')].map(
      feedback,
    ),
    [pageUseful('no', ['out-of-date']), pageUseful('yes'), pageUseful('yes')].map(feedback),
    [pageUseful('no', ['broken-link']), pageUseful('no', ['broken-link'])].map(feedback),
  ],
  [
    'the Friends and Family Test',
    [fft('very-good'), fft('poor'), fft('neither')].map(feedback),
    [fft('good'), fft('good'), fft('poor')].map(feedback),
    [fft('very-good'), fft('very-good')].map(feedback),
  ],
  [
    'a ranking',
    [
      rank(['parks', 'libraries', 'roads']),
      rank(['parks', 'roads', 'libraries']),
      rank(['roads', 'parks', 'libraries']),
    ].map(ranking),
    // The third person put parks first here, roads first in the other world.
    [
      rank(['parks', 'libraries', 'roads']),
      rank(['parks', 'roads', 'libraries']),
      rank(['parks', 'roads', 'libraries']),
    ].map(ranking),
    [rank(['libraries', 'parks', 'roads']), rank(['libraries', 'roads', 'parks'])].map(ranking),
  ],
  [
    'points shared out',
    ([{ parks: 10 }, { roads: 6, parks: 4 }, { libraries: 10 }] as Record<string, number>[]).map(spent),
    ([{ parks: 9, roads: 1 }, { roads: 5, parks: 5 }, { libraries: 10 }] as Record<string, number>[]).map(spent),
    ([{ libraries: 10 }, { roads: 10 }] as Record<string, number>[]).map(spent),
  ],
  [
    'the fruit tree, with contact details',
    [
      fruitTreePayload(['governor@lead-and-govern:ongoing', 'news@stay-informed:once'], {}, { contact }),
      fruitTreePayload(['news@stay-informed:once']),
      fruitTreePayload(['panel@shape-decisions:regular']),
    ],
    [
      fruitTreePayload(['news@stay-informed:once'], {}, { contact }),
      fruitTreePayload(['news@stay-informed:once']),
      fruitTreePayload(['panel@shape-decisions:regular', 'news@stay-informed:once']),
    ],
    [fruitTreePayload(['jury@shape-decisions:regular']), fruitTreePayload(['jury@shape-decisions:regular'])],
  ],
];

describe('published results cannot be unpicked', () => {
  for (const [name, hidden, otherHidden, padding] of paddingCases) {
    test(`padding a hidden group with known answers recovers nothing: ${name}`, async () => {
      await withCollector(async (collector) => {
        const october = '2026-10-20T10:00:00.000Z';
        await insertAll(collector, 'world-a', hidden, october);
        await insertAll(collector, 'world-b', otherHidden, october);
        clock = new Date('2026-11-02T09:00:00Z');
        const before = await published(collector, 'world-a');
        assert.deepEqual(before, await published(collector, 'world-b'), 'three people: nothing shown in either world');

        // The attacker's two answers, in October as well (sent before it closed).
        for (const topic of ['world-a', 'world-b']) {
          await insertAll(
            collector,
            topic,
            padding.map((known) => ({ ...known, id: crypto.randomUUID() })),
            '2026-10-25T10:00:00.000Z',
          );
        }
        const padded = await published(collector, 'world-a');
        assert.notDeepEqual(padded, before, 'five people: October is shown');
        assert.deepEqual(padded, await published(collector, 'world-b'), 'yet the two worlds look the same');
      });
    });
  }

  test('snapshots of the overall figure, taken as months close, do not give a hidden month away', async () => {
    await withCollector(async (collector) => {
      const answers = (count: number) => Array.from({ length: count }, () => feedback(pageUseful('yes')));
      // October 6 and November 3 in both worlds but one: there November is 4.
      for (const [topic, november] of [
        ['world-a', 3],
        ['world-b', 4],
      ] as const) {
        await insertAll(collector, topic, answers(6), '2026-10-10T10:00:00.000Z');
        await insertAll(collector, topic, answers(november), '2026-11-10T10:00:00.000Z');
      }
      const snapshots: [string, number][] = [
        ['2026-12-08T09:00:00Z', 2],
        ['2026-12-20T09:00:00Z', 3],
        ['2027-01-05T09:00:00Z', 0],
        ['2027-02-05T09:00:00Z', 0],
      ];
      for (const [at, addedInDecember] of snapshots) {
        clock = new Date(at);
        for (const topic of ['world-a', 'world-b']) {
          await insertAll(
            collector,
            topic,
            answers(addedInDecember),
            `2026-12-0${String(1 + addedInDecember)}T10:00:00.000Z`,
          );
        }
        const seen = await published(collector, 'world-a');
        assert.deepEqual(seen, await published(collector, 'world-b'), `the snapshot at ${at}`);
      }
    });
  });
});
