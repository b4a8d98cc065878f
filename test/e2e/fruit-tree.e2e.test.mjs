// End to end: an NHS trust's Get involved page has the participation fruit tree with its
// default tree. A person picks a mix of fruits in the tree view by keyboard alone, gives a
// name and an email address with consent, checks the sentence and sends. The answer is in
// the admin export exactly as sent and without the contact details, which are in the
// contacts export alone, filtered by fruit; GET /v1/results reflects the mix. Then, with
// JavaScript off, the plain form inside the widget is answered, including a mistake the
// collector sends back without storing anything.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { startStack } from '../support/e2e-harness.mjs';

const PAGE = '/get-involved.html';
const TOPIC = 'get-involved';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fruits of the default tree on the page. */
const OFFERED = 15;

const CHOSEN_BY_KEYBOARD = [
  { fruit: 'service-updates', branch: 'stay-informed', effort: 'once' },
  { fruit: 'co-design', branch: 'work-together', effort: 'regular' },
  { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' },
];

const CONSENT_MESSAGE =
  'Select the box to agree that we can keep your details to contact you, or leave all the contact details empty.';

/** Resolves once the fruit tree shows `text` in its shadow root. */
function says(page, text, timeout = 10_000) {
  return page.waitForFunction(
    (expected) => document.querySelector('participate-fruit-tree')?.shadowRoot?.textContent?.includes(expected),
    text,
    { timeout },
  );
}

/** Waits until the widget's polite live region says exactly `expected`; fails with what it said instead. */
async function announced(page, expected) {
  const read = () =>
    page.evaluate(
      () =>
        document
          .querySelector('participate-fruit-tree')
          ?.shadowRoot?.querySelector('[role="status"]')
          ?.textContent?.trim() ?? '',
    );
  try {
    await page.waitForFunction(
      (text) =>
        document
          .querySelector('participate-fruit-tree')
          ?.shadowRoot?.querySelector('[role="status"]')
          ?.textContent?.trim() === text,
      expected,
      { timeout: 5_000 },
    );
  } catch {
    assert.equal(await read(), expected, 'the live region');
  }
}

/** What has focus, looking through shadow roots: its tag, type, id, and text (spaces collapsed). */
function focused(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return null;
    return {
      tag: active.localName,
      id: active.id,
      type: active.getAttribute('type'),
      name: (active.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/** Presses Tab until the focused control matches every field of `wanted` (`name` as a prefix). */
async function tabTo(page, wanted, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focus = await focused(page);
    if (
      focus &&
      Object.entries(wanted).every(([key, value]) =>
        key === 'name' ? focus.name.startsWith(value) : focus[key] === value,
      )
    ) {
      return focus;
    }
  }
  throw new Error(`Tab never reached ${JSON.stringify(wanted)}`);
}

/** The text of the element matching `selector` in the widget's shadow root. */
function widgetText(page, selector) {
  return page.evaluate(
    (css) =>
      (document.querySelector('participate-fruit-tree')?.shadowRoot?.querySelector(css)?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    selector,
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

describe('Get involved page: the participation fruit tree', () => {
  /** @type {Awaited<ReturnType<typeof startStack>>} */
  let stack;
  before(async () => {
    // One answer is a group of one; the default minimum group size (5) would suppress it.
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

  const answers = () => stack.adminLines(`/v1/responses?format=ndjson&topic=${TOPIC}`);
  const contacts = (filter) => stack.adminLines(`/v1/contacts?topic=${TOPIC}${filter ? `&${filter}` : ''}`);

  async function results() {
    const response = await fetch(`${stack.collectorUrl}/v1/results?topic=${TOPIC}`);
    assert.equal(response.status, 200);
    return (await response.json()).fruitTree;
  }

  /** The page, fresh, with anything the page or widget logs as an error collected. */
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
    await says(page, 'How would you like to be involved?');
    return { page, problems };
  }

  it('shows the tree with no axe violations, nothing logged, and reflows at 320 px', async () => {
    const { page, problems } = await openPage();
    // A wide window starts in the tree view; the plain form inside is not shown.
    assert.equal(await page.locator('participate-fruit-tree form.fallback-form').isVisible(), false);
    assert.equal(
      await page.evaluate(() => document.querySelector('participate-fruit-tree')?.privacyUrl),
      '/privacy.html',
    );
    assert.equal(
      await page.evaluate(
        () => document.querySelector('participate-fruit-tree')?.shadowRoot?.querySelectorAll('button.fruit').length,
      ),
      OFFERED,
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await scrollsSideways(page), false, 'reflows at 320 px');
    assert.deepEqual(await axeViolations(page), [], 'no violations at 320 px either');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('by keyboard alone: a mix picked in the tree, contact details given, checked and sent', async () => {
    const { page, problems } = await openPage();

    await tabTo(page, { tag: 'button', name: 'Hear about changes to a service you use' });
    await page.keyboard.press('Space');
    await announced(page, 'Hear about changes to a service you use, chosen. 1 chosen.');
    await tabTo(page, { tag: 'button', name: 'Help design a service' });
    await page.keyboard.press('Space');
    await announced(page, 'Help design a service, chosen. 2 chosen.');
    await tabTo(page, { tag: 'button', name: 'Stand as a governor' });
    await page.keyboard.press('Enter');
    await announced(page, 'Stand as a governor, chosen. 3 chosen.');
    assert.deepEqual(
      await page.evaluate(() =>
        [
          ...(document
            .querySelector('participate-fruit-tree')
            ?.shadowRoot?.querySelectorAll('button.fruit[aria-pressed="true"] .fruit-label') ?? []),
        ].map((label) => label.textContent?.trim()),
      ),
      ['Hear about changes to a service you use', 'Help design a service', 'Stand as a governor'],
    );

    await tabTo(page, { tag: 'button', type: 'submit', name: 'Continue' });
    await page.keyboard.press('Enter');
    await says(page, 'How can we reach you?');
    assert.equal((await focused(page))?.id, 'contact-heading', 'focus goes to the contact step');

    await tabTo(page, { tag: 'input', id: 'contact-name' });
    await page.keyboard.type('Ada Lovelace');
    await tabTo(page, { tag: 'input', id: 'contact-email' });
    await page.keyboard.type('ada@example.org');
    await tabTo(page, { tag: 'input', id: 'contact-consent' });
    await page.keyboard.press('Space');
    await tabTo(page, { tag: 'button', type: 'submit', name: 'Continue' });
    await page.keyboard.press('Enter');

    await says(page, 'Check your choices');
    assert.equal((await focused(page))?.id, 'check-heading', 'focus goes to the check step');
    assert.equal(
      await widgetText(page, '.mix-sentence'),
      'You have chosen 3 ways to be involved, on 3 branches: Hear about changes to a service you use, Help design a service and Stand as a governor.',
    );
    const summary = await widgetText(page, 'form');
    assert.ok(summary.includes('Ada Lovelace') && summary.includes('ada@example.org'), summary);

    await tabTo(page, { tag: 'button', type: 'submit', name: 'Send' });
    await page.keyboard.press('Enter');
    await says(page, 'Thank you for choosing how to be involved');
    assert.equal((await focused(page))?.name, 'Thank you for choosing how to be involved');
    assert.deepEqual(problems, []);
    await page.close();

    // The answer, exactly as chosen, in the admin export; the contact details are not in it.
    const rows = await answers();
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row.widget, 'fruit-tree');
    assert.equal(row.variant, 'fruit-tree');
    assert.equal(row.stage, 'identify-needs');
    assert.equal(row.locale, 'en');
    assert.equal(row.page, `${stack.demoUrl}${PAGE}`);
    assert.deepEqual(row.answer, {
      chosen: CHOSEN_BY_KEYBOARD,
      offered: OFFERED,
      effortFilter: 'any',
      view: 'tree',
      contactGiven: true,
    });
    assert.doesNotMatch(JSON.stringify(row), /Ada|example\.org|"contact"/);

    // The details, apart, for the people who chose to be a governor — and not for the newsletter.
    assert.deepEqual(await contacts('fruit=governor'), [
      {
        responseId: row.id,
        topic: TOPIC,
        widget: 'fruit-tree',
        receivedAt: row.receivedAt,
        name: 'Ada Lovelace',
        email: 'ada@example.org',
        phone: null,
        fruits: ['service-updates', 'co-design', 'governor'],
        branches: ['stay-informed', 'work-together', 'lead-and-govern'],
      },
    ]);
    assert.deepEqual(await contacts('fruit=newsletter'), []);
    assert.equal((await contacts('branch=work-together')).length, 1);

    // One person, three fruits on three branches, one of each effort, contact given.
    assert.deepEqual(await results(), {
      responses: 1,
      suppressed: false,
      fruits: [
        { fruit: 'co-design', branch: 'work-together', effort: 'regular', people: 1 },
        { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing', people: 1 },
        { fruit: 'service-updates', branch: 'stay-informed', effort: 'once', people: 1 },
      ],
      branches: [
        { branch: 'lead-and-govern', people: 1, fruits: 1 },
        { branch: 'stay-informed', people: 1, fruits: 1 },
        { branch: 'work-together', people: 1, fruits: 1 },
      ],
      branchesPerPerson: [
        { branches: 1, people: 0 },
        { branches: 2, people: 0 },
        { branches: 3, people: 1 },
      ],
      efforts: { once: 1, regular: 1, ongoing: 1 },
      effortFilters: { any: 1, once: 0, regular: 0, ongoing: 0 },
      views: { tree: 1, list: 0 },
      contactGiven: 1,
    });
  });

  describe('with JavaScript off', () => {
    /** @type {import('playwright-core').BrowserContext} */
    let context;
    /**
     * axe-core needs JavaScript, so it looks at the page in a context of its own with the
     * widget's script blocked: the plain form shows as it does with JavaScript off.
     * @type {import('playwright-core').BrowserContext}
     */
    let axeContext;
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

    /** The plain form inside the widget, on a fresh copy of the page. */
    async function fallbackForm() {
      await page.goto(`${stack.demoUrl}${PAGE}`);
      return page.locator('participate-fruit-tree form');
    }

    /** Ticks the boxes and types the details, by their labels, and sends by keyboard; resolves with the answer page. */
    async function fillAndSend(form, { fruits, details = {}, consent = false }) {
      for (const label of fruits) await form.getByLabel(label, { exact: true }).check();
      for (const [label, typed] of Object.entries(details)) await form.getByLabel(label, { exact: true }).fill(typed);
      if (consent) await form.getByLabel(/^I agree that you can keep these details/).check();
      const [response] = await Promise.all([
        page.waitForNavigation(),
        form.getByRole('button', { name: 'Send' }).press('Enter'),
      ]);
      return response;
    }

    it('shows the plain form: a labelled group per branch and for the contact details, with no axe violations', async () => {
      const form = await fallbackForm();
      assert.equal(await form.isVisible(), true);
      assert.deepEqual(await form.locator('fieldset > legend').allTextContents(), [
        'Stay informed',
        'Share your experience',
        'Shape decisions',
        'Work together',
        'Lead and govern',
        'How can we reach you? (optional)',
      ]);
      assert.equal(await form.getByRole('checkbox').count(), OFFERED + 1, 'a box per fruit, and the consent box');
      assert.equal(await form.locator('input[name="offered"]').getAttribute('value'), String(OFFERED));
      for (const label of ['Full name', 'Email address', 'Phone number']) {
        assert.equal(await form.getByLabel(label, { exact: true }).count(), 1, label);
      }
      assert.equal(
        await form.getByRole('link', { name: /privacy notice/ }).getAttribute('href'),
        '/privacy.html',
        'the privacy notice is linked',
      );

      const withoutWidget = await axeContext.newPage();
      await withoutWidget.route('**/participate/participate.js', (route) => route.abort());
      await withoutWidget.goto(`${stack.demoUrl}${PAGE}`);
      assert.equal(await withoutWidget.locator('participate-fruit-tree form').isVisible(), true);
      assert.deepEqual(await axeViolations(withoutWidget), []);
      assert.equal(await scrollsSideways(withoutWidget), false, 'the plain form reflows at 320 px');
      await withoutWidget.close();
    });

    it('boxes ticked and details given: thanked, the answer stored as a list, the details apart', async () => {
      const before = (await answers()).length;
      const form = await fallbackForm();
      const response = await fillAndSend(form, {
        fruits: ['Get our newsletter', 'Join our citizens’ panel', 'Become a member'],
        details: { 'Full name': 'Grace Hopper', 'Phone number': '01632 960 001' },
        consent: true,
      });
      assert.equal(response?.status(), 200);
      assert.equal(page.url(), `${stack.collectorUrl}/v1/responses`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const [heading] = await page.getByRole('heading', { level: 1 }).allTextContents();
      assert.match(heading ?? '', /^Thank you for /);
      assert.equal(
        await page.getByRole('link', { name: 'Go back to the page you were on' }).getAttribute('href'),
        `${stack.demoUrl}${PAGE}`,
      );

      const rows = await answers();
      assert.equal(rows.length, before + 1, 'the post added one answer');
      const row = rows.at(-1);
      assert.equal(row.widget, 'fruit-tree');
      assert.equal(row.stage, 'identify-needs');
      assert.equal(row.page, `${stack.demoUrl}${PAGE}`);
      assert.deepEqual(row.answer, {
        chosen: [
          { fruit: 'newsletter', branch: 'stay-informed', effort: 'once' },
          { fruit: 'citizens-panel', branch: 'shape-decisions', effort: 'regular' },
          { fruit: 'member', branch: 'lead-and-govern', effort: 'once' },
        ],
        offered: OFFERED,
        effortFilter: 'any',
        view: 'list',
        contactGiven: true,
      });
      assert.doesNotMatch(JSON.stringify(row), /Grace|01632|"contact"/);

      const members = await contacts('fruit=member');
      assert.deepEqual(
        members.map(({ responseId, name, email, phone }) => ({ responseId, name, email, phone })),
        [{ responseId: row.id, name: 'Grace Hopper', email: null, phone: '01632 960 001' }],
      );
      // The person who chose the governor by keyboard did not choose the newsletter; this one did.
      assert.deepEqual(
        (await contacts('fruit=newsletter')).map(({ name }) => name),
        ['Grace Hopper'],
      );
      assert.deepEqual(
        (await contacts('fruit=governor')).map(({ name }) => name),
        ['Ada Lovelace'],
      );
    });

    it('details without the consent box: the error page says so, and nothing is stored', async () => {
      const answersBefore = (await answers()).length;
      const contactsBefore = (await contacts()).length;
      const form = await fallbackForm();
      const response = await fillAndSend(form, {
        fruits: ['Tell us your story'],
        details: { 'Full name': 'Alan Turing', 'Email address': 'alan@example.org' },
      });
      assert.equal(response?.status(), 422);
      assert.equal(await page.title(), 'Error: There is a problem');
      assert.deepEqual(await page.getByRole('heading', { level: 1 }).allTextContents(), ['There is a problem']);
      assert.deepEqual(await page.locator('main > ul > li').allTextContents(), [CONSENT_MESSAGE]);
      assert.equal((await answers()).length, answersBefore, 'no answer stored');
      assert.equal((await contacts()).length, contactsBefore, 'no contact details stored');

      const copy = await axeContext.newPage();
      await copy.setContent(await page.content());
      assert.deepEqual(await axeViolations(copy), []);
      await copy.close();
    });
  });
});
