import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LIMITS } from '@participate/schema';
import { startCollector, validPayload, type Collector } from './testing/harness.js';

interface ErrorJson {
  error: { code: string; message: string; problems?: { path: string; keyword: string; message: string }[] };
}

let collector: Collector;
before(async () => {
  collector = await startCollector();
});
after(() => collector.close());

async function expectError(response: Response, status: number, code: string): Promise<ErrorJson> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await response.json()) as ErrorJson;
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 10, 'the message says what is wrong');
  return body;
}

describe('POST /v1/responses (JSON)', () => {
  test('stores a valid response and answers 201 with its id and receipt time', async () => {
    const payload = validPayload();
    const before = await collector.count();
    const response = await collector.postJson(payload);
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('idempotent-replayed'), null);
    const body = (await response.json()) as { id: string; receivedAt: string; status: string };
    assert.equal(body.id, payload.id);
    assert.equal(body.status, 'stored');
    assert.ok(Math.abs(Date.parse(body.receivedAt) - Date.now()) < 60_000);
    assert.equal(await collector.count(), before + 1);

    const stored = (await collector.exportRows()).find((row) => row.id === payload.id);
    assert.deepEqual(stored, {
      id: payload.id,
      schemaVersion: 1,
      widget: payload.widget,
      variant: 'page-useful',
      topic: payload.topic,
      stage: payload.stage,
      locale: payload.locale,
      page: payload.page,
      submittedAt: payload.submittedAt,
      receivedAt: body.receivedAt,
      amends: null,
      answer: payload.answer,
    });
  });

  test('a repeat of the same id and body gets the first answer again and adds no row', async () => {
    const payload = validPayload();
    const first = await collector.postJson(payload);
    const firstBody = await first.text();
    const count = await collector.count();

    const repeat = await collector.postJson(payload);
    assert.equal(repeat.status, 201);
    assert.equal(repeat.headers.get('idempotent-replayed'), 'true');
    assert.equal(await repeat.text(), firstBody);
    assert.equal(await collector.count(), count);
  });

  test('the same id with a different body is refused with id_conflict and the first is kept', async () => {
    const payload = validPayload();
    await collector.postJson(payload);
    const count = await collector.count();
    const other = validPayload({ id: payload.id, answer: { variant: 'page-useful', useful: 'yes' } });
    await expectError(await collector.postJson(other), 422, 'id_conflict');
    assert.equal(await collector.count(), count);
    const stored = (await collector.exportRows()).find((row) => row.id === payload.id);
    assert.deepEqual(stored?.answer, payload.answer);
  });

  const tooLong = 'x'.repeat(LIMITS.commentLength + 1);
  const badInputs: {
    name: string;
    body: string;
    contentType?: string;
    status: number;
    code: string;
    keyword?: string;
  }[] = [
    { name: 'malformed JSON', body: '{"schemaVersion": 1,', status: 400, code: 'malformed_json' },
    { name: 'an empty body', body: '', status: 400, code: 'malformed_json' },
    { name: 'a __proto__ key', body: '{"__proto__": {"polluted": true}}', status: 400, code: 'malformed_json' },
    {
      name: 'text/plain',
      body: JSON.stringify(validPayload()),
      contentType: 'text/plain',
      status: 415,
      code: 'unsupported_media_type',
    },
    { name: 'XML', body: '<response/>', contentType: 'application/xml', status: 415, code: 'unsupported_media_type' },
    {
      name: 'a body over the limit',
      body: JSON.stringify({ ...validPayload(), padding: 'x'.repeat(LIMITS.bodyBytes) }),
      status: 413,
      code: 'body_too_large',
    },
    {
      name: 'an unknown field',
      body: JSON.stringify({ ...validPayload(), email: 'someone@example.org' }),
      status: 422,
      code: 'invalid_response',
      keyword: 'additionalProperties',
    },
    {
      name: 'a value outside an enum',
      body: JSON.stringify(validPayload({ answer: { variant: 'page-useful', useful: 'maybe' as 'yes' } })),
      status: 422,
      code: 'invalid_response',
      keyword: 'enum',
    },
    {
      name: 'an over-long comment',
      body: JSON.stringify(validPayload({ answer: { variant: 'page-useful', useful: 'no', comment: tooLong } })),
      status: 422,
      code: 'invalid_response',
      keyword: 'maxLength',
    },
    { name: 'a JSON array', body: '[]', status: 422, code: 'invalid_response' },
    { name: 'JSON null', body: 'null', status: 422, code: 'invalid_response' },
  ];

  for (const input of badInputs) {
    test(`${input.name} → ${input.status} ${input.code}, nothing stored`, async () => {
      const count = await collector.count();
      const response = await collector.postJson(input.body, {
        'content-type': input.contentType ?? 'application/json',
      });
      const body = await expectError(response, input.status, input.code);
      if (input.keyword) {
        assert.ok(
          body.error.problems?.some((problem) => problem.keyword === input.keyword),
          JSON.stringify(body),
        );
      }
      assert.equal(await collector.count(), count);
    });
  }

  test('a POST without any content type is 415', async () => {
    const response = await fetch(`${collector.url}/v1/responses`, {
      method: 'POST',
      headers: { origin: 'https://www.example.gov.uk' },
    });
    await expectError(response, 415, 'unsupported_media_type');
  });

  test('the message for a rejected body does not echo what was sent', async () => {
    const response = await collector.postJson('{"comment": "my private words"');
    const text = await response.text();
    assert.equal(response.status, 400);
    assert.doesNotMatch(text, /private words/);
  });

  test('property: thousands of bad bodies never get a 5xx or change the database', async () => {
    const count = await collector.count();
    const discarded = await collector.store.discardedCounts();
    const payloadLike = fc.record({
      schemaVersion: fc.oneof(fc.constant(1), fc.integer()),
      id: fc.oneof(fc.uuid(), fc.string()),
      widget: fc.oneof(fc.constant('feedback-prompt'), fc.string()),
      topic: fc.string(),
      locale: fc.oneof(fc.constant('en'), fc.string()),
      page: fc.oneof(fc.webUrl(), fc.string()),
      submittedAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string(),
      ),
      answer: fc.oneof(
        fc.record({ variant: fc.constant('page-useful'), useful: fc.string(), comment: fc.string() }),
        fc.record({ variant: fc.constant('fft'), rating: fc.string(), standardWording: fc.anything() }),
        fc.jsonValue(),
      ),
      botCheck: fc.oneof(
        fc.record({ honeypot: fc.string(), elapsedMs: fc.oneof(fc.integer(), fc.double()) }),
        fc.jsonValue(),
      ),
      contact: fc.oneof(
        fc.record({ name: fc.string(), email: fc.string(), phone: fc.string(), consent: fc.anything() }),
        fc.jsonValue(),
      ),
      extra: fc.jsonValue(),
    });
    const bodies = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      payloadLike.map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary' }),
    );
    const contentTypes = fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/xml', 'multipart/form-data'),
    );
    await fc.assert(
      fc.asyncProperty(bodies, contentTypes, async (body, contentType) => {
        const response = await collector.postJson(body, { 'content-type': contentType });
        await response.arrayBuffer();
        assert.ok([400, 413, 415, 422].includes(response.status), `status ${response.status} for ${body}`);
      }),
      { numRuns: 2000 },
    );
    assert.equal(await collector.count(), count);
    assert.deepEqual(await collector.store.discardedCounts(), discarded, 'nothing was counted as spam either');
  });
});

