// End to end: the council budget page has the priority ranking in all four modes. A person
// answers each by keyboard alone; the answer lands in the collector's SQLite file exactly as
// sent, and GET /v1/results reflects it. Then, with JavaScript off, the same questions are
// answered through the plain forms inside the widgets, including a mistake the collector
// sends back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { startStack } from '../support/e2e-harness.mjs';

const PAGE = '/budget-priorities.html';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const TOPIC = {
  rank: 'budget-priorities-rank',
  top: 'budget-priorities-top',
  points: 'budget-priorities-points',
  pairwise: 'budget-priorities-pairwise',
};

/** The options of each question, in the order the page lists them (no question is shuffled). */
const SHOWN = {
  rank: ['roads-pavements', 'libraries', 'adult-social-care', 'parks', 'bin-collections'],
  top: ['roads-pavements', 'libraries', 'adult-social-care', 'parks', 'bin-collections', 'youth-services'],
  points: ['roads-pavements', 'adult-social-care', 'parks', 'bin-collections', 'youth-services'],
  pairwise: ['libraries', 'adult-social-care', 'parks', 'bin-collections', 'youth-services'],
};

const LABEL = {
  'roads-pavements': 'Roads and pavements',
  libraries: 'Libraries',
  'adult-social-care': 'Adult social care',
  parks: 'Parks and green spaces',
  'bin-collections': 'Bin collections and recycling',
  'youth-services': 'Youth services',
};

const widgetSelector = (topic) => `participate-priority-ranking[topic="${topic}"]`;

/** Resolves once the widget for `topic` shows `text` in its shadow root. */
function says(page, topic, text, timeout = 10_000) {
  return page.waitForFunction(
    ([selector, expected]) => document.querySelector(selector)?.shadowRoot?.textContent?.includes(expected),
    [widgetSelector(topic), text],
    { timeout },
  );
}

/** Waits until the widget's polite live region says exactly `expected`; fails with what it said instead. */
async function announced(page, topic, expected) {
  const read = () =>
    page.evaluate(
      (selector) =>
        document.querySelector(selector)?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '',
      widgetSelector(topic),
    );
  try {
    await page.waitForFunction(
      ([selector, text]) =>
        document.querySelector(selector)?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() === text,
      [widgetSelector(topic), expected],
      { timeout: 5_000 },
    );
  } catch {
    assert.equal(await read(), expected, 'the live region');
  }
}

/**
 * What has focus, looking through shadow roots: the widget it is in (by topic), and the
 * control's id and accessible name (its aria-label, else its text).
 */
