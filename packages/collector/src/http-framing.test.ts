import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseRawResponse, rawExchange } from './testing/raw-http.js';
import { ORIGIN, startCollector, type Collector } from './testing/harness.js';

let collector: Collector;
before(async () => {
  collector = await startCollector();
});
after(() => collector.close());

const MALFORMED = {
  error: { code: 'malformed_request', message: 'The request is not well-formed HTTP/1.1, so it could not be read.' },
};

async function answerTo(opening: string) {
  const exchange = await rawExchange(collector.url, { opening, giveUpMs: 3000 });
  assert.ok(exchange.closedByServer, `the server closed the connection: ${exchange.received}`);
  return parseRawResponse(exchange.received);
}

const post = (headers: string, body = '') =>
  `POST /v1/responses HTTP/1.1\r\nHost: collector\r\nOrigin: ${ORIGIN}\r\nContent-Type: application/json\r\n${headers}\r\n${body}`;

describe('broken HTTP framing gets our error shape, not the framework’s', () => {
  for (const [what, opening] of [
    ['a Content-Length that is not a number', post('Content-Length: abc\r\n', '{}')],
    ['two different Content-Lengths', post('Content-Length: 2\r\nContent-Length: 3\r\n', '{}')],
    [
      'Content-Length beside chunked Transfer-Encoding',
      post('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '{}'),
    ],
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n'],
    ['a header with no colon', 'GET /healthz HTTP/1.1\r\nHost collector\r\n\r\n'],
  ] as const) {
    test(`${what}: 400 malformed_request`, async () => {
      const { status, headers, body } = await answerTo(opening);
      assert.equal(status, 400, headers);
      assert.match(headers, /\r\nContent-Type: application\/json; charset=utf-8(\r\n|$)/i);
      assert.match(headers, /\r\nX-Content-Type-Options: nosniff(\r\n|$)/i);
      assert.deepEqual(body, MALFORMED);
    });
  }

  test('headers larger than the server takes: 431 headers_too_large', async () => {
    const { status, body } = await answerTo(
      `GET /healthz HTTP/1.1\r\nHost: collector\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    assert.equal(status, 431);
    assert.deepEqual(body, {
      error: { code: 'headers_too_large', message: 'The request headers are too large.' },
    });
  });

  test('nothing broken was stored', async () => {
    assert.equal(await collector.count(), 0);
  });
});
