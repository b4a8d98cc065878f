// End to end: a person answers on the demo pages by keyboard alone, and the answer lands in
// the collector's SQLite file, once, even when the collector is down at the time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deepFocus, startStack, tabUntil, widgetSays } from '../support/e2e-harness.mjs';

describe('feedback prompt on the demo pages', () => {
  /** @type {Awaited<ReturnType<typeof startStack>>} */
  let stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('is answered by keyboard alone on the council page, and the rows are in SQLite', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.demoUrl}/council.html`);
    await widgetSays(page, 'Is this page useful?');

    await tabUntil(page, (f) => f.tag === 'button' && f.value === 'no');
    await page.keyboard.press('Enter');
    await widgetSays(page, 'What went wrong?');
    await tabUntil(page, (f) => f.type === 'checkbox');
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.tag === 'textarea');
    await page.keyboard.type('Tuesday is wrong for my street');
    await tabUntil(page, (f) => f.tag === 'button' && f.type === 'submit');
    await page.keyboard.press('Enter');
    await widgetSays(page, 'Thank you for your feedback');
    assert.equal((await deepFocus(page))?.text, 'Thank you for your feedback');

    // The No went at once; the follow-up is a second response that amends it.
    const rows = stack.rows('bin-collections');
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0].answer, { variant: 'page-useful', useful: 'no' });
    assert.equal(rows[1].amends, rows[0].id);
    assert.equal(rows[1].page, `${stack.demoUrl}/council.html`);
    assert.equal(rows[1].stage, 'improve-services');
    assert.deepEqual(rows[1].answer, {
      variant: 'page-useful',
      useful: 'no',
      reasons: ['wrong-dates'],
      comment: 'Tuesday is wrong for my street',
    });
    await page.close();
  });

  it('keeps an answer on the device while the collector is down and sends it exactly once', async () => {
    await stack.stopCollector();
    const page = await stack.browser.newPage();
    await page.goto(`${stack.demoUrl}/gp-practice.html`);
    await widgetSays(page, 'Overall, how was your experience of our service?');

    await tabUntil(page, (f) => f.type === 'radio');
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.tag === 'textarea');
    await page.keyboard.type('Seen on time');
    await tabUntil(page, (f) => f.tag === 'button' && f.type === 'submit');
    await page.keyboard.press('Enter');
    await widgetSays(page, 'Saved on this device');
    assert.equal(stack.rows('riverside-gp').length, 0);

    await stack.restartCollector();
    await page.reload();
    await page.waitForFunction(async () => {
      const open = indexedDB.open('participate-outbox');
      const db = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      const count = db.transaction('outbox').objectStore('outbox').count();
      return new Promise((resolve) => (count.onsuccess = () => resolve(count.result === 0)));
    });
    await page.reload();
    await widgetSays(page, 'Overall, how was your experience of our service?');

    const rows = stack.rows('riverside-gp');
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0].answer, {
      variant: 'fft',
      rating: 'very-good',
      comment: 'Seen on time',
      standardWording: true,
    });
    await page.close();
  });

  it('runs under a strict Content-Security-Policy with Trusted Types and zero violations', async () => {
    const page = await stack.browser.newPage();
    const hosts = new Set();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
      });
    });
    await page.goto(`${stack.demoUrl}/strict-csp.html`);
    await widgetSays(page, 'Is this page useful?');
    await tabUntil(page, (f) => f.tag === 'button' && f.value === 'yes');
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => f.tag === 'button' && f.type === 'submit');
    await page.keyboard.press('Enter');
    await widgetSays(page, 'Thank you for your feedback');

    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    assert.equal(stack.rows('parking-permits').length, 1);
    // No cookies, and no request to anyone but the page's own site and its collector.
    assert.deepEqual(await page.context().cookies(), []);
    assert.deepEqual([...hosts].sort(), [new URL(stack.collectorUrl).host, new URL(stack.demoUrl).host].sort());
    await page.close();
  });

  it('loads only what the page needs: English pages fetch no other language', async () => {
    const page = await stack.browser.newPage();
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${stack.demoUrl}/council.html`);
    await widgetSays(page, 'Is this page useful?');
    // The loader, then the prompt's one file: no waterfall, no other language.
    assert.deepEqual(scripts, ['/participate/participate.js', '/participate/define/feedback-prompt.js']);

    scripts.length = 0;
    await page.goto(`${stack.demoUrl}/council-cy.html`);
    await widgetSays(page, 'Ydy');
    assert.ok(
      scripts.some((path) => /\/chunks\/cy-/.test(path)),
      'the Welsh page loads the Welsh strings',
    );
    await page.close();
  });

  it('still takes an answer with JavaScript off, through the plain form fallback', async () => {
    const context = await stack.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.demoUrl}/gp-practice.html`);
    assert.equal(await page.locator('input[name="website"]').isVisible(), false, 'the honeypot is hidden');
    await page.getByLabel('Poor', { exact: true }).check();
    await page.getByLabel('Please can you tell us why you gave your answer? (optional)').fill('Long wait');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(`${stack.collectorUrl}/v1/responses`);
    assert.match(await page.locator('h1').innerText(), /thank you/i);

    const rows = stack.rows('riverside-gp').filter((row) => row.answer.rating === 'poor');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].page, `${stack.demoUrl}/gp-practice.html`);
    assert.deepEqual(rows[0].answer, { variant: 'fft', rating: 'poor', comment: 'Long wait', standardWording: true });
    await context.close();
  });
});
