import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createResponseValidator, LIMITS } from './index.js';

const validate = createResponseValidator();
const SHOWN = ['mental-health', 'gp-access', 'roads', 'libraries'];

function ranking(answer: Record<string, unknown>): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: '0f8e7a52-3d8b-4f5e-9a0c-2b7d6c1e4a90',
    widget: 'priority-ranking',
    topic: 'budget-priorities',
    stage: 'develop-priorities',
    locale: 'cy',
    page: 'https://www.example.gov.uk/budget',
    submittedAt: '2026-11-30T09:00:00.000Z',
    answer: { shown: SHOWN, shuffled: true, ...answer },
  };
}

function problems(input: unknown): string[] {
  const result = validate(input);
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

describe('priority ranking answers', () => {
  it('accepts each mode', () => {
    assert.deepEqual(
      problems(ranking({ mode: 'rank', order: ['gp-access', 'mental-health', 'libraries', 'roads'] })),
      [],
    );
    assert.deepEqual(problems(ranking({ mode: 'top', max: 3, top: ['roads', 'gp-access'] })), []);
    assert.deepEqual(
      problems(ranking({ mode: 'points', budget: 100, mustSpendAll: true, points: { roads: 60, 'gp-access': 40 } })),
      [],
    );
    assert.deepEqual(
      problems(
        ranking({
          mode: 'pairwise',
          stoppedEarly: false,
          comparisons: [
            { a: 'roads', b: 'libraries', choice: 'b' },
            { a: 'gp-access', b: 'mental-health', choice: 'cant-decide' },
          ],
        }),
      ),
      [],
    );
  });

  it('reports problems against the mode given', () => {
    assert.deepEqual(problems(ranking({ mode: 'top', top: ['roads'] })), ['/answer missing required field "max"']);
    assert.match(problems(ranking({ mode: 'ladder', order: [] })).join(), /tag "mode"/);
    assert.deepEqual(problems(ranking({ mode: 'rank', order: SHOWN, colour: 'red' })), [
      '/answer unknown field "colour" is not allowed',
    ]);
  });

  it('rank: every option shown, once each, and nothing else', () => {
    assert.deepEqual(problems(ranking({ mode: 'rank', order: ['roads', 'gp-access', 'libraries'] })), [
      '/answer/order must put all 4 options shown in order',
    ]);
    assert.deepEqual(problems(ranking({ mode: 'rank', order: ['roads', 'gp-access', 'libraries', 'parks'] })), [
      '/answer/order/3 "parks" is not one of the options shown',
    ]);
    assert.match(
      problems(ranking({ mode: 'rank', order: ['roads', 'roads', 'libraries', 'gp-access'] })).join(),
      /must NOT have duplicate items/,
    );
  });

  it('top: at most max, max no more than the options shown', () => {
    assert.deepEqual(problems(ranking({ mode: 'top', max: 2, top: ['roads', 'gp-access', 'libraries'] })), [
      '/answer/top must hold at most 2 options',
    ]);
    assert.deepEqual(problems(ranking({ mode: 'top', max: 5, top: ['roads'] })), [
      '/answer/max must not be more than the 4 options shown',
    ]);
    assert.deepEqual(problems(ranking({ mode: 'top', max: 1, top: ['parks'] })), [
      '/answer/top/0 "parks" is not one of the options shown',
    ]);
  });

  it('top: max may be every option shown, and top may hold exactly max', () => {
    assert.deepEqual(
      problems(ranking({ mode: 'top', max: 4, top: ['roads', 'gp-access', 'libraries', 'mental-health'] })),
      [],
    );
    assert.deepEqual(problems(ranking({ mode: 'top', max: 2, top: ['roads', 'gp-access'] })), []);
  });

  it('reports every problem of an answer, in the order of its fields', () => {
    assert.deepEqual(
      problems(
        ranking({ mode: 'top', max: 5, top: ['parks', 'roads', 'gp-access', 'libraries', 'zoos', 'mental-health'] }),
      ),
      [
        '/answer/top/0 "parks" is not one of the options shown',
        '/answer/top/4 "zoos" is not one of the options shown',
        '/answer/max must not be more than the 4 options shown',
        '/answer/top must hold at most 5 options',
      ],
    );
    assert.deepEqual(problems(ranking({ mode: 'rank', order: ['roads', 'parks'] })), [
      '/answer/order/1 "parks" is not one of the options shown',
      '/answer/order must put all 4 options shown in order',
    ]);
  });

  it('names the rule each problem breaks', () => {
    const rules = (answer: Record<string, unknown>) => {
      const result = validate(ranking(answer));
      return result.ok ? [] : result.problems.map(({ path, keyword }) => `${path} ${keyword}`);
    };
    assert.deepEqual(rules({ mode: 'rank', order: ['roads', 'parks'] }), [
      '/answer/order/1 shown',
      '/answer/order shown',
    ]);
    assert.deepEqual(
      rules({ mode: 'top', max: 5, top: ['roads', 'gp-access', 'libraries', 'mental-health', 'parks'] }),
      ['/answer/top/4 shown', '/answer/max shown'],
    );
    assert.deepEqual(rules({ mode: 'top', max: 1, top: ['roads', 'gp-access'] }), ['/answer/top max']);
    assert.deepEqual(rules({ mode: 'points', budget: 10, mustSpendAll: false, points: { roads: 11 } }), [
      '/answer/points budget',
    ]);
    assert.deepEqual(rules({ mode: 'points', budget: 10, mustSpendAll: true, points: { roads: 9 } }), [
      '/answer/points budget',
    ]);
    assert.deepEqual(
      rules({ mode: 'pairwise', stoppedEarly: false, comparisons: [{ a: 'roads', b: 'roads', choice: 'a' }] }),
      ['/answer/comparisons/0 pair'],
    );
  });

  it('points: whole, not negative, within the budget, all spent when it must be', () => {
    const points = (values: Record<string, number>, mustSpendAll = false) =>
      problems(ranking({ mode: 'points', budget: 100, mustSpendAll, points: values }));
    assert.deepEqual(points({ roads: 70, libraries: 40 }), ['/answer/points add up to 110, over the budget of 100']);
    assert.deepEqual(points({ roads: 70 }, true), ['/answer/points add up to 70, but all 100 had to be shared out']);
    assert.deepEqual(points({ roads: 70 }), []);
    assert.deepEqual(points({ roads: 70, libraries: 30 }), []);
    assert.deepEqual(points({ roads: 70, libraries: 30, parks: 0 }, true), [
      '/answer/points/2 "parks" is not one of the options shown',
    ]);
    assert.deepEqual(points({ parks: 10 }), ['/answer/points/0 "parks" is not one of the options shown']);
    assert.match(points({ roads: -5 }).join(), /must be >= 0/);
    assert.match(points({ roads: 2.5 }).join(), /must be integer/);
    assert.match(
      problems(ranking({ mode: 'points', budget: 0, mustSpendAll: false, points: {} })).join(),
      /budget must be >= 1/,
    );
  });

  it('pairwise: two different options shown, a known choice', () => {
    const pairwise = (comparisons: unknown[]) =>
      problems(ranking({ mode: 'pairwise', stoppedEarly: true, comparisons }));
    assert.deepEqual(pairwise([{ a: 'roads', b: 'roads', choice: 'a' }]), [
      '/answer/comparisons/0 must compare two different options',
    ]);
    assert.deepEqual(pairwise([{ a: 'roads', b: 'parks', choice: 'a' }]), [
      '/answer/comparisons/0/1 "parks" is not one of the options shown',
    ]);
    assert.deepEqual(
      pairwise([
        { a: 'roads', b: 'libraries', choice: 'a' },
        { a: 'parks', b: 'parks', choice: 'cant-decide' },
      ]),
      [
        '/answer/comparisons/1/0 "parks" is not one of the options shown',
        '/answer/comparisons/1/1 "parks" is not one of the options shown',
        '/answer/comparisons/1 must compare two different options',
      ],
    );
    assert.match(
      pairwise([{ a: 'roads', b: 'libraries', choice: 'both' }]).join(),
      /choice must be one of: a, b, cant-decide/,
    );
    assert.match(pairwise([]).join(), /must NOT have fewer than 1 items/);
  });

  it('bounds the number of options', () => {
    const many = Array.from({ length: LIMITS.rankingOptionCount + 1 }, (_, index) => `option-${index}`);
    assert.match(
      problems({
        ...ranking({ mode: 'top', max: 1, top: ['option-0'] }),
        answer: { mode: 'top', shown: many, shuffled: false, max: 1, top: ['option-0'] },
      }).join(),
      /shown must NOT have more than 50 items/,
    );
    assert.match(problems(ranking({ mode: 'rank', shown: ['roads'], order: ['roads'] })).join(), /fewer than 2 items/);
  });
});
