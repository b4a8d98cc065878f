import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LIMITS } from '@participate/schema';
import { escapeHtml } from './html/escape.js';
import { ENTERED_MESSAGES, MESSAGES, PAGE_LANGUAGES } from './html/messages.js';
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

/** The text of the read-only comment box, as a browser parses it: the newline after the tag is not content. */
function commentBoxText(html: string): string | undefined {
  const match = /<textarea id="entered-comment" readonly dir="auto" rows="\d+" cols="\d+">\n([^]*?)<\/textarea>/.exec(
    html,
  );
  return match?.[1]
    ?.replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** The "What you entered" section: from its heading to the end of <main>. */
function enteredSection(html: string, heading = ENTERED_MESSAGES.en.heading): string {
  const start = html.indexOf(`<h2>${escapeHtml(heading)}</h2>`);
  assert.ok(start >= 0, `no "${heading}" section in\n${html}`);
  return html.slice(start, html.indexOf('</main>'));
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
    // The Back button keeps the answers; the link opens the page afresh and says so.
    assert.ok(page.includes(escapeHtml(MESSAGES.en.useBackButton)));
    assert.match(page, /Back button to return to the form\. Your answers will still be in it/);
    assert.match(page, new RegExp(`<a href="${PAGE}">Start again on the page you came from</a>`));
    assert.doesNotMatch(page, /try again<\/a>/i);
    // Nothing was chosen, and the page says so rather than showing nothing.
    assert.match(enteredSection(page), /<dt>Is this page useful\?<\/dt>\n<dd>Not answered<\/dd>/);
    assert.equal(await collector.count(), count);
  });

  test('the 422 page shows back everything the person entered, the whole comment copyable, and nothing else', async () => {
    const comment = `\nFirst line kept, with a leading newline.\r\n</textarea><script>alert(1)</script> & "quotes" 'too'\n${'x'.repeat(LIMITS.commentLength)}`;
    const response = await collector.postForm(
      [
        ['id', '6f1c1e9e-0a5b-4a43-9a6b-5e1d2c3b4a59'],
        ['topic', 'topic-sentinel'],
        ['stage', 'develop-priorities'],
        ['locale', 'en-GB'],
        ['page', `${PAGE}?page-sentinel=1`],
        ['variant', 'page-useful'],
        ['widget', 'feedback-prompt'],
        ['website', ''],
        ['useful', 'no'],
        ['reasons', 'out-of-date'],
        ['reasons', 'my-own-<reason>'],
        ['comment', comment],
        ['send', 'button-sentinel'],
      ],
      fromPage,
    );
    assert.equal(response.status, 422);
    const page = await html(response);
    assertAccessiblePage(page, 'en');
    assert.match(page, /Your comment must be 2,000 characters or fewer\./);
    assert.deepEqual(
      [...page.matchAll(/<(h\d)>/g)].map((match) => match[1]),
      ['h1', 'h2'],
      'headings in order',
    );
    const section = enteredSection(page);
    assert.match(section, /<p>Here is a copy of what you entered, so you do not lose it\.<\/p>/);
    assert.match(section, /<dt>Is this page useful\?<\/dt>\n<dd>No<\/dd>/);
    assert.match(section, /<dt>What went wrong\?<\/dt>\n<dd>out-of-date<\/dd>\n<dd>my-own-&lt;reason&gt;<\/dd>/);
    assert.match(section, /<dt><label for="entered-comment">Your comment<\/label><\/dt>/);
    assert.equal(commentBoxText(section), comment, 'the whole comment, exactly as typed');
    assert.equal(page.match(/<textarea /g)?.length, 1);
    assert.doesNotMatch(page, /<script|<\/textarea><script/i);
    // Not the hidden set-up fields, the honeypot or a button.
    for (const hidden of [
      '6f1c1e9e',
      'topic-sentinel',
      'develop-priorities',
      'en-GB',
      'page-sentinel',
      'page-useful',
      'feedback-prompt',
      'button-sentinel',
    ])
      assert.ok(!page.includes(hidden), `${hidden} is not shown`);
  });

  test('an FFT form that was not answered shows the comment back, and the rating as not answered', async () => {
    const response = await collector.postForm(
      [
        ['topic', 'maternity'],
        ['variant', 'fft'],
        ['comment', 'The midwives were kind'],
      ],
      fromPage,
    );
    assert.equal(response.status, 422);
    const section = enteredSection(await html(response));
    assert.match(section, /<dt>Overall, how was your experience of our service\?<\/dt>\n<dd>Not answered<\/dd>/);
    assert.equal(commentBoxText(section), 'The midwives were kind');
    assert.doesNotMatch(section, /Is this page useful/);
  });

  test('an unknown widget keeps the comment it carried, and claims no question went unanswered', async () => {
    const response = await collector.postForm(
      [
        ['topic', 'gp-appointments'],
        ['widget', 'no-such-widget'],
        ['comment', 'Kept all the same'],
      ],
      fromPage,
    );
    assert.equal(response.status, 422);
    const page = await html(response);
    assert.match(page, /This is not your fault/);
    const section = enteredSection(page);
    assert.equal(commentBoxText(section), 'Kept all the same');
    assert.doesNotMatch(section, /Not answered|no-such-widget/);
  });

  for (const language of PAGE_LANGUAGES) {
    test(`what was entered is shown back in ${language}, in the page's language and direction`, async () => {
      const words = ENTERED_MESSAGES[language];
      const response = await collector.postForm(
        [
          ['topic', 'maternity'],
          ['variant', 'fft'],
          ['locale', language],
          ['rating', 'very-good'],
          ['comment', 'a'.repeat(LIMITS.commentLength + 1)],
        ],
        fromPage,
      );
      assert.equal(response.status, 422);
      const page = await html(response);
      assertAccessiblePage(page, language);
      assert.match(page, new RegExp(`<html lang="${language}" dir="${MESSAGES[language].dir}">`));
      assert.ok(
        page.includes(
          `<title>${escapeHtml(MESSAGES[language].errorPrefix + MESSAGES[language].problemHeading)}</title>`,
        ),
      );
      assert.ok(page.includes(`<p>${escapeHtml(MESSAGES[language].useBackButton)}</p>`));
      assert.ok(page.includes(`>${escapeHtml(MESSAGES[language].startAgain)}</a>`));
      const section = enteredSection(page, words.heading);
      assert.ok(section.includes(`<p>${escapeHtml(words.intro)}</p>`));
      assert.ok(
        section.includes(
          `<dt>${escapeHtml(words.ratingQuestion)}</dt>\n<dd>${escapeHtml(words.ratings['very-good'])}</dd>`,
        ),
      );
      assert.ok(section.includes(`>${escapeHtml(words.comment)}</label>`));
      assert.equal(commentBoxText(section), 'a'.repeat(LIMITS.commentLength + 1));
    });
  }

  test('when the store is down, the 503 page shows back what was entered too', async () => {
    const broken = await startCollector();
    try {
      await broken.store.close();
      const response = await broken.postForm(
        [
          ['topic', 'gp-appointments'],
          ['useful', 'yes'],
          ['comment', 'Clear and helpful'],
        ],
        fromPage,
      );
      assert.equal(response.status, 503);
      const page = await html(response);
      assertAccessiblePage(page, 'en');
      assert.ok(page.includes(escapeHtml(MESSAGES.en.unavailable)));
      const section = enteredSection(page);
      assert.match(section, /<dd>Yes<\/dd>/);
      assert.equal(commentBoxText(section), 'Clear and helpful');
    } finally {
      await broken.close();
    }
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

  test('a broken form set-up (no topic) is not blamed on the person, and what they wrote is kept', async () => {
    const response = await collector.postForm(
      [
        ['useful', 'yes'],
        ['comment', 'Worth keeping'],
      ],
      fromPage,
    );
    assert.equal(response.status, 422);
    const page = await html(response);
    assert.match(page, /This is not your fault/);
    assert.equal(commentBoxText(enteredSection(page)), 'Worth keeping');
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
    assert.doesNotMatch(page, /What you entered/, 'the body of a post from elsewhere is not read');
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
