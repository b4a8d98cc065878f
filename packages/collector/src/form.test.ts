import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LIMITS } from '@participate/schema';
import { ORIGIN, OTHER_ORIGIN, startCollector, type Collector } from './testing/harness.js';

let collector: Collector;
before(async () => {
  collector = await startCollector();
});
after(() => collector.close());

const PAGE = `${ORIGIN}/health/gp-appointments`;
const fromPage = { referer: `${PAGE}?utm_source=newsletter&nhs=123#feedback` };

/** The checks every fallback page must pass, whatever it says. */
function assertAccessiblePage(html: string, lang: string) {
  assert.match(html, /^<!doctype html>/);
  assert.match(html, new RegExp(`<html lang="${lang}"`));
  assert.match(html, /<title>[^<]+<\/title>/);
  assert.equal(html.match(/<main>/g)?.length, 1);
  assert.equal(html.match(/<h1>/g)?.length, 1);
  assert.doesNotMatch(html, /<script|<style|style=/i);
}

async function html(response: Response): Promise<string> {
  assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
  assert.match(response.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
  return response.text();
}

describe('POST /v1/responses (no-JavaScript form)', () => {
  test('stores the answer with the page from the Referer (no query) and thanks the person', async () => {
    const count = await collector.count();
    const response = await collector.postForm(
      [
        ['topic', 'gp-appointments'],
        ['useful', 'no'],
        ['reasons', 'out-of-date'],
        ['reasons', 'hard-to-understand'],
        ['comment', 'Opening hours are wrong'],
        ['stage', ''],
      ],
      fromPage,
    );
    assert.equal(response.status, 200);
    const page = await html(response);
    assertAccessiblePage(page, 'en');
    assert.match(page, /<h1>Thank you for your feedback<\/h1>/);
    assert.match(page, new RegExp(`<a href="${PAGE}">Go back to the page you were on</a>`));
    assert.equal(await collector.count(), count + 1);

    const stored = (await collector.exportRows()).at(-1);
    assert.ok(stored);
    assert.equal(stored.page, PAGE);
    assert.equal(stored.locale, 'en');
    assert.equal(stored.widget, 'feedback-prompt');
    assert.equal(stored.stage, null, 'an empty stage means none');
    assert.match(stored.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(stored.answer, {
      variant: 'page-useful',
      useful: 'no',
      reasons: ['out-of-date', 'hard-to-understand'],
      comment: 'Opening hours are wrong',
    });
  });

  test('an FFT answer from the form is marked as the standard wording', async () => {
    const response = await collector.postForm(
      [
        ['topic', 'maternity'],
        ['variant', 'fft'],
        ['rating', 'very-good'],
        ['comment', ''],
        ['stage', 'monitor-services'],
      ],
      { origin: ORIGIN, ...fromPage },
    );
    assert.equal(response.status, 200);
    await response.text();
    const stored = (await collector.exportRows()).at(-1);
    assert.ok(stored);
    assert.equal(stored.stage, 'monitor-services');
    assert.deepEqual(stored.answer, { variant: 'fft', rating: 'very-good', standardWording: true });
  });

  test('thanks in Welsh for locale cy', async () => {
    const response = await collector.postForm(
      [
        ['topic', 'gp-appointments'],
        ['useful', 'yes'],
        ['locale', 'cy'],
      ],
      fromPage,
    );
    assert.equal(response.status, 200);
    const page = await html(response);
    assertAccessiblePage(page, 'cy');
    assert.match(page, /<h1>Diolch am eich adborth<\/h1>/);
    assert.equal((await collector.exportRows()).at(-1)?.locale, 'cy');
  });

  test('thanks in Urdu, right to left, for locale ur', async () => {
    const response = await collector.postForm(
      [
        ['topic', 'gp-appointments'],
        ['useful', 'yes'],
        ['locale', 'ur'],
      ],
      fromPage,
    );
    const page = await html(response);
    assertAccessiblePage(page, 'ur');
    assert.match(page, /<html lang="ur" dir="rtl">/);
  });

  test('a resubmitted form with the same id is a replay, not a second row', async () => {
    const fields: [string, string][] = [
      ['id', randomUUID()],
      ['topic', 'gp-appointments'],
      ['useful', 'yes'],
    ];
    const first = await collector.postForm(fields, fromPage);
    assert.equal(first.status, 200);
    await first.text();
    const count = await collector.count();
    const again = await collector.postForm(fields, fromPage);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    await again.text();
    assert.equal(await collector.count(), count);
  });

  test('when the Referer is only an origin, a page field on that origin names the page', async () => {
    const response = await collector.postForm(
      [
        ['topic', 'gp-appointments'],
        ['useful', 'yes'],
        ['page', `${PAGE}?private=1`],
      ],
      { origin: ORIGIN, referer: `${ORIGIN}/` },
    );
    assert.equal(response.status, 200);
    await response.text();
    assert.equal((await collector.exportRows()).at(-1)?.page, PAGE);
  });

  test('a missing answer gets a 422 page saying what to do, and nothing is stored', async () => {
    const count = await collector.count();
    const response = await collector.postForm([['topic', 'gp-appointments']], fromPage);
    assert.equal(response.status, 422);
    const page = await html(response);
    assertAccessiblePage(page, 'en');
    assert.match(page, /<title>Error: There is a problem<\/title>/);
    assert.match(page, /Select yes or no to say whether the page was useful\./);
    assert.match(page, new RegExp(`<a href="${PAGE}">Go back and try again</a>`));
    assert.equal(await collector.count(), count);
  });

  test('an over-long comment is explained in Welsh for a Welsh form', async () => {
    const count = await collector.count();
    const response = await collector.postForm(
      [
        ['topic', 'gp-appointments'],
        ['useful', 'no'],
        ['locale', 'cy'],
        ['comment', 'a'.repeat(LIMITS.commentLength + 1)],
      ],
      fromPage,
    );
    assert.equal(response.status, 422);
    const page = await html(response);
    assertAccessiblePage(page, 'cy');
    assert.match(page, /Rhaid i&#39;ch sylw fod yn 2,000 nod neu lai\./);
    assert.equal(await collector.count(), count);
  });

  test('a broken form set-up (no topic) is not blamed on the person', async () => {
    const response = await collector.postForm([['useful', 'yes']], fromPage);
    assert.equal(response.status, 422);
    assert.match(await html(response), /This is not your fault/);
  });

  test('hostile values are never echoed into the page as markup', async () => {
    const response = await collector.postForm(
      [
        ['topic', '<script>alert(1)</script>'],
        ['useful', '"><img src=x onerror=alert(1)>'],
        ['locale', '"><script>alert(1)</script>'],
      ],
      { referer: `${ORIGIN}/a"><script>alert(1)</script>` },
    );
    assert.equal(response.status, 422);
    const page = await html(response);
    assert.doesNotMatch(page, /<script|<img|onerror=alert\(1\)>/i);
    assertAccessiblePage(page, 'en');
  });

  test('a form posted from another site gets a 403 page, not JSON', async () => {
    const count = await collector.count();
    const response = await collector.postForm(
      [
        ['topic', 'gp-appointments'],
        ['useful', 'yes'],
      ],
      { referer: `${OTHER_ORIGIN}/page` },
    );
    assert.equal(response.status, 403);
    const page = await html(response);
    assert.match(page, /not allowed to send feedback here/);
    assert.doesNotMatch(page, /<a href/, 'no link back to a site that is not allowed');
    assert.equal(await collector.count(), count);
  });

  test('a form body over the limit gets a 413 page in the browser language', async () => {
    const response = await collector.postForm(
      [
        ['topic', 'gp-appointments'],
        ['comment', 'x'.repeat(LIMITS.bodyBytes)],
      ],
      { ...fromPage, 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.5' },
    );
    assert.equal(response.status, 413);
    const page = await html(response);
    assertAccessiblePage(page, 'cy');
    assert.match(page, new RegExp(`<a href="${PAGE}">`));
  });

  test('property: any mix of form fields gets a 200 or 422 page, never a 5xx', async () => {
    const names = fc.oneof(
      fc.constantFrom(
        'id',
        'widget',
        'topic',
        'stage',
        'locale',
        'variant',
        'useful',
        'rating',
        'reasons',
        'comment',
        'page',
        'website',
      ),
      fc.string(),
    );
    const fields = fc.array(fc.tuple(names, fc.oneof(fc.constantFrom('', 'yes', 'fft', 'gp', 'cy'), fc.string())), {
      maxLength: 12,
    });
    await fc.assert(
      fc.asyncProperty(fields, async (pairs) => {
        const response = await collector.postForm(pairs, fromPage);
        const page = await response.text();
        assert.ok([200, 422].includes(response.status), `status ${response.status} for ${JSON.stringify(pairs)}`);
        assert.match(page, /^<!doctype html>/);
      }),
      { numRuns: 1000 },
    );
  });
});
