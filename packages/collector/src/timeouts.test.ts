import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SERVER_DEFAULTS } from './server.js';
import { parseRawResponse, rawExchange } from './testing/raw-http.js';
import { ORIGIN, startCollector, validPayload, type Collector } from './testing/harness.js';

/** Short enough for a test; the default is SERVER_DEFAULTS.requestTimeoutMs. */
const TIMEOUT_MS = 400;
/** The timeout, plus the server's checks (a quarter of it apart), plus a slow machine's margin. */
const CLOSED_WITHIN_MS = TIMEOUT_MS * 4;
const TRICKLE_FOR_MS = 4000;

let collector: Collector;
before(async () => {
  collector = await startCollector({ requestTimeoutMs: TIMEOUT_MS });
});
after(() => collector.close());

const postHead = (contentLength: number) =>
  `POST /v1/responses HTTP/1.1\r\nHost: collector\r\nConnection: close\r\nOrigin: ${ORIGIN}\r\n` +
  `Content-Type: application/json\r\nContent-Length: ${String(contentLength)}\r\n\r\n`;

function assertTimedOut(exchange: Awaited<ReturnType<typeof rawExchange>>) {
  assert.ok(exchange.closedByServer, 'the server closed the connection');
  assert.ok(exchange.elapsedMs < CLOSED_WITHIN_MS, `closed after ${String(exchange.elapsedMs)} ms`);
  const { status, headers, body } = parseRawResponse(exchange.received);
  assert.equal(status, 408, exchange.received);
  assert.match(headers, /\r\nConnection: close\r\n/i);
  assert.match(headers, /\r\nX-Content-Type-Options: nosniff\r\n/i);
  assert.deepEqual(body, {
    error: {
      code: 'request_timeout',
      message: 'The request did not arrive in time. Send it again, all at once.',
    },
  });
}

describe('slow requests time out', () => {
  test('a body sent a byte at a time is cut off with 408 in our shape', async () => {
    const exchange = await rawExchange(collector.url, {
      opening: postHead(1000),
      trickle: Array<string>(TRICKLE_FOR_MS / 100).fill(' '),
      everyMs: 100,
      giveUpMs: TRICKLE_FOR_MS + 1000,
    });
    assertTimedOut(exchange);
    assert.equal(await collector.count(), 0);
  });

  test('headers sent a line at a time are cut off the same way', async () => {
    const exchange = await rawExchange(collector.url, {
      opening: 'POST /v1/responses HTTP/1.1\r\n',
      trickle: Array<string>(TRICKLE_FOR_MS / 100).fill('X-Slow: 1\r\n'),
      everyMs: 100,
      giveUpMs: TRICKLE_FOR_MS + 1000,
    });
    assertTimedOut(exchange);
  });

  test('a connection that never sends anything is closed too', async () => {
    const exchange = await rawExchange(collector.url, { opening: '', giveUpMs: TRICKLE_FOR_MS });
    assertTimedOut(exchange);
  });

  test('a request sent in pieces that arrives within the timeout is stored', async () => {
    const body = JSON.stringify(validPayload());
    const third = Math.ceil(body.length / 3);
    const exchange = await rawExchange(collector.url, {
      opening: postHead(Buffer.byteLength(body)),
      trickle: [body.slice(0, third), body.slice(third, 2 * third), body.slice(2 * third)],
      everyMs: 50,
      giveUpMs: CLOSED_WITHIN_MS,
    });
    assert.equal(parseRawResponse(exchange.received).status, 201, exchange.received);
    assert.equal(await collector.count(), 1);
  });

  test('by default a request has 30 seconds, headers included', async () => {
    assert.equal(SERVER_DEFAULTS.requestTimeoutMs, 30_000);
    const defaults = await startCollector();
    try {
      assert.equal(defaults.app.server.requestTimeout, 30_000);
      assert.equal(defaults.app.server.headersTimeout, 30_000);
    } finally {
      await defaults.close();
    }
  });
});
