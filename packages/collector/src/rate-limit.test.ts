import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml } from './html/escape.js';
import { MESSAGES } from './html/messages.js';
import type { ServerOptions } from './server.js';
import { ADMIN_TOKEN, ORIGIN, startCollector, validPayload, type Collector } from './testing/harness.js';

const LIMIT = 3;
const PAGE = `${ORIGIN}/health/gp-appointments`;

/** Runs `body` against a fresh collector allowing LIMIT posts a minute, so no test shares a client's allowance. */
async function withLimitedCollector(
  body: (collector: Collector) => Promise<void>,
  options: Partial<ServerOptions> = {},
): Promise<void> {
  const collector = await startCollector({ rateLimitPerMinute: LIMIT, ...options });
  try {
    await body(collector);
  } finally {
    await collector.close();
  }
}

async function expectStored(response: Response): Promise<void> {
  assert.equal(response.status, 201, await response.clone().text());
  await response.arrayBuffer();
}

/** Spends a client's allowance: LIMIT stored posts. */
async function useAllowance(collector: Collector, headers: Record<string, string> = {}): Promise<void> {
  for (let i = 0; i < LIMIT; i++) await expectStored(await collector.postJson(validPayload(), headers));
}

/** Retry-After as whole seconds, checked to be within the one-minute window. */
function retryAfterSeconds(response: Response): number {
  const header = response.headers.get('retry-after') ?? '';
  assert.match(header, /^[1-9]\d*$/, `Retry-After: ${header}`);
  const seconds = Number(header);
  assert.ok(seconds >= 1 && seconds <= 60, `Retry-After: ${header}`);
  return seconds;
}

