import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StoredContact } from './store/store.js';
import { escapeHtml } from './html/escape.js';
import { ENTERED_MESSAGES, MESSAGES, PAGE_LANGUAGES, type PageLanguage, type ProblemKey } from './html/messages.js';
import { ADMIN_TOKEN, ORIGIN, startCollector, type Collector } from './testing/harness.js';

let collector: Collector;
before(async () => {
  collector = await startCollector();
});
after(() => collector.close());

const PAGE = `${ORIGIN}/get-involved`;
const fromPage = { referer: PAGE };
const GOVERNOR = 'lead-and-govern/governor/ongoing';
const NEWSLETTER = 'stay-informed/newsletter/once';

/** The hidden fields of the form, as the demo page sets them. */
const setUp = (topic = 'get-involved'): [string, string][] => [
  ['widget', 'fruit-tree'],
  ['topic', topic],
  ['page', PAGE],
  ['stage', 'identify-needs'],
  ['locale', 'en'],
  ['offered', '15'],
  ['website', ''],
];

/** Contact boxes as a person leaves them when they give no details: present, empty. */
const noDetails: [string, string][] = [
  ['name', ''],
  ['email', ''],
  ['phone', ''],
];

async function contacts(query = ''): Promise<StoredContact[]> {
  const response = await fetch(`${collector.url}/v1/contacts${query}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  assert.equal(response.status, 200);
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StoredContact);
}

async function stored(fields: [string, string][]) {
  const response = await collector.postForm(fields, fromPage);
  assert.equal(response.status, 200, await response.clone().text());
  assert.match(await response.text(), /<h1>Thank you for [^<]+<\/h1>/);
  const row = (await collector.exportRows()).at(-1);
  assert.ok(row);
  assert.equal(row.widget, 'fruit-tree');
  assert.equal(row.page, PAGE);
  assert.equal(row.stage, 'identify-needs');
  return row;
}

/** Posts `fields`, expects a 422 page in `language` listing exactly `keys`, and checks nothing was stored. */
async function refused(fields: [string, string][], keys: ProblemKey[], language: PageLanguage = 'en') {
  const answersBefore = await collector.count();
  const contactsBefore = (await contacts()).length;
  const response = await collector.postForm(fields, fromPage);
  assert.equal(response.status, 422);
  const page = await response.text();
  assert.match(page, new RegExp(`<html lang="${language}"`));
  const listed = [...page.matchAll(/<li>([^<]*)<\/li>/g)].map((match) => match[1]);
  assert.deepEqual(
    listed,
    keys.map((key) => escapeHtml(MESSAGES[language][key])),
  );
  assert.equal(await collector.count(), answersBefore, 'no answer stored');
  assert.equal((await contacts()).length, contactsBefore, 'no contact details stored');
  return page;
}

/** The "What you entered" section: from its heading to the end of <main>. */
function enteredSection(page: string, language: PageLanguage = 'en'): string {
  const start = page.indexOf(`<h2>${escapeHtml(ENTERED_MESSAGES[language].heading)}</h2>`);
  assert.ok(start >= 0, `no "What you entered" section in\n${page}`);
  return page.slice(start, page.indexOf('</main>'));
}

/** The `<dl>` that follows the paragraph `intro` in `section`, line by line. */
function listAfter(section: string, intro: string): string[] {
  const start = section.indexOf(`<p>${escapeHtml(intro)}</p>\n<dl>\n`);
  assert.ok(start >= 0, `no "${intro}" list in\n${section}`);
  const list = section.slice(start, section.indexOf('</dl>', start));
  return list.split('\n').slice(2, -1);
}

/** Hidden set-up fields with values that must never appear on the page. */
const SENTINELS: [string, string][] = [
  ['widget', 'fruit-tree'],
  ['topic', 'topic-sentinel'],
  ['id', '0d6b1a52-3c1e-4f7a-9b2d-8e4f6a1c2b3d'],
  ['stage', 'stage-sentinel'],
  ['page', `${PAGE}?page-sentinel`],
  ['offered', '987654'],
  ['website', 'honeypot-sentinel'],
  ['send', 'button-sentinel'],
];

describe('POST /v1/responses: the no-JavaScript fruit tree form', () => {
  test('ticked boxes and no details: a list answer with no time filter and no contact', async () => {
    const contactsBefore = (await contacts()).length;
    const row = await stored([
      ...setUp(),
      ['fruit', NEWSLETTER],
      ['fruit', 'work-together/co-design/regular'],
      ...noDetails,
      ['send', 'Send'],
    ]);
    assert.deepEqual(row.answer, {
      chosen: [
        { fruit: 'newsletter', branch: 'stay-informed', effort: 'once' },
        { fruit: 'co-design', branch: 'work-together', effort: 'regular' },
      ],
      offered: 15,
      effortFilter: 'any',
      view: 'list',
      contactGiven: false,
    });
    assert.equal((await contacts()).length, contactsBefore, 'no contact row');
  });

  test('with a name, email address and consent: the details are stored apart and exported by fruit', async () => {
    const row = await stored([
      ...setUp('get-involved-details'),
      ['fruit', GOVERNOR],
      ['name', ' Ada Lovelace '],
      ['email', 'ada@example.org'],
      ['phone', ''],
      ['consent', 'yes'],
    ]);
    assert.deepEqual(row.answer, {
      chosen: [{ fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' }],
      offered: 15,
      effortFilter: 'any',
      view: 'list',
      contactGiven: true,
    });
    assert.doesNotMatch(JSON.stringify(row), /Ada|example\.org/, 'the answer does not carry the details');
    const [contact, ...others] = await contacts('?topic=get-involved-details&fruit=governor');
    assert.deepEqual(others, []);
    assert.ok(contact);
    assert.equal(contact.responseId, row.id);
    assert.equal(contact.name, 'Ada Lovelace');
    assert.equal(contact.email, 'ada@example.org');
    assert.equal(contact.phone, null);
    assert.deepEqual(await contacts('?topic=get-involved-details&fruit=newsletter'), []);
  });

  test('a phone number alone is enough to be reached', async () => {
    await stored([
      ...setUp('get-involved-phone'),
      ['fruit', GOVERNOR],
      ['name', 'Grace Hopper'],
      ['email', ''],
      ['phone', '+44 808 157 0192'],
      ['consent', 'on'],
    ]);
    const [contact] = await contacts('?topic=get-involved-phone');
    assert.equal(contact?.phone, '+44 808 157 0192');
    assert.equal(contact.email, null);
  });

  test('nothing ticked: the person is asked to choose, and nothing is stored', async () => {
    await refused([...setUp(), ...noDetails], ['chooseFruit']);
  });

  test('details partly given, in a wrong format or without consent are explained, and nothing is stored', async () => {
    const withGovernor = [...setUp(), ['fruit', GOVERNOR]] satisfies [string, string][];
    await refused(
      [...withGovernor, ['name', ''], ['email', 'ada@example.org'], ['consent', 'yes']],
      ['contactNameMissing'],
    );
    await refused(
      [...withGovernor, ['name', 'A'.repeat(201)], ['email', 'ada@example.org'], ['consent', 'yes']],
      ['contactNameTooLong'],
    );
    await refused([...withGovernor, ['name', 'Ada Lovelace'], ['consent', 'yes']], ['contactReachMissing']);
    await refused(
      [...withGovernor, ['name', 'Ada Lovelace'], ['email', 'ada@example'], ['consent', 'yes']],
      ['contactEmailInvalid'],
    );
    await refused(
      [...withGovernor, ['name', 'Ada Lovelace'], ['phone', 'call me'], ['consent', 'yes']],
      ['contactPhoneInvalid'],
    );
    await refused(
      [...withGovernor, ['name', 'Ada Lovelace'], ['email', 'ada@example.org'], ['phone', '']],
      ['contactConsentMissing'],
    );
  });

  test('every problem is listed at once', async () => {
    await refused(
      [...setUp(), ['name', ''], ['email', 'nope'], ['phone', '']],
      ['chooseFruit', 'contactNameMissing', 'contactEmailInvalid', 'contactConsentMissing'],
    );
  });

  test('the problems are said in Welsh and in Urdu, right to left, for those forms', async () => {
    const details: [string, string][] = [
      ['fruit', GOVERNOR],
      ['name', 'Ada Lovelace'],
      ['email', 'ada@example.org'],
    ];
    const welsh = setUp().map(([name, value]): [string, string] => [name, name === 'locale' ? 'cy' : value]);
    await refused([...welsh, ...details], ['contactConsentMissing'], 'cy');
    const urdu = setUp().map(([name, value]): [string, string] => [name, name === 'locale' ? 'ur' : value]);
    const page = await refused([...urdu, ...details], ['contactConsentMissing'], 'ur');
    assert.match(page, /<html lang="ur" dir="rtl">/);
  });

  test('a form set up wrongly is not blamed on the person', async () => {
    const withoutOffered = setUp().filter(([name]) => name !== 'offered');
    const broken: [string, string][][] = [
      // No offered, or not a number.
      [...withoutOffered, ['fruit', GOVERNOR]],
      [...withoutOffered, ['offered', 'all'], ['fruit', GOVERNOR]],
      // A box's value not <branch>/<fruit>/<effort>, or an effort the schema does not know.
      [...setUp(), ['fruit', 'governor']],
      [...setUp(), ['fruit', 'lead-and-govern/governor/weekly']],
      // Left for the validator: not slugs, a fruit twice, more chosen than offered, no topic.
      [...setUp(), ['fruit', 'Lead and govern/governor/ongoing']],
      [...setUp(), ['fruit', GOVERNOR], ['fruit', GOVERNOR]],
      [
        ...setUp().map(([name, value]): [string, string] => [name, name === 'offered' ? '1' : value]),
        ['fruit', GOVERNOR],
        ['fruit', NEWSLETTER],
      ],
      [...setUp().filter(([name]) => name !== 'topic'), ['fruit', GOVERNOR]],
    ];
    for (const fields of broken) await refused(fields, ['formBroken']);
    // Broken and also wrongly filled in: the person is not sent to fix what cannot be sent.
    await refused([...withoutOffered, ['email', 'nope']], ['formBroken']);
  });

  test('a bot that fills in the honeypot is thanked, and neither its answer nor its details are kept', async () => {
    const answersBefore = await collector.count();
    const contactsBefore = (await contacts()).length;
    const response = await collector.postForm(
      [
        ...setUp().filter(([name]) => name !== 'website'),
        ['website', 'https://spam.example'],
        ['fruit', GOVERNOR],
        ['name', 'Spam Bot'],
        ['email', 'bot@spam.example'],
        ['consent', 'yes'],
      ],
      fromPage,
    );
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<h1>Thank you for [^<]+<\/h1>/);
    assert.equal(await collector.count(), answersBefore);
    assert.equal((await contacts()).length, contactsBefore);
  });
  test('thank-you pages say "for choosing how to be involved" as the widget does, in Welsh and Urdu too', async () => {
    for (const [locale, heading] of [
      ['en', 'Thank you for choosing how to be involved'],
      ['cy', 'Diolch am ddewis sut i gymryd rhan'],
      ['ur', 'یہ چننے کا شکریہ کہ آپ کس طرح شامل ہونا چاہتے ہیں'],
    ] as const) {
      assert.equal(MESSAGES[locale].fruitTreeThanksHeading, heading);
      const fields = setUp(`get-involved-thanks-${locale}`).map(([name, value]): [string, string] => [
        name,
        name === 'locale' ? locale : value,
      ]);
      const response = await collector.postForm([...fields, ['fruit', GOVERNOR], ...noDetails], fromPage);
      assert.equal(response.status, 200);
      const page = await response.text();
      assert.ok(page.includes(`<h1>${heading}</h1>`), page);
      assert.ok(page.includes(`<title>${heading}</title>`), page);
      assert.ok(!page.includes(MESSAGES[locale].thanksHeading), 'not "for your feedback"');
    }
  });

  test('the error page shows back the boxes ticked by branch, with their time, and the details typed, escaped', async () => {
    const page = await refused(
      [
        ...SENTINELS,
        ['locale', 'en'],
        ['fruit', GOVERNOR],
        ['fruit', NEWSLETTER],
        ['fruit', 'lead-and-govern/patient-leader/ongoing'],
        ['name', 'Ada <b>Lovelace</b>'],
        ['email', 'ada@example.org'],
        ['phone', ''],
      ],
      ['contactConsentMissing'],
    );
    assert.deepEqual(
      [...page.matchAll(/<(h\d)>/g)].map((match) => match[1]),
      ['h1', 'h2'],
    );
    const section = enteredSection(page);
    assert.deepEqual(listAfter(section, 'The ways to be involved you chose, by branch:'), [
      '<dt><bdi>lead-and-govern</bdi></dt>',
      '<dd><bdi>governor</bdi> (An ongoing role)</dd>',
      '<dd><bdi>patient-leader</bdi> (An ongoing role)</dd>',
      '<dt><bdi>stay-informed</bdi></dt>',
      '<dd><bdi>newsletter</bdi> (Once, a few minutes)</dd>',
    ]);
    assert.deepEqual(listAfter(section, 'Your contact details:'), [
      '<dt>Full name</dt>',
      '<dd dir="auto">Ada &lt;b&gt;Lovelace&lt;/b&gt;</dd>',
      '<dt>Email address</dt>',
      '<dd dir="auto">ada<wbr>@example.<wbr>org</dd>',
      '<dt>Phone number</dt>',
      '<dd>Left empty</dd>',
      `<dt>${escapeHtml(ENTERED_MESSAGES.en.consent)}</dt>`,
      '<dd>Not selected</dd>',
    ]);
    assert.doesNotMatch(page, /<b>/);
    for (const hidden of ['topic-sentinel', '>fruit-tree<', '0d6b1a52', 'sentinel', '987654']) {
      assert.ok(!page.includes(hidden), `${hidden} is not shown`);
    }
  });

  test('the contact details shown back are not kept by the browser, and a ticked consent box is shown as selected', async () => {
    const fields: [string, string][] = [
      ...setUp(),
      ['name', 'Grace Hopper'],
      ['email', ''],
      ['phone', '+44 808 157 0192'],
      ['consent', 'yes'],
    ];
    const response = await collector.postForm(fields, fromPage);
    assert.equal(response.status, 422);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const section = enteredSection(await response.text());
    assert.doesNotMatch(section, /The ways to be involved you chose/, 'nothing ticked, so no list of choices');
    assert.deepEqual(listAfter(section, 'Your contact details:').slice(2), [
      '<dt>Email address</dt>',
      '<dd>Left empty</dd>',
      '<dt>Phone number</dt>',
      '<dd dir="auto">+44 808 157 0192</dd>',
      `<dt>${escapeHtml(ENTERED_MESSAGES.en.consent)}</dt>`,
      '<dd>Selected</dd>',
    ]);
  });

  test('nothing ticked and nothing typed: no "What you entered" section', async () => {
    const page = await refused([...setUp(), ...noDetails], ['chooseFruit']);
    assert.ok(!page.includes(`<h2>${ENTERED_MESSAGES.en.heading}</h2>`), page);
  });

  test('a form set up wrongly still shows back every box ticked, under "Other choices" when it names no branch', async () => {
    const page = await refused(
      [...setUp(), ['fruit', 'governor'], ['fruit', 'lead-and-govern/member/weekly'], ['fruit', NEWSLETTER]],
      ['formBroken'],
    );
    assert.deepEqual(listAfter(enteredSection(page), 'The ways to be involved you chose, by branch:'), [
      '<dt><bdi>lead-and-govern</bdi></dt>',
      '<dd><bdi>member</bdi> (weekly)</dd>',
      '<dt><bdi>stay-informed</bdi></dt>',
      '<dd><bdi>newsletter</bdi> (Once, a few minutes)</dd>',
      '<dt>Other choices</dt>',
      '<dd><bdi>governor</bdi></dd>',
    ]);
  });

  for (const language of PAGE_LANGUAGES) {
    test(`the fruit tree echo is written in ${language}`, async () => {
      const words = ENTERED_MESSAGES[language];
      const fields = setUp().map(([name, value]): [string, string] => [name, name === 'locale' ? language : value]);
      const page = await refused(
        [
          ...fields,
          ['fruit', 'work-together/co-design/regular'],
          ['name', 'Ada'],
          ['email', 'nope'],
          ['consent', 'on'],
        ],
        ['contactEmailInvalid'],
        language,
      );
      assert.match(page, new RegExp(`<html lang="${language}" dir="${MESSAGES[language].dir}">`));
      const section = enteredSection(page, language);
      assert.deepEqual(listAfter(section, words.chosenIntro), [
        '<dt><bdi>work-together</bdi></dt>',
        `<dd><bdi>co-design</bdi> (${escapeHtml(words.efforts.regular)})</dd>`,
      ]);
      assert.deepEqual(listAfter(section, words.contactIntro), [
        `<dt>${escapeHtml(words.name)}</dt>`,
        '<dd dir="auto">Ada</dd>',
        `<dt>${escapeHtml(words.email)}</dt>`,
        '<dd dir="auto">nope</dd>',
        `<dt>${escapeHtml(words.phone)}</dt>`,
        `<dd>${escapeHtml(words.leftEmpty)}</dd>`,
        `<dt>${escapeHtml(words.consent)}</dt>`,
        `<dd>${escapeHtml(words.consentSelected)}</dd>`,
      ]);
    });
  }

  test('a name the validator refuses (a NUL pasted into it) asks the person to type it again, not "the form is broken"', async () => {
    await refused(
      [
        ...setUp(),
        ['fruit', GOVERNOR],
        ['name', 'Ada\u0000Lovelace'],
        ['email', 'ada@example.org'],
        ['consent', 'yes'],
      ],
      ['contactNameMissing'],
    );
  });
});
