import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildServer } from './server.js';
import { SqliteStore } from './store/sqlite-store.js';
import {
  ADMIN_TOKEN,
  ORIGIN,
  OTHER_ORIGIN,
  startCollector,
  tempDir,
  validPayload,
  type Collector,
} from './testing/harness.js';

let collector: Collector;
before(async () => {
  collector = await startCollector({ allowedOrigins: [ORIGIN, 'http://localhost:6006'] });
});
after(() => collector.close());

async function expectForbidden(response: Response) {
  assert.equal(response.status, 403);
  const body = (await response.json()) as { error: { code: string } };
  assert.equal(body.error.code, 'origin_not_allowed');
}

describe('CORS and origin checks', () => {
  test('an allowlisted origin gets itself back in Access-Control-Allow-Origin, without credentials', async () => {
    const response = await collector.postJson(validPayload(), { origin: 'http://localhost:6006' });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:6006');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  test('another origin gets no CORS header and its POST is refused with 403, storing nothing', async () => {
    const count = await collector.count();
    const response = await collector.postJson(validPayload(), { origin: OTHER_ORIGIN });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    await expectForbidden(response);
    assert.equal(await collector.count(), count);
  });

  test('origins are compared exactly: a look-alike or a different scheme or port is refused', async () => {
    for (const origin of [`${ORIGIN}.attacker.example`, 'http://www.example.gov.uk', `${ORIGIN}:8443`, 'null']) {
      const response = await collector.postJson(validPayload(), { origin });
      assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
      await expectForbidden(response);
    }
  });

  test('without Origin, the Referer decides; with neither the POST is refused', async () => {
    const fromReferer = await fetch(`${collector.url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', referer: `${ORIGIN}/some/page?x=1` },
      body: JSON.stringify(validPayload()),
    });
    assert.equal(fromReferer.status, 201);

    const fromOtherReferer = await fetch(`${collector.url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', referer: `${OTHER_ORIGIN}/page` },
      body: JSON.stringify(validPayload()),
    });
    await expectForbidden(fromOtherReferer);

    const fromNowhere = await fetch(`${collector.url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validPayload()),
    });
    await expectForbidden(fromNowhere);
  });

  test('an allowed Origin is not overridden by a Referer, nor a refused one rescued by it', async () => {
    const response = await collector.postJson(validPayload(), { origin: OTHER_ORIGIN, referer: `${ORIGIN}/page` });
    await expectForbidden(response);
  });

  test('preflight from an allowlisted origin allows POST with content-type, cached for 10 minutes', async () => {
    const response = await fetch(`${collector.url}/v1/responses`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.deepEqual(
      response.headers
        .get('access-control-allow-methods')
        ?.split(',')
        .map((method) => method.trim()),
      ['GET', 'POST', 'OPTIONS'],
    );
    assert.equal(response.headers.get('access-control-allow-headers')?.toLowerCase(), 'content-type');
    assert.equal(response.headers.get('access-control-max-age'), '600');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  test('preflight from another origin is not granted', async () => {
    const response = await fetch(`${collector.url}/v1/responses`, {
      method: 'OPTIONS',
      headers: { origin: OTHER_ORIGIN, 'access-control-request-method': 'POST' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('allowlist configuration', () => {
  const dir = tempDir();
  const store = new SqliteStore(`${dir.path}/x.db`);
  after(async () => {
    await store.close();
    dir.remove();
  });

  test('"*" is refused with an explanation', () => {
    assert.throws(
      () => buildServer({ store, allowedOrigins: ['*'], adminToken: ADMIN_TOKEN }),
      /"\*" is not supported: a wildcard would let any website post responses/,
    );
  });

  test('entries with a path or another scheme are refused, trailing slashes are normalised', () => {
    assert.throws(
      () => buildServer({ store, allowedOrigins: [`${ORIGIN}/feedback`], adminToken: ADMIN_TOKEN }),
      /origin only/,
    );
    assert.throws(
      () => buildServer({ store, allowedOrigins: ['ftp://example.org'], adminToken: ADMIN_TOKEN }),
      /https:\/\//,
    );
    assert.doesNotThrow(() => buildServer({ store, allowedOrigins: [`${ORIGIN}/`], adminToken: ADMIN_TOKEN }));
  });

  test('an empty admin token is refused', () => {
    assert.throws(() => buildServer({ store, allowedOrigins: [ORIGIN], adminToken: ' ' }), /adminToken/);
  });
});
