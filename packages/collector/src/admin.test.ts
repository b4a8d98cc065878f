import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Contact, FeedbackPromptResponse, ResponsePayload } from '@participate/schema';
import { CONTACT_CSV_COLUMNS } from './export/contacts-csv.js';
import { ADMIN_TOKEN, startCollector, validPayload, type Collector } from './testing/harness.js';

const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const DAY_MS = 24 * 60 * 60 * 1000;

interface ErrorJson {
  error: { code: string; message: string };
}

interface ContactJson {
  responseId: string;
  topic: string;
  widget: string;
  receivedAt: string;
  name: string;
  email: string | null;
  phone: string | null;
  fruits: string[];
  branches: string[];
}

interface StatsJson {
  responses: number;
  discarded: { day: string; reason: string; count: number }[];
}

interface PurgeJson {
  responses: number;
  contacts: number;
  responsesBefore: string | null;
  contactsBefore: string | null;
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(((await response.json()) as ErrorJson).error.code, code);
}

async function expectUnauthorized(response: Response): Promise<void> {
  assert.equal(response.headers.get('www-authenticate'), 'Bearer');
  await expectError(response, 401, 'unauthorized');
}

/** Splits RFC 4180 CSV into rows of cells: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  assert.equal(cell + row.join(''), '', 'the CSV ends with a line break');
  return rows;
}

const ndjson = <T>(text: string): T[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);

function withContact(contact: Contact, overrides: Partial<FeedbackPromptResponse> = {}): ResponsePayload {
  return { ...validPayload(overrides), contact };
}

async function adminGet(collector: Collector, path: string, headers: Record<string, string> = asAdmin) {
  return fetch(`${collector.url}${path}`, { headers });
}

async function contacts(collector: Collector, query = ''): Promise<ContactJson[]> {
  const response = await adminGet(collector, `/v1/contacts${query}`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson; charset=utf-8/);
  return ndjson<ContactJson>(await response.text());
}

async function exportedIds(collector: Collector): Promise<string[]> {
  return (await collector.exportRows()).map((row) => row.id);
}

const deleteResponse = (collector: Collector, id: string, headers: Record<string, string> = asAdmin) =>
  fetch(`${collector.url}/v1/responses/${id}`, { method: 'DELETE', headers });

const purge = (collector: Collector, headers: Record<string, string> = asAdmin) =>
  fetch(`${collector.url}/v1/purge`, { method: 'POST', headers });

async function stored(collector: Collector, payload: ResponsePayload): Promise<void> {
  const response = await collector.postJson(payload);
  assert.equal(response.status, 201, await response.text());
}

describe('DELETE /v1/responses/:id', () => {
  let collector: Collector;
  before(async () => {
    collector = await startCollector();
  });
  after(() => collector.close());

  test('is 401 without the admin token or with a wrong one, and deletes nothing', async () => {
    const payload = validPayload();
    await stored(collector, payload);
    await expectUnauthorized(await deleteResponse(collector, payload.id, {}));
    await expectUnauthorized(
      await deleteResponse(collector, payload.id, { authorization: 'Bearer not-the-admin-token-000000' }),
    );
    await expectUnauthorized(await deleteResponse(collector, payload.id, { authorization: `Basic ${ADMIN_TOKEN}` }));
    assert.ok((await exportedIds(collector)).includes(payload.id));
  });

  test('is 401 before the id is looked at: a bad id without a token is still 401', async () => {
    await expectUnauthorized(await deleteResponse(collector, 'not-a-uuid', {}));
  });

  test('is 400 invalid_query for an id that is not a UUID', async () => {
    for (const id of ['not-a-uuid', '12345', `${randomUUID()}x`, randomUUID().replaceAll('-', '')]) {
      await expectError(await deleteResponse(collector, id), 400, 'invalid_query');
    }
  });

  test('is 404 not_found for a UUID nothing was stored under', async () => {
    const count = await collector.count();
    await expectError(await deleteResponse(collector, randomUUID()), 404, 'not_found');
    assert.equal(await collector.count(), count);
  });

  test('deletes the response, every response amending it and their contact details, and nothing else', async () => {
    const first = withContact({ name: 'Ada Lovelace', email: 'ada@example.org', consent: true });
    const followUp = withContact(
      { name: 'Ada Lovelace', phone: '020 7946 0000', consent: true },
      { amends: first.id, answer: { variant: 'page-useful', useful: 'no', comment: 'More detail.' } },
    );
    const changed = validPayload({ amends: first.id, answer: { variant: 'page-useful', useful: 'yes' } });
    const unrelated = withContact({ name: 'Grace Hopper', email: 'grace@example.org', consent: true });
    for (const payload of [first, followUp, changed, unrelated]) await stored(collector, payload);
    const countBefore = await collector.count();

    const response = await deleteResponse(collector, first.id);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await response.json(), { deleted: 3 });

    assert.equal(await collector.count(), countBefore - 3);
    const ids = await exportedIds(collector);
    for (const gone of [first.id, followUp.id, changed.id]) assert.ok(!ids.includes(gone), gone);
    assert.ok(ids.includes(unrelated.id));

    const left = await contacts(collector);
    assert.deepEqual(
      left.map((contact) => contact.responseId),
      [unrelated.id],
    );
    assert.equal(left[0]?.name, 'Grace Hopper');

    // Deleted means gone: a second delete finds nothing.
    await expectError(await deleteResponse(collector, first.id), 404, 'not_found');
  });

  test("deleting any response of an amends chain deletes the whole chain: one person's answer", async () => {
    const first = validPayload();
    const followUp = validPayload({ amends: first.id });
    // A change to the follow-up names the follow-up, not the first response.
    const change = validPayload({ amends: followUp.id });
    const someoneElse = validPayload();
    for (const payload of [first, followUp, change, someoneElse]) await stored(collector, payload);
    const response = await deleteResponse(collector, followUp.id);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { deleted: 3 });
    const ids = await exportedIds(collector);
    assert.ok(![first.id, followUp.id, change.id].some((id) => ids.includes(id)));
    assert.ok(ids.includes(someoneElse.id));
  });

  test('finds a lowercase id given in capitals, and a capitalised id given as stored', async () => {
    const lower = validPayload();
    await stored(collector, lower);
    const response = await deleteResponse(collector, lower.id.toUpperCase());
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { deleted: 1 });
    assert.ok(!(await exportedIds(collector)).includes(lower.id));

    // The schema accepts a UUID in capitals; it is stored in lower case, and deletable as sent.
    const upper = validPayload({ id: randomUUID().toUpperCase() });
    await stored(collector, upper);
    assert.ok((await exportedIds(collector)).includes(upper.id.toLowerCase()));
    const deleted = await deleteResponse(collector, upper.id);
    assert.equal(deleted.status, 200);
    assert.deepEqual(await deleted.json(), { deleted: 1 });
    assert.ok(!(await exportedIds(collector)).includes(upper.id.toLowerCase()));
  });

  test('deletes a response whose id was sent as a urn:uuid: URN, which the schema accepts', async () => {
    const urn = validPayload({ id: `urn:uuid:${randomUUID()}` });
    await stored(collector, urn);
    const response = await deleteResponse(collector, urn.id);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { deleted: 1 });
    assert.ok(!(await exportedIds(collector)).includes(urn.id));
  });
});

describe('POST /v1/purge', () => {
  test('applies the retention policy: old responses with their contacts, then contacts on their own', async () => {
    const collector = await startCollector({ retention: { responseDays: 30, contactDays: 7 } });
    try {
      const now = Date.now();
      const ago = (ms: number) => new Date(now - ms).toISOString();
      const contact: Contact = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true };
      const rows = {
        // Past the response limit: deleted, its contact with it.
        oldWithContact: withContact(contact),
        oldWithout: validPayload(),
        justPastLimit: validPayload(),
        // Inside the response limit, past the contact limit: the answer stays, the contact goes.
        justInsideLimit: withContact(contact),
        tenDaysWithContact: withContact(contact),
        // Inside both limits.
        recentWithContact: withContact(contact),
      };
      const receivedAt: Record<keyof typeof rows, string> = {
        oldWithContact: ago(400 * DAY_MS),
        oldWithout: ago(40 * DAY_MS),
        justPastLimit: ago(30 * DAY_MS + 60_000),
        justInsideLimit: ago(30 * DAY_MS - 60_000),
        tenDaysWithContact: ago(10 * DAY_MS),
        recentWithContact: ago(7 * DAY_MS - 60_000),
      };
      for (const key of Object.keys(rows) as (keyof typeof rows)[]) {
        assert.equal((await collector.store.insert(rows[key], receivedAt[key])).outcome, 'created');
      }
      assert.equal((await contacts(collector)).length, 4);

      await expectUnauthorized(await purge(collector, {}));
      assert.equal(await collector.count(), 6);

      const startedAt = Date.now();
      const response = await purge(collector);
      const finishedAt = Date.now();
      assert.equal(response.status, 200);
      const body = (await response.json()) as PurgeJson;
      assert.equal(body.responses, 3);
      // The contact of oldWithContact went with its response; two more were past seven days.
      assert.equal(body.contacts, 3);
      assert.ok(body.responsesBefore !== null && body.contactsBefore !== null);
      const responsesBefore = Date.parse(body.responsesBefore);
      const contactsBefore = Date.parse(body.contactsBefore);
      assert.ok(responsesBefore >= startedAt - 30 * DAY_MS && responsesBefore <= finishedAt - 30 * DAY_MS);
      assert.ok(contactsBefore >= startedAt - 7 * DAY_MS && contactsBefore <= finishedAt - 7 * DAY_MS);

      assert.deepEqual(await exportedIds(collector), [
        rows.justInsideLimit.id,
        rows.tenDaysWithContact.id,
        rows.recentWithContact.id,
      ]);
      assert.deepEqual(
        (await contacts(collector)).map((row) => row.responseId),
        [rows.recentWithContact.id],
      );

      const again = (await (await purge(collector)).json()) as PurgeJson;
      assert.deepEqual([again.responses, again.contacts], [0, 0], 'a second purge finds nothing more');
      assert.equal(await collector.count(), 3);
    } finally {
      await collector.close();
    }
  });

  test('with only a contact limit, every answer stays', async () => {
    const collector = await startCollector({ retention: { contactDays: 7 } });
    try {
      const old = withContact({ name: 'Ada Lovelace', phone: '+44 20 7946 0000', consent: true });
      await collector.store.insert(old, new Date(Date.now() - 3650 * DAY_MS).toISOString());
      const response = await purge(collector);
      const body = (await response.json()) as PurgeJson;
      assert.equal(body.responses, 0);
      assert.equal(body.contacts, 1);
      assert.equal(body.responsesBefore, null);
      assert.equal(typeof body.contactsBefore, 'string');
      assert.deepEqual(await exportedIds(collector), [old.id]);
      assert.deepEqual(await contacts(collector), []);
    } finally {
      await collector.close();
    }
  });

  test('without a retention policy nothing is deleted, however old', async () => {
    const collector = await startCollector();
    try {
      const old = withContact({ name: 'Ada Lovelace', email: 'ada@example.org', consent: true });
      const older = validPayload();
      await collector.store.insert(older, '2000-01-01T00:00:00.000Z');
      await collector.store.insert(old, '2001-01-01T00:00:00.000Z');
      const response = await purge(collector);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), {
        responses: 0,
        contacts: 0,
        responsesBefore: null,
        contactsBefore: null,
      });
      assert.deepEqual(await exportedIds(collector), [older.id, old.id]);
      assert.equal((await contacts(collector)).length, 1);
    } finally {
      await collector.close();
    }
  });
});

describe('GET /v1/contacts', () => {
  let collector: Collector;
  const ada = withContact(
    { name: 'Ada Lovelace', email: 'ada@example.org', consent: true },
    { topic: 'council-tax', widget: 'feedback-prompt' },
  );
  const formula = withContact(
    { name: '=HYPERLINK("https://attacker.example","Click")', phone: '+44 20 7946 0000', consent: true },
    { topic: 'gp-appointments' },
  );
  const noContact = validPayload({ topic: 'council-tax' });
  before(async () => {
    collector = await startCollector();
    for (const payload of [ada, noContact, formula]) await stored(collector, payload);
  });
  after(() => collector.close());

  test('is 401 without the admin token, in either format', async () => {
    await expectUnauthorized(await adminGet(collector, '/v1/contacts', {}));
    await expectUnauthorized(await adminGet(collector, '/v1/contacts?format=csv', {}));
    await expectUnauthorized(
      await adminGet(collector, '/v1/contacts', { authorization: 'Bearer test-admin-token-0123456789abcdeF' }),
    );
  });

  test('NDJSON by default: one contact per line, oldest first, only responses that gave one', async () => {
    const rows = await contacts(collector);
    const receivedAt = new Map((await collector.exportRows()).map((row) => [row.id, row.receivedAt]));
    assert.deepEqual(rows, [
      {
        responseId: ada.id,
        topic: 'council-tax',
        widget: 'feedback-prompt',
        receivedAt: receivedAt.get(ada.id),
        name: 'Ada Lovelace',
        email: 'ada@example.org',
        phone: null,
        fruits: [],
        branches: [],
      },
      {
        responseId: formula.id,
        topic: 'gp-appointments',
        widget: 'feedback-prompt',
        receivedAt: receivedAt.get(formula.id),
        name: '=HYPERLINK("https://attacker.example","Click")',
        email: null,
        phone: '+44 20 7946 0000',
        fruits: [],
        branches: [],
      },
    ]);
  });

  test('CSV: the documented columns, and cells a spreadsheet would run as formulas are defused', async () => {
    const response = await adminGet(collector, '/v1/contacts?format=csv');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="participate-contacts.csv"');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const rows = parseCsv(await response.text());
    assert.deepEqual(rows[0], [...CONTACT_CSV_COLUMNS]);
    assert.equal(rows.length, 3);
    const receivedAt = new Map((await collector.exportRows()).map((row) => [row.id, row.receivedAt]));
    assert.deepEqual(rows[1], [
      ada.id,
      receivedAt.get(ada.id),
      'council-tax',
      'feedback-prompt',
      'Ada Lovelace',
      'ada@example.org',
      '',
      '',
      '',
    ]);
    assert.deepEqual(rows[2], [
      formula.id,
      receivedAt.get(formula.id),
      'gp-appointments',
      'feedback-prompt',
      `'=HYPERLINK("https://attacker.example","Click")`,
      '',
      "'+44 20 7946 0000",
      '',
      '',
    ]);
  });

  test('filters by topic in both formats', async () => {
    assert.deepEqual(
      (await contacts(collector, '?topic=council-tax')).map((row) => row.responseId),
      [ada.id],
    );
    assert.deepEqual(await contacts(collector, '?topic=nobody-asked'), []);
    const csv = await adminGet(collector, '/v1/contacts?format=csv&topic=gp-appointments');
    const rows = parseCsv(await csv.text());
    assert.deepEqual(
      rows.slice(1).map((row) => row[0]),
      [formula.id],
    );
  });

  test('bad query values are 400 invalid_query', async () => {
    for (const query of ['?format=xlsx', '?topic=Not%20A%20Slug', '?topic=a&topic=b', '?format=csv&format=csv']) {
      await expectError(await adminGet(collector, `/v1/contacts${query}`), 400, 'invalid_query');
    }
  });
});

describe('contact details are kept apart from answers', () => {
  test('the answers export never holds a name, email or phone number; the contacts export does', async () => {
    const collector = await startCollector();
    try {
      const name = 'Marjory Stephenson-Quayle';
      const email = 'marjory.quayle@example.org';
      const phone = '+44 7700 900461';
      const payload = withContact({ name, email, phone, consent: true });
      await stored(collector, payload);

      for (const format of ['ndjson', 'csv']) {
        const response = await adminGet(collector, `/v1/responses?format=${format}`);
        assert.equal(response.status, 200);
        const text = await response.text();
        assert.ok(text.includes(payload.id), `the ${format} export holds the response`);
        for (const secret of [name, 'Quayle', email, 'marjory', phone, '7700 900461', '7700900461']) {
          assert.ok(!text.includes(secret), `the ${format} export must not hold ${secret}`);
        }
        // The only mention allowed is the CSV's `contact_given` column: whether a fruit-tree answer came with details.
        assert.doesNotMatch(text.replace('contact_given', ''), /contact|consent/i);
      }
      const [row] = await collector.exportRows();
      assert.deepEqual(Object.keys(row ?? {}).sort(), [
        'amends',
        'answer',
        'id',
        'locale',
        'page',
        'receivedAt',
        'schemaVersion',
        'stage',
        'submittedAt',
        'topic',
        'variant',
        'widget',
      ]);

      const [contact] = await contacts(collector);
      assert.deepEqual(
        { responseId: contact?.responseId, name: contact?.name, email: contact?.email, phone: contact?.phone },
        { responseId: payload.id, name, email, phone },
      );
    } finally {
      await collector.close();
    }
  });
});

describe('GET /v1/stats', () => {
  test('is 401 without the admin token', async () => {
    const collector = await startCollector();
    try {
      await expectUnauthorized(await adminGet(collector, '/v1/stats', {}));
    } finally {
      await collector.close();
    }
  });

  test('counts stored responses and discarded posts by UTC day and reason', async () => {
    const collector = await startCollector({ minFillMs: 1000 });
    try {
      const empty = await adminGet(collector, '/v1/stats');
      assert.equal(empty.status, 200);
      assert.deepEqual(await empty.json(), { responses: 0, discarded: [] });

      await collector.store.countDiscarded('too-fast', '2020-01-02');
      await collector.store.countDiscarded('honeypot', '2020-01-02');
      await collector.store.countDiscarded('honeypot', '2020-01-02');
      await collector.store.countDiscarded('honeypot', '2019-12-31');

      const dayBefore = new Date().toISOString().slice(0, 10);
      await stored(collector, validPayload());
      await stored(collector, validPayload({ botCheck: { honeypot: '', elapsedMs: 4000 } }));
      await stored(collector, validPayload({ botCheck: { honeypot: 'https://spam.example', elapsedMs: 4000 } }));
      await stored(collector, validPayload({ botCheck: { honeypot: '', elapsedMs: 10 } }));
      await stored(collector, validPayload({ botCheck: { honeypot: '', elapsedMs: 999 } }));
      const dayAfter = new Date().toISOString().slice(0, 10);
      assert.equal(dayAfter, dayBefore, 'the posts straddled midnight UTC; run again');

      const response = await adminGet(collector, '/v1/stats');
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), {
        responses: 2,
        discarded: [
          { day: '2019-12-31', reason: 'honeypot', count: 1 },
          { day: '2020-01-02', reason: 'honeypot', count: 2 },
          { day: '2020-01-02', reason: 'too-fast', count: 1 },
          { day: dayBefore, reason: 'honeypot', count: 1 },
          { day: dayBefore, reason: 'too-fast', count: 2 },
        ],
      } satisfies StatsJson);
    } finally {
      await collector.close();
    }
  });
});