async function expectRateLimitedJson(response: Response): Promise<void> {
  assert.equal(response.status, 429);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const seconds = retryAfterSeconds(response);
  assert.deepEqual(await response.json(), {
    error: {
      code: 'rate_limited',
      message: `Too many responses from this client. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    },
  });
}

describe('rate limit on POST /v1/responses', () => {
  test('the post after the allowance is 429 rate_limited with Retry-After, and is not stored', async () => {
    await withLimitedCollector(async (collector) => {
      await useAllowance(collector);
      const payload = validPayload();
      const response = await collector.postJson(payload);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      await expectRateLimitedJson(response);
      await expectRateLimitedJson(await collector.postJson(validPayload()));

      assert.equal(await collector.count(), LIMIT);
      assert.ok(!(await collector.exportRows()).some((row) => row.id === payload.id));
    });
  });

  test('a retry of a stored response counts too', async () => {
    await withLimitedCollector(async (collector) => {
      const payload = validPayload();
      for (let i = 0; i < LIMIT; i++) await expectStored(await collector.postJson(payload));
      await expectRateLimitedJson(await collector.postJson(payload));
      assert.equal(await collector.count(), 1);
    });
  });

  test('an allowed origin can read Retry-After from the 429 (CORS exposes it)', async () => {
    await withLimitedCollector(async (collector) => {
      await useAllowance(collector);
      const response = await collector.postJson(validPayload(), { origin: ORIGIN });
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
      const exposed = (response.headers.get('access-control-expose-headers') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase());
      assert.ok(exposed.includes('retry-after'), `exposed: ${exposed.join(', ')}`);
      retryAfterSeconds(response);
      await response.arrayBuffer();
    });
  });

  test('the no-JavaScript form gets a page saying so, in the language of the form', async () => {
    await withLimitedCollector(async (collector) => {
      await useAllowance(collector);
      const form = (locale?: string): [string, string][] => [
        ['topic', 'gp-appointments'],
        ['useful', 'yes'],
        ...(locale === undefined ? [] : [['locale', locale] as [string, string]]),
      ];

      const welsh = await collector.postForm(form('cy'), { referer: PAGE });
      assert.equal(welsh.status, 429);
      assert.equal(welsh.headers.get('content-type'), 'text/html; charset=utf-8');
      retryAfterSeconds(welsh);
      const welshPage = await welsh.text();
      assert.match(welshPage, /<html lang="cy"/);
      assert.ok(welshPage.includes(escapeHtml(MESSAGES.cy.tooManyRequests)), welshPage);
      assert.ok(welshPage.includes(`<a href="${PAGE}">`), 'links back to the page');

      const english = await collector.postForm(form(), { referer: PAGE });
      assert.equal(english.status, 429);
      const englishPage = await english.text();
      assert.match(englishPage, /<html lang="en"/);
      assert.ok(englishPage.includes(escapeHtml(MESSAGES.en.tooManyRequests)), englishPage);

      // Without a locale field, the browser's languages decide.
      const fromBrowser = await collector.postForm(form(), { referer: PAGE, 'accept-language': 'cy-GB, en;q=0.5' });
      assert.equal(fromBrowser.status, 429);
      assert.ok((await fromBrowser.text()).includes(escapeHtml(MESSAGES.cy.tooManyRequests)));

      assert.equal(await collector.count(), LIMIT);
    });
  });

  test('the 429 page for a form shows back what the person entered, so waiting loses nothing', async () => {
    await withLimitedCollector(async (collector) => {
      await useAllowance(collector);
      const response = await collector.postForm(
        [
          ['topic', 'topic-sentinel'],
          ['useful', 'no'],
          ['comment', 'The opening hours are wrong & out of date'],
          ['website', 'honeypot-sentinel'],
        ],
        { referer: PAGE },
      );
      assert.equal(response.status, 429);
      const page = await response.text();
      assert.ok(page.includes(escapeHtml(MESSAGES.en.tooManyRequests)), page);
      assert.match(page, /<h2>What you entered<\/h2>/);
      assert.match(page, /<dt>Is this page useful\?<\/dt>\n<dd>No<\/dd>/);
      assert.ok(page.includes('>\nThe opening hours are wrong &amp; out of date</textarea>'), page);
      assert.ok(!page.includes('honeypot-sentinel'));
      assert.ok(!page.includes('topic-sentinel'), 'the topic is a hidden field');
    });
  });

  test('form posts and JSON posts share one allowance', async () => {
    await withLimitedCollector(async (collector) => {
      for (let i = 0; i < LIMIT; i++) {
        const response = await collector.postForm(
          [
            ['topic', 'gp-appointments'],
            ['useful', 'no'],
          ],
          { referer: PAGE },
        );
        assert.equal(response.status, 200);
        await response.arrayBuffer();
      }
      await expectRateLimitedJson(await collector.postJson(validPayload()));
    });
  });

  test('GET routes are not limited', async () => {
    await withLimitedCollector(async (collector) => {
      await useAllowance(collector);
      await expectRateLimitedJson(await collector.postJson(validPayload()));
      for (let i = 0; i < LIMIT * 4; i++) {
        for (const path of ['/healthz', '/readyz', '/v1/results?topic=x', '/v1/results?topic=gp-appointments']) {
          const response = await fetch(`${collector.url}${path}`);
          assert.equal(response.status, 200, `${path} (#${i + 1})`);
          await response.arrayBuffer();
        }
        const exported = await fetch(`${collector.url}/v1/responses`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        assert.equal(exported.status, 200);
        await exported.arrayBuffer();
      }
    });
  });

  test('behind trusted proxies, each X-Forwarded-For address has its own allowance', async () => {
    await withLimitedCollector(
      async (collector) => {
        const first = { 'x-forwarded-for': '203.0.113.10' };
        const second = { 'x-forwarded-for': '198.51.100.20' };
        await useAllowance(collector, first);
        await expectRateLimitedJson(await collector.postJson(validPayload(), first));
        await useAllowance(collector, second);
        await expectRateLimitedJson(await collector.postJson(validPayload(), second));
        // Behind a second trusted proxy (10.0.0.1), the client is the address that proxy appended.
        await expectRateLimitedJson(
          await collector.postJson(validPayload(), { 'x-forwarded-for': '203.0.113.10, 10.0.0.1' }),
        );
        // The proxy's own address (no header) is yet another client.
        await expectStored(await collector.postJson(validPayload()));
        assert.equal(await collector.count(), 2 * LIMIT + 1);
      },
      { trustProxy: ['127.0.0.1', '10.0.0.0/8'] },
    );
  });

  test('without proxy trust, X-Forwarded-For is ignored: a forged address does not get a new allowance', async () => {
    await withLimitedCollector(async (collector) => {
      for (let i = 0; i < LIMIT; i++) {
        await expectStored(await collector.postJson(validPayload(), { 'x-forwarded-for': `203.0.113.${i + 1}` }));
      }
      await expectRateLimitedJson(await collector.postJson(validPayload(), { 'x-forwarded-for': '198.51.100.99' }));
      await expectRateLimitedJson(await collector.postJson(validPayload()));
      assert.equal(await collector.count(), LIMIT);
    });
  });
});