describe('other routes and headers', () => {
  test('GET /healthz answers ok', async () => {
    const response = await fetch(`${collector.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  test('an unknown route is a JSON 404', async () => {
    await expectError(await fetch(`${collector.url}/nothing-here`), 404, 'not_found');
    await expectError(await fetch(`${collector.url}/v1/responses`, { method: 'PUT' }), 404, 'not_found');
  });

  test('every response carries the security headers and no cookie', async () => {
    const responses = [
      await collector.postJson(validPayload()),
      await collector.postJson('{'),
      await fetch(`${collector.url}/nothing-here`),
      await fetch(`${collector.url}/v1/responses`),
      await fetch(`${collector.url}/healthz`),
    ];
    for (const response of responses) {
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${response.status}`);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match(response.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
      assert.equal(response.headers.get('set-cookie'), null);
      await response.arrayBuffer();
    }
  });
});

describe('when the store fails', () => {
  test('a POST gets 503 store_unavailable with Retry-After; /readyz reports it while /healthz stays alive', async () => {
    const broken = await startCollector();
    await broken.store.close();
    const response = await broken.postJson(validPayload());
    await expectError(response, 503, 'store_unavailable');
    assert.equal(response.headers.get('retry-after'), '5');
    await expectError(await fetch(`${broken.url}/readyz`), 503, 'store_unavailable');
    assert.equal((await fetch(`${broken.url}/healthz`)).status, 200);
    await broken.close();
  });
});
