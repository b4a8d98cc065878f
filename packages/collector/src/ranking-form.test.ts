import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { escapeHtml } from './html/escape.js';
import { MESSAGES, type PageLanguage, type ProblemKey } from './html/messages.js';
import { ORIGIN, startCollector, type Collector } from './testing/harness.js';

let collector: Collector;
before(async () => {
  collector = await startCollector();
});
after(() => collector.close());

const PAGE = `${ORIGIN}/have-your-say/priorities`;
const fromPage = { referer: PAGE };
const common = (mode: string): [string, string][] => [
  ['topic', 'local-priorities'],
  ['widget', 'priority-ranking'],
  ['mode', mode],
];

async function stored(fields: [string, string][]) {
  const response = await collector.postForm(fields, fromPage);
  assert.equal(response.status, 200, await response.clone().text());
  assert.match(await response.text(), /<h1>Thank you for your feedback<\/h1>/);
  const row = (await collector.exportRows()).at(-1);
  assert.ok(row);
  assert.equal(row.widget, 'priority-ranking');
  assert.equal(row.page, PAGE);
  return row;
}

async function refused(fields: [string, string][], key: ProblemKey, language: PageLanguage = 'en') {
  const count = await collector.count();
  const response = await collector.postForm(fields, fromPage);
  assert.equal(response.status, 422);
  const page = await response.text();
  assert.match(page, new RegExp(`<html lang="${language}"`));
  assert.ok(page.includes(escapeHtml(MESSAGES[language][key])), `expected "${MESSAGES[language][key]}" in\n${page}`);
  assert.equal(await collector.count(), count, 'nothing stored');
}

describe('POST /v1/responses: the no-JavaScript priority ranking form', () => {
  test('rank: one number per option; shown is the form order, not shuffled', async () => {
    const row = await stored([
      ...common('rank'),
      ['rank.gp-access', '2'],
      ['rank.mental-health', '1'],
      ['rank.transport', ' 3 '],
      ['send', 'Send'],
    ]);
    assert.equal(row.variant, 'rank');
    assert.deepEqual(row.answer, {
      mode: 'rank',
      shown: ['gp-access', 'mental-health', 'transport'],
      shuffled: false,
      order: ['mental-health', 'gp-access', 'transport'],
    });
  });

  test('top: numbers only in the boxes of the options chosen, up to max', async () => {
    const row = await stored([...common('top'), ['max', '2'], ['rank.a', ''], ['rank.b', '2'], ['rank.c', '1']]);
    assert.deepEqual(row.answer, { mode: 'top', shown: ['a', 'b', 'c'], shuffled: false, max: 2, top: ['c', 'b'] });
  });

  test('points: whole numbers per option, an empty box stored as 0 as the widget sends it', async () => {
    const row = await stored([
      ...common('points'),
      ['budget', '10'],
      ['mustSpendAll', 'true'],
      ['points.a', '6'],
      ['points.b', ''],
      ['points.c', '4'],
    ]);
    assert.deepEqual(row.answer, {
      mode: 'points',
      shown: ['a', 'b', 'c'],
      shuffled: false,
      budget: 10,
      mustSpendAll: true,
      points: { a: 6, b: 0, c: 4 },
    });
  });

  test('points: every option shown has its points, blank and spaces-only boxes included', async () => {
    const row = await stored([
      ...common('points'),
      ['budget', '5'],
      ['points.a', ''],
      ['points.b', '  '],
      ['points.c', '5'],
    ]);
    const answer = row.answer as { shown: string[]; points: Record<string, number> };
    assert.deepEqual(Object.keys(answer.points).sort(), [...answer.shown].sort());
    assert.deepEqual(answer.points, { a: 0, b: 0, c: 5 });
  });

  test('what the person must fix is said plainly, in the form language, and nothing is stored', async () => {
    await refused([...common('rank'), ['rank.a', '1'], ['rank.b', '']], 'rankEveryOption');
    await refused([...common('rank'), ['rank.a', '1'], ['rank.b', '1'], ['locale', 'cy']], 'rankNumbersInvalid', 'cy');
    await refused([...common('rank'), ['rank.a', '1'], ['rank.b', '1.5']], 'rankNumbersInvalid');
    await refused([...common('top'), ['max', '2'], ['rank.a', '0'], ['rank.b', '']], 'rankNumbersInvalid');
    await refused([...common('top'), ['max', '2'], ['rank.a', ''], ['rank.b', ' ']], 'chooseTop');
    await refused(
      [...common('top'), ['max', '1'], ['rank.a', '1'], ['rank.b', '2'], ['locale', 'ur']],
      'tooManyChosen',
      'ur',
    );
    await refused([...common('points'), ['budget', '10'], ['points.a', 'ten'], ['points.b', '']], 'pointsInvalid');
    await refused([...common('points'), ['budget', '10'], ['points.a', '7'], ['points.b', '4']], 'pointsOverBudget');
    await refused(
      [...common('points'), ['budget', '10'], ['mustSpendAll', 'true'], ['points.a', '7'], ['locale', 'cy']],
      'pointsNotAllSpent',
      'cy',
    );
  });

  test('a form set up wrongly is not blamed on the person', async () => {
    await refused(
      [
        ['topic', 'local-priorities'],
        ['widget', 'priority-ranking'],
        ['rank.a', '1'],
      ],
      'formBroken',
    );
    await refused([...common('pairwise'), ['rank.a', '1'], ['rank.b', '2']], 'formBroken');
    await refused([...common('top'), ['rank.a', '1'], ['rank.b', '']], 'formBroken'); // no max
    await refused([...common('rank'), ['rank.Not A Slug', '1'], ['rank.b', '2']], 'formBroken');
    await refused([...common('rank')], 'formBroken');
    await refused([...common('points'), ['points.a', '3']], 'formBroken'); // no budget
  });
});