function focused(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    let topic = null;
    while (active?.shadowRoot?.activeElement) {
      if (active.localName === 'participate-priority-ranking') topic = active.getAttribute('topic');
      active = active.shadowRoot.activeElement;
    }
    if (!active) return null;
    return {
      topic,
      tag: active.localName,
      id: active.id,
      type: active.getAttribute('type'),
      name: active.getAttribute('aria-label') ?? (active.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/** Presses Tab (or Shift+Tab) until the control matching `wanted` inside the `topic` widget has focus. */
async function tabTo(page, topic, wanted, { back = false, limit = 80 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    if (focus?.topic === topic && Object.entries(wanted).every(([key, value]) => focus[key] === value)) return;
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${JSON.stringify(wanted)} in ${topic}`);
}

/** Tabs to the widget's Send button and presses Enter, then waits for its thank-you panel. */
async function send(page, topic) {
  await tabTo(page, topic, { tag: 'button', type: 'submit' });
  await page.keyboard.press('Enter');
  await says(page, topic, 'Thank you for your answer');
  assert.equal((await focused(page))?.name, 'Thank you for your answer', 'focus goes to the thank-you heading');
}

/** The order an ordered list in the widget shows now, as option values. */
function listed(page, topic, selector = 'ol.ranking') {
  return page.evaluate(
    ([host, list]) =>
      [...(document.querySelector(host)?.shadowRoot?.querySelectorAll(`${list} > li`) ?? [])].map(
        (li) => li.getAttribute('data-value') ?? '',
      ),
    [widgetSelector(topic), selector],
  );
}

/** axe-core's WCAG 2.2 AA violations on the page, as "rule: targets" lines. */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const { violations } = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  }, WCAG_TAGS);
}

/** Whether the page scrolls sideways at 320 CSS px wide (WCAG 1.4.10 reflow). */
async function scrollsSideways(page) {
  await page.setViewportSize({ width: 320, height: 640 });
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Four decimal places, as the collector rounds results. */
const round = (value) => Math.round(value * 10_000) / 10_000;

describe('budget priorities page: every ranking mode', () => {
  /** @type {Awaited<ReturnType<typeof startStack>>} */
  let stack;
  before(async () => {
    // One answer per mode is a group of one; the default minimum group size (5) would
    // suppress it, so this stack publishes groups of any size.
    stack = await startStack({
      // Exact figures for the answers just given: no minimum group, no rounding, the open month counted.
      collectorEnv: {
        PARTICIPATE_MIN_GROUP_SIZE: '1',
        PARTICIPATE_ROUND_TO: '1',
        PARTICIPATE_PUBLISH_OPEN_PERIOD: 'true',
      },
    });
  });
  after(async () => {
    await stack?.close();
  });

  /** The widgets' page, fresh, with nothing wrong logged. */
  async function openPage() {
    const page = await stack.browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text());
      }
    });
    await page.goto(`${stack.demoUrl}${PAGE}`);
    await says(page, TOPIC.rank, 'Which of these services matters most to you?');
    await says(page, TOPIC.top, 'Which three services should we protect from cuts?');
    await says(page, TOPIC.points, '100 points left');
    await says(page, TOPIC.pairwise, 'Pair 1 of 6');
    return { page, problems };
  }

  /** The stored row for a topic that has exactly one, checked for what every ranking row carries. */
  function onlyRow(topic) {
    const rows = stack.rows(topic);
    assert.equal(rows.length, 1, `one row for ${topic}`);
    const [row] = rows;
    assert.equal(row.widget, 'priority-ranking');
    assert.equal(row.stage, 'develop-priorities');
    assert.equal(row.locale, 'en');
    assert.equal(row.page, `${stack.demoUrl}${PAGE}`);
    return row;
  }

  async function results(topic) {
    const response = await fetch(`${stack.collectorUrl}/v1/results?topic=${topic}`);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.topic, topic);
    return body.ranking;
  }

  it('shows all four questions with no axe violations and nothing logged', async () => {
    const { page, problems } = await openPage();
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll('participate-priority-ranking')].map((w) => w.mode)),
      ['rank', 'top', 'points', 'pairwise'],
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await scrollsSideways(page), false, 'reflows at 320 px');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('rank: services put in order with Space, Enter, the arrow keys and Escape', async () => {
    const { page, problems } = await openPage();
    const topic = TOPIC.rank;

    await tabTo(page, topic, { name: 'Reorder Adult social care' });
    await page.keyboard.press('Space');
    await announced(
      page,
      topic,
      'Adult social care, picked up. Position 3 of 5. Use the arrow keys to move, Space to drop, Escape to cancel.',
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await announced(page, topic, 'Adult social care, dropped at position 1 of 5');
    assert.equal((await focused(page))?.name, 'Reorder Adult social care', 'focus stays on the moved option');

    // Picked up and moved to the end, then put back with Escape.
    await tabTo(page, topic, { name: 'Reorder Libraries' });
    await page.keyboard.press('Space');
    await page.keyboard.press('End');
    await announced(page, topic, 'Libraries, moved to position 5 of 5');
    await page.keyboard.press('Escape');
    await announced(page, topic, 'Move cancelled. Libraries is back at position 3 of 5');

    await tabTo(page, topic, { name: 'Reorder Bin collections and recycling' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await announced(page, topic, 'Bin collections and recycling, dropped at position 4 of 5');

    const order = ['adult-social-care', 'roads-pavements', 'libraries', 'bin-collections', 'parks'];
    assert.deepEqual(await listed(page, topic), order);
    await send(page, topic);

    assert.deepEqual(onlyRow(topic).answer, { mode: 'rank', shown: SHOWN.rank, shuffled: false, order });

    // One full ranking of m options: position p earns m − p Borda points, the first is the only
    // first preference, each mean position is its place, and the Schulze order is the order given.
    const ranking = await results(topic);
    assert.equal(ranking.responses, 1);
    assert.deepEqual(ranking.modes, ['rank']);
    assert.equal(ranking.top, null);
    assert.equal(ranking.points, null);
    assert.equal(ranking.pairwise, null);
    const m = order.length;
    assert.deepEqual(ranking.rank, {
      responses: 1,
      suppressed: false,
      options: order.map((option, index) => ({
        option,
        borda: m - (index + 1),
        firstPreferences: index === 0 ? 1 : 0,
        ranked: 1,
        meanPosition: index + 1,
        schulzeBeats: m - (index + 1),
      })),
    });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('top: three services chosen and one moved up, by keyboard alone', async () => {
    const { page, problems } = await openPage();
    const topic = TOPIC.top;

    await tabTo(page, topic, { name: 'Add Youth services to your choices' });
    await page.keyboard.press('Enter');
    await announced(page, topic, 'Youth services, added to your choices at position 1. 1 of 3 chosen');
    assert.equal((await focused(page))?.name, 'Remove Youth services from your choices');

    await tabTo(page, topic, { name: 'Add Parks and green spaces to your choices' }, { back: true });
    await page.keyboard.press('Space');
    await announced(page, topic, 'Parks and green spaces, added to your choices at position 2. 2 of 3 chosen');

    await tabTo(page, topic, { name: 'Add Libraries to your choices' }, { back: true });
    await page.keyboard.press('Enter');
    await announced(page, topic, 'Libraries, added to your choices at position 3. 3 of 3 chosen');

    // A fourth is refused, and the widget says why.
    await tabTo(page, topic, { name: 'Add Roads and pavements to your choices' }, { back: true });
    await page.keyboard.press('Enter');
    await announced(page, topic, 'You can choose up to 3. Remove one before adding another.');

    await tabTo(page, topic, { name: 'Move Libraries up' }, { back: true });
    await page.keyboard.press('Enter');
    await announced(page, topic, 'Libraries, moved to position 2 of 3');
    assert.equal((await focused(page))?.name, 'Move Libraries up', 'focus stays on the moved option');

    const top = ['youth-services', 'libraries', 'parks'];
    assert.deepEqual(await listed(page, topic), top);
    await send(page, topic);

    assert.deepEqual(onlyRow(topic).answer, { mode: 'top', shown: SHOWN.top, shuffled: false, max: 3, top });

    // The chosen three score m − p Borda points in their order; the options not chosen score 0.
    const ranking = await results(topic);
    assert.equal(ranking.responses, 1);
    assert.deepEqual(ranking.modes, ['top']);
    assert.equal(ranking.rank, null);
    assert.equal(ranking.top.suppressed, false);
    assert.equal(ranking.top.responses, 1);
    const m = SHOWN.top.length;
    assert.deepEqual(
      ranking.top.options.slice(0, top.length).map(({ option, borda, firstPreferences, ranked, meanPosition }) => ({
        option,
        borda,
        firstPreferences,
        ranked,
        meanPosition,
      })),
      top.map((option, index) => ({
        option,
        borda: m - (index + 1),
        firstPreferences: index === 0 ? 1 : 0,
        ranked: 1,
        meanPosition: index + 1,
      })),
    );
    const rest = ranking.top.options.slice(top.length);
    assert.deepEqual(
      rest.map(({ option }) => option).sort(),
      SHOWN.top.filter((option) => !top.includes(option)).sort(),
    );
    for (const option of rest) {
      assert.deepEqual([option.borda, option.firstPreferences, option.ranked, option.meanPosition], [0, 0, 0, null]);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('points: typed and stepped by keyboard, refused until all 100 are given, then sent', async () => {
    const { page, problems } = await openPage();
    const topic = TOPIC.points;
    const box = (value) => ({ tag: 'input', id: `points-${String(SHOWN.points.indexOf(value))}` });

    await tabTo(page, topic, box('adult-social-care'));
    await page.keyboard.type('40');
    await page.keyboard.press('Tab');
    await announced(page, topic, '60 points left');

    await tabTo(page, topic, box('parks'));
    await page.keyboard.type('15');
    await tabTo(page, topic, { name: 'More points for Parks and green spaces' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await announced(page, topic, 'Parks and green spaces: 25 points. 35 points left.');

    await tabTo(page, topic, box('youth-services'));
    await page.keyboard.type('30');
    await tabTo(page, topic, { name: 'Fewer points for Youth services' }, { back: true });
    await page.keyboard.press('Space');
    await announced(page, topic, 'Youth services: 25 points. 10 points left.');

    // must-spend-all: with 10 points left the widget explains instead of sending.
    await tabTo(page, topic, { tag: 'button', type: 'submit' });
    await page.keyboard.press('Enter');
    await says(page, topic, 'Share out all 100 points. You have 10 points left');
    assert.equal(stack.rows(topic).length, 0, 'nothing is sent while points are left');

    // The error summary's link takes the person to the first box.
    await tabTo(page, topic, { tag: 'a', name: 'Share out all 100 points. You have 10 points left' });
    await page.keyboard.press('Enter');
    assert.deepEqual(
      await focused(page).then((focus) => focus && { tag: focus.tag, id: focus.id }),
      box('roads-pavements'),
    );
    await page.keyboard.type('10');
    await send(page, topic);

    const points = {
      'roads-pavements': 10,
      'adult-social-care': 40,
      parks: 25,
      'bin-collections': 0,
      'youth-services': 25,
    };
    assert.deepEqual(onlyRow(topic).answer, {
      mode: 'points',
      shown: SHOWN.points,
      shuffled: false,
      budget: 100,
      mustSpendAll: true,
      points,
    });

    // One person: each option's mean and total are its points; its share is of all 100. (The
    // median is not published: in a small group it is one person's answer.)
    const ranking = await results(topic);
    assert.equal(ranking.responses, 1);
    assert.deepEqual(ranking.modes, ['points']);
    const given = Object.values(points).reduce((sum, value) => sum + value, 0);
    const expected = Object.entries(points)
      .map(([option, value]) => ({
        option,
        shownTo: 1,
        total: value,
        mean: value,
        share: round(value / given),
      }))
      .sort((a, b) => b.mean - a.mean || (a.option < b.option ? -1 : 1));
    assert.deepEqual(ranking.points, { responses: 1, suppressed: false, options: expected });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('pairwise: four pairs answered (one undecided), then stopped early and sent, by keyboard', async () => {
    const { page, problems } = await openPage();
    const topic = TOPIC.pairwise;
    // This person's view, which decides each pair: earlier in the list matters more.
    const preference = ['adult-social-care', 'youth-services', 'libraries', 'parks', 'bin-collections'];
    const comparisons = [];

    await tabTo(page, topic, { id: 'pair-a' });
    for (let index = 0; index < 4; index++) {
      await says(page, topic, `Pair ${String(index + 1)} of 6`);
      assert.equal((await focused(page))?.id, 'pair-a', 'focus is on the first choice of the pair');
      const [a, b] = await page.evaluate(
        (selector) =>
          ['#pair-a', '#pair-b'].map(
            (id) => document.querySelector(selector)?.shadowRoot?.querySelector(id)?.getAttribute('data-value') ?? '',
          ),
        widgetSelector(topic),
      );
      let choice;
      if (index === 2) {
        choice = 'cant-decide';
        await tabTo(page, topic, { name: "I can't decide" });
        await page.keyboard.press('Space');
      } else if (preference.indexOf(a) < preference.indexOf(b)) {
        choice = 'a';
        await page.keyboard.press('Enter');
      } else {
        choice = 'b';
        await tabTo(page, topic, { id: 'pair-b' });
        await page.keyboard.press('Space');
      }
      comparisons.push({ a, b, choice });
      const said = choice === 'cant-decide' ? 'You could not decide.' : `You chose ${LABEL[choice === 'a' ? a : b]}.`;
      await announced(page, topic, `${said} Pair ${String(index + 2)} of 6.`);
    }

    await tabTo(page, topic, { name: "I've finished comparing" });
    await page.keyboard.press('Enter');
    await says(page, topic, 'You stopped after 4 pairs of 6');
    assert.equal((await focused(page))?.id, 'pairs-done', 'focus goes to the summary heading');
    await send(page, topic);

    assert.deepEqual(onlyRow(topic).answer, {
      mode: 'pairwise',
      shown: SHOWN.pairwise,
      shuffled: false,
      comparisons,
      stoppedEarly: true,
    });

    // Win counts, from the choices this test made.
    const ranking = await results(topic);
    assert.equal(ranking.responses, 1);
    assert.deepEqual(ranking.modes, ['pairwise']);
    const { pairwise } = ranking;
    assert.equal(pairwise.suppressed, false);
    assert.equal(pairwise.responses, 1);
    assert.equal(pairwise.comparisons, 4);
    assert.equal(pairwise.cantDecide, 1);
    assert.equal(pairwise.stoppedEarly, 1);
    const tally = Object.fromEntries(
      SHOWN.pairwise.map((option) => [option, { comparisons: 0, wins: 0, losses: 0, cantDecide: 0 }]),
    );
    for (const { a, b, choice } of comparisons) {
      tally[a].comparisons += 1;
      tally[b].comparisons += 1;
      if (choice === 'cant-decide') {
        tally[a].cantDecide += 1;
        tally[b].cantDecide += 1;
      } else {
        const [winner, loser] = choice === 'a' ? [a, b] : [b, a];
        tally[winner].wins += 1;
        tally[loser].losses += 1;
      }
    }
    const compared = pairwise.options.filter((row) => row.comparisons > 0);
    assert.deepEqual(
      Object.fromEntries(
        compared.map(({ option, comparisons: count, wins, losses, cantDecide, winRate }) => [
          option,
          { comparisons: count, wins, losses, cantDecide, winRate },
        ]),
      ),
      Object.fromEntries(
        Object.entries(tally)
          .filter(([, row]) => row.comparisons > 0)
          .map(([option, row]) => [
            option,
            { ...row, winRate: row.wins + row.losses > 0 ? round(row.wins / (row.wins + row.losses)) : null },
          ]),
      ),
    );
    // Options by Bradley–Terry strength, strongest first.
    const strengths = pairwise.options.map((row) => row.strength);
    assert.deepEqual(
      strengths,
      [...strengths].sort((x, y) => y - x),
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  describe('with JavaScript off', () => {
    /** @type {import('playwright-core').BrowserContext} */
    let context;
    /**
     * axe-core needs JavaScript (timers do not run with it off), so it looks at the same
     * pages in a context of its own: the page with the widgets' script blocked, so the plain
     * forms show as they do with JavaScript off, and the collector's pages as the HTML sent.
     * @type {import('playwright-core').BrowserContext}
     */
    let axeContext;
    /** One tab, reused: each test loads the page afresh in it. */
    /** @type {import('playwright-core').Page} */
    let page;
    before(async () => {
      context = await stack.browser.newContext({ javaScriptEnabled: false });
      axeContext = await stack.browser.newContext();
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await axeContext?.close();
    });

    /** axe's violations on the HTML this page was sent, which has no scripts of its own. */
    async function axeViolationsOfHtml(page) {
      const copy = await axeContext.newPage();
      await copy.setContent(await page.content());
      const violations = await axeViolations(copy);
      await copy.close();
      return violations;
    }

    /** The plain form inside the widget for `topic`, on a fresh copy of the page. */
    async function fallbackForm(topic) {
      await page.goto(`${stack.demoUrl}${PAGE}`);
      return page.locator(`${widgetSelector(topic)} form`);
    }

    /** Types into each box, by its label, and sends the form by keyboard; resolves with the answer page. */
    async function fillAndSend(form, boxes) {
      for (const [value, typed] of Object.entries(boxes))
        await form.getByLabel(LABEL[value], { exact: true }).fill(typed);
      const [response] = await Promise.all([
        page.waitForNavigation(),
        form.getByRole('button', { name: 'Send' }).press('Enter'),
      ]);
      return response;
    }

    /**
     * Checks the collector's thank-you page (with axe when `axe` is set: the page is the same
     * for every form), and resolves with the row the post added.
     */
    async function thankYou(response, topic, rowsBefore, { axe = false } = {}) {
      assert.equal(response?.status(), 200);
      assert.equal(page.url(), `${stack.collectorUrl}/v1/responses`);
      assert.equal(await page.title(), 'Thank you for your answer');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.deepEqual(await page.getByRole('heading', { level: 1 }).allTextContents(), ['Thank you for your answer']);
      assert.equal(
        await page.getByRole('link', { name: 'Go back to the page you were on' }).getAttribute('href'),
        `${stack.demoUrl}${PAGE}`,
      );
      if (axe) assert.deepEqual(await axeViolationsOfHtml(page), []);
      const rows = stack.rows(topic);
      assert.equal(rows.length, rowsBefore + 1, 'the post added one row');
      const row = rows.at(-1);
      assert.equal(row.widget, 'priority-ranking');
      assert.equal(row.stage, 'develop-priorities');
      assert.equal(row.page, `${stack.demoUrl}${PAGE}`);
      return row;
    }

    it('shows the four plain forms, labelled and with no axe violations', async () => {
      await page.goto(`${stack.demoUrl}${PAGE}`);
      for (const topic of Object.values(TOPIC)) {
        const form = page.locator(`${widgetSelector(topic)} form`);
        assert.equal(await form.isVisible(), true, `${topic} form is shown`);
        assert.equal(await form.locator('fieldset legend').count(), 1);
      }
      // Every option's box can be found by its label, in every form.
      for (const [mode, values] of Object.entries(SHOWN)) {
        const form = page.locator(`${widgetSelector(TOPIC[mode])} form`);
        for (const value of values) assert.equal(await form.getByLabel(LABEL[value], { exact: true }).count(), 1);
      }

      const withoutWidgets = await axeContext.newPage();
      await withoutWidgets.route('**/participate/**', (route) => route.abort());
      await withoutWidgets.goto(`${stack.demoUrl}${PAGE}`);
      assert.equal(await withoutWidgets.locator(`${widgetSelector(TOPIC.rank)} form`).isVisible(), true);
      assert.deepEqual(await axeViolations(withoutWidgets), []);
      assert.equal(await scrollsSideways(withoutWidgets), false, 'the plain forms reflow at 320 px');
      await withoutWidgets.close();
    });

    it('rank: a different number in each box is stored as an order', async () => {
      const before = stack.rows(TOPIC.rank).length;
      const form = await fallbackForm(TOPIC.rank);
      const response = await fillAndSend(form, {
        'roads-pavements': '3',
        libraries: '5',
        'adult-social-care': ' 1 ',
        parks: '4',
        'bin-collections': '2',
      });
      const row = await thankYou(response, TOPIC.rank, before, { axe: true });
      assert.deepEqual(row.answer, {
        mode: 'rank',
        shown: SHOWN.rank,
        shuffled: false,
        order: ['adult-social-care', 'bin-collections', 'roads-pavements', 'parks', 'libraries'],
      });
    });

    it('top: only the chosen boxes filled are stored as a top list with its max', async () => {
      const before = stack.rows(TOPIC.top).length;
      const form = await fallbackForm(TOPIC.top);
      const response = await fillAndSend(form, { 'youth-services': '1', 'roads-pavements': '2' });
      const row = await thankYou(response, TOPIC.top, before);
      assert.deepEqual(row.answer, {
        mode: 'top',
        shown: SHOWN.top,
        shuffled: false,
        max: 3,
        top: ['youth-services', 'roads-pavements'],
      });
    });

    it('points: all 100 points shared out, the budget from the hidden field', async () => {
      const before = stack.rows(TOPIC.points).length;
      const form = await fallbackForm(TOPIC.points);
      const response = await fillAndSend(form, { 'adult-social-care': '50', 'roads-pavements': '30', parks: '20' });
      const row = await thankYou(response, TOPIC.points, before);
      // Boxes left empty count as 0, as the widget sends them: both store the same shape.
      const points = Object.fromEntries(SHOWN.points.map((value) => [value, 0]));
      assert.deepEqual(row.answer, {
        mode: 'points',
        shown: SHOWN.points,
        shuffled: false,
        budget: 100,
        mustSpendAll: true,
        points: { ...points, 'roads-pavements': 30, 'adult-social-care': 50, parks: 20 },
      });
    });

    it('pairwise: the ranking form in its place is stored as a rank answer on the pairwise topic', async () => {
      const before = stack.rows(TOPIC.pairwise).length;
      const form = await fallbackForm(TOPIC.pairwise);
      const response = await fillAndSend(form, {
        libraries: '2',
        'adult-social-care': '1',
        parks: '4',
        'bin-collections': '5',
        'youth-services': '3',
      });
      const row = await thankYou(response, TOPIC.pairwise, before);
      const order = ['adult-social-care', 'libraries', 'youth-services', 'parks', 'bin-collections'];
      assert.deepEqual(row.answer, { mode: 'rank', shown: SHOWN.pairwise, shuffled: false, order });

      // The results give this topic a rank section for it, beside any pairwise answers.
      const response2 = await fetch(`${stack.collectorUrl}/v1/results?topic=${TOPIC.pairwise}`);
      const { ranking } = await response2.json();
      assert.ok(ranking.modes.includes('rank'));
      assert.equal(ranking.rank.responses, 1);
      assert.deepEqual(
        ranking.rank.options.map(({ option }) => option),
        order,
      );
    });

    it('two services given the same number: the error page says why, stores nothing, and Back keeps what was typed', async () => {
      const before = stack.rows(TOPIC.rank).length;
      const form = await fallbackForm(TOPIC.rank);
      const typed = {
        'roads-pavements': '1',
        libraries: '1',
        'adult-social-care': '2',
        parks: '3',
        'bin-collections': '4',
      };
      const response = await fillAndSend(form, typed);
      assert.equal(response?.status(), 422);
      assert.equal(await page.title(), 'Error: There is a problem');
      assert.deepEqual(await page.getByRole('heading', { level: 1 }).allTextContents(), ['There is a problem']);
      assert.deepEqual(await page.getByRole('listitem').allTextContents(), [
        'Use whole numbers starting from 1, and each number only once.',
      ]);
      assert.equal(
        await page.getByRole('link', { name: 'Start again on the page you came from' }).getAttribute('href'),
        `${stack.demoUrl}${PAGE}`,
      );
      assert.deepEqual(await axeViolationsOfHtml(page), []);
      assert.equal(stack.rows(TOPIC.rank).length, before, 'nothing is stored');

      // The error page repeats what was typed, and says the browser's Back button brings the
      // form back with the answers in it: the person corrects one box and sends again.
      for (const [value, text] of Object.entries(typed)) {
        assert.match(await page.locator('body').innerText(), new RegExp(`${value}\\s+${text}`), `${value} echoed`);
      }
      await page.goBack();
      for (const [value, text] of Object.entries(typed)) {
        assert.equal(await form.getByLabel(LABEL[value], { exact: true }).inputValue(), text, `${value} kept`);
      }
      await form.getByLabel(LABEL.libraries, { exact: true }).fill('5');
      const [again] = await Promise.all([
        page.waitForNavigation(),
        form.getByRole('button', { name: 'Send' }).press('Enter'),
      ]);
      const row = await thankYou(again, TOPIC.rank, before);
      assert.deepEqual(row.answer.order, [
        'roads-pavements',
        'adult-social-care',
        'parks',
        'bin-collections',
        'libraries',
      ]);
    });
  });
});
