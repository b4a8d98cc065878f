// End to end: a person puts local health priorities in order on the demo page by keyboard
// alone, and chooses a top two with buttons; the answers land in the collector's SQLite file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deepFocus, startStack, tabUntil } from '../support/e2e-harness.mjs';

/** Resolves once the `index`th ranking widget's shadow root contains `text`. */
function rankingSays(page, text, index = 0, timeout = 10_000) {
  return page.waitForFunction(
    ([expected, at]) =>
      document.querySelectorAll('participate-priority-ranking')[at]?.shadowRoot?.textContent?.includes(expected),
    [text, index],
    { timeout },
  );
}

/** What the live region of the `index`th widget says now. */
function liveRegion(page, index = 0) {
  return page.evaluate((at) => {
    const widget = document.querySelectorAll('participate-priority-ranking')[at];
    return widget?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim();
  }, index);
}

/** Presses Tab until the focused control (looking through shadow roots) has this accessible name. */
async function tabToName(page, name, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focusedName = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('aria-label');
    });
    if (focusedName === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('priority ranking on the demo page', () => {
  /** @type {Awaited<ReturnType<typeof startStack>>} */
  let stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('is put in order by keyboard alone, and the row is in SQLite', async () => {
    const page = await stack.browser.newPage();
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${stack.demoUrl}/priorities.html`);
    await rankingSays(page, 'Which of these matters most to you?');
    assert.deepEqual(scripts, ['/participate/participate.js', '/participate/define/priority-ranking.js']);

    await tabToName(page, 'Reorder Shorter waiting lists');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await page.waitForFunction(() =>
      document
        .querySelector('participate-priority-ranking')
        ?.shadowRoot?.querySelector('[role="status"]')
        ?.textContent?.includes('dropped at position 1 of 4'),
    );
    assert.equal(await liveRegion(page), 'Shorter waiting lists, dropped at position 1 of 4');

    await tabUntil(page, (f) => f.tag === 'button' && f.type === 'submit');
    await page.keyboard.press('Enter');
    await rankingSays(page, 'Thank you for your answer');
    assert.equal((await deepFocus(page))?.text, 'Thank you for your answer');

    const rows = stack.rows('health-priorities');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].stage, 'develop-priorities');
    assert.equal(rows[0].page, `${stack.demoUrl}/priorities.html`);
    assert.deepEqual(rows[0].answer, {
      mode: 'rank',
      shown: ['gp-access', 'mental-health', 'waiting-lists', 'transport'],
      shuffled: false,
      order: ['waiting-lists', 'gp-access', 'mental-health', 'transport'],
    });
    await page.close();
  });

  it('takes a shuffled top two, sending the order it was shown in', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.demoUrl}/priorities.html`);
    await rankingSays(page, 'Which two should we spend more on?', 1);
    const shown = await page.evaluate(() =>
      [
        ...(document
          .querySelectorAll('participate-priority-ranking')[1]
          ?.shadowRoot?.querySelectorAll('.options > li') ?? []),
      ].map((li) => li.querySelector('.item-label')?.textContent),
    );
    const clickToggle = (id) =>
      page.evaluate((target) => {
        document.querySelectorAll('participate-priority-ranking')[1]?.shadowRoot?.getElementById(target)?.click();
      }, id);
    await clickToggle('toggle-3');
    await clickToggle('toggle-0');
    await clickToggle('toggle-1');
    await rankingSays(page, 'You can choose up to 2. Remove one before adding another.', 1);
    await page.evaluate(() => {
      document
        .querySelectorAll('participate-priority-ranking')[1]
        ?.shadowRoot?.querySelector('button[type="submit"]')
        ?.click();
    });
    await rankingSays(page, 'Thank you for your answer', 1);

    const rows = stack.rows('health-priorities-top');
    assert.equal(rows.length, 1);
    const { answer } = rows[0];
    assert.equal(answer.mode, 'top');
    assert.equal(answer.shuffled, true);
    assert.equal(answer.max, 2);
    assert.equal(answer.shown.length, 5);
    const labels = {
      pharmacy: 'Local pharmacies',
      dentists: 'NHS dentists',
      'urgent-care': 'Urgent care centres',
      'health-visitors': 'Health visitors',
      'social-care': 'Care at home',
    };
    assert.deepEqual(
      answer.shown.map((value) => labels[value]),
      shown,
    );
    assert.deepEqual(answer.top, [answer.shown[3], answer.shown[0]]);
    await page.close();
  });
});
