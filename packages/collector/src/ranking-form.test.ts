import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { escapeHtml } from './html/escape.js';
import { ENTERED_MESSAGES, MESSAGES, PAGE_LANGUAGES, type PageLanguage, type ProblemKey } from './html/messages.js';
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
  // Thanked as the widget thanks: for an answer, not for feedback.
  assert.match(
    await response.text(),
    /<title>Thank you for your answer<\/title>[^]*<h1>Thank you for your answer<\/h1>/,
  );
  const row = (await collector.exportRows()).at(-1);
  assert.ok(row);
  assert.equal(row.widget, 'priority-ranking');
  assert.equal(row.page, PAGE);
  return row;
}

async function refused(fields: [string, string][], key: ProblemKey, language: PageLanguage = 'en'): Promise<string> {
  const count = await collector.count();
  const response = await collector.postForm(fields, fromPage);
  assert.equal(response.status, 422);
  const page = await response.text();
  assert.match(page, new RegExp(`<html lang="${language}"`));
  assert.ok(page.includes(escapeHtml(MESSAGES[language][key])), `expected "${MESSAGES[language][key]}" in\n${page}`);
  assert.equal(await collector.count(), count, 'nothing stored');
  return page;
}

/** The "What you entered" section: from its heading to the end of <main>. */
function enteredSection(page: string, language: PageLanguage = 'en'): string {
  const start = page.indexOf(`<h2>${escapeHtml(ENTERED_MESSAGES[language].heading)}</h2>`);
  assert.ok(start >= 0, `no "What you entered" section in\n${page}`);
  return page.slice(start, page.indexOf('</main>'));
}

/** Each option of a "What you entered" list with what it shows, in order. */
function enteredBoxes(section: string): [string, string][] {
  return [...section.matchAll(/<dt>([^<]*)<\/dt>\n<dd>([^<]*)<\/dd>/g)].map((match) => [
    match[1] ?? '',
    match[2] ?? '',
  ]);
}

/** Hidden set-up fields with values that must never appear on the page. */
const SENTINELS: [string, string][] = [
  ['id', '0d6b1a52-3c1e-4f7a-9b2d-8e4f6a1c2b3d'],
  ['stage', 'stage-sentinel'],
  ['website', 'honeypot-sentinel'],
  ['page', `${PAGE}?page-sentinel`],
  ['send', 'button-sentinel'],
];

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

  test('ranking thank-you pages say "for your answer" as the widget does, in Welsh and Urdu too', async () => {
    for (const [locale, heading] of [
      ['cy', 'Diolch am eich ateb'],
      ['ur', 'آپ کے جواب کا شکریہ'],
    ] as const) {
      assert.equal(MESSAGES[locale].rankingThanksHeading, heading);
      const response = await collector.postForm(
        [...common('rank'), ['locale', locale], ['rank.a', '1'], ['rank.b', '2']],
        fromPage,
      );
      assert.equal(response.status, 200);
      const page = await response.text();
      assert.ok(page.includes(`<h1>${heading}</h1>`), page);
      assert.ok(page.includes(`<title>${heading}</title>`), page);
      assert.ok(!page.includes(MESSAGES[locale].thanksHeading), 'not "for your feedback"');
    }
  });

  test('rank: the error page shows back each option with its number, blanks as left empty, and no hidden field', async () => {
    const page = await refused(
      [
        ...common('rank'),
        ...SENTINELS,
        ['rank.gp-access', '1'],
        ['rank.mental-health', '1'],
        ['rank.transport', ' '],
        ['rank.parks', '<b>2</b>'],
      ],
      'rankEveryOption',
    );
    assert.equal(page.match(/<h1>/g)?.length, 1);
    assert.deepEqual(
      [...page.matchAll(/<(h\d)>/g)].map((match) => match[1]),
      ['h1', 'h2'],
    );
    const section = enteredSection(page);
    assert.match(section, /<p>The number you gave each option:<\/p>/);
    assert.deepEqual(enteredBoxes(section), [
      ['gp-access', '1'],
      ['mental-health', '1'],
      ['transport', 'Left empty'],
      ['parks', '&lt;b&gt;2&lt;/b&gt;'],
    ]);
    assert.doesNotMatch(page, /<b>/);
    for (const hidden of ['local-priorities', 'priority-ranking', '0d6b1a52', 'sentinel'])
      assert.ok(!page.includes(hidden), `${hidden} is not shown`);
    assert.doesNotMatch(section, /<dt>(topic|widget|mode|max|budget|stage|locale|id|page|website)<\/dt>/);
  });

  test('top and points: the error page shows back the boxes of that form', async () => {
    const top = await refused(
      [...common('top'), ['max', '1'], ['rank.a', '1'], ['rank.b', '2'], ['rank.c', '']],
      'tooManyChosen',
    );
    assert.deepEqual(enteredBoxes(enteredSection(top)), [
      ['a', '1'],
      ['b', '2'],
      ['c', 'Left empty'],
    ]);
    assert.doesNotMatch(top, /<dt>max<\/dt>|<dd>priority-ranking/);

    const points = await refused(
      [...common('points'), ['budget', '10'], ['mustSpendAll', 'true'], ['points.a', '7'], ['points.b', '']],
      'pointsNotAllSpent',
    );
    const section = enteredSection(points);
    assert.match(section, /<p>The points you gave each option:<\/p>/);
    assert.doesNotMatch(section, /The number you gave/);
    assert.deepEqual(enteredBoxes(section), [
      ['a', '7'],
      ['b', 'Left empty'],
    ]);
    assert.doesNotMatch(points, /<dd>10<\/dd>|<dd>true<\/dd>/, 'budget and mustSpendAll are not shown');
  });

  for (const language of PAGE_LANGUAGES) {
    test(`the ranking echo is written in ${language}`, async () => {
      const words = ENTERED_MESSAGES[language];
      const page = await refused(
        [...common('points'), ['locale', language], ['budget', '10'], ['points.a', '11'], ['points.b', '']],
        'pointsOverBudget',
        language,
      );
      assert.match(page, new RegExp(`<html lang="${language}" dir="${MESSAGES[language].dir}">`));
      const section = enteredSection(page, language);
      assert.ok(section.includes(`<p>${escapeHtml(words.pointsIntro)}</p>`));
      assert.deepEqual(enteredBoxes(section), [
        ['a', '11'],
        ['b', escapeHtml(words.leftEmpty)],
      ]);
    });
  }

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
