import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig, type CollectorConfig } from './config.js';
import { buildServer } from './server.js';
import { requestFrom, startForwardingProxy, type ForwardingProxy } from './testing/forwarding-proxy.js';
import { ADMIN_TOKEN, ORIGIN, startCollector, validPayload, type Collector } from './testing/harness.js';

const LIMIT = 3;
/** Loopback addresses of their own: two people, and the proxies between them and the collector. */
const PERSON = '127.0.0.2';
const OTHER_PERSON = '127.0.0.4';
const PROXY = '127.0.0.3';
const OUTER_PROXY = '127.0.0.5';

function trustProxyFrom(argv: string[]): CollectorConfig['trustProxy'] {
  const result = loadConfig(argv, { PARTICIPATE_ALLOWED_ORIGINS: ORIGIN });
  assert.equal(result.kind, 'config', JSON.stringify(result));
  return (result as { config: CollectorConfig }).config.trustProxy;
}

/** Posts a valid answer from `person` to `url`, writing `forged` into X-Forwarded-For as an attacker would. */
async function post(person: string, url: string, forged?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: ORIGIN };
  if (forged !== undefined) headers['x-forwarded-for'] = forged;
  const answer = await requestFrom(person, `${url}/v1/responses`, {
    method: 'POST',
    headers,
    body: JSON.stringify(validPayload()),
  });
  return answer.status;
}

/** A collector allowing LIMIT posts a minute, trusting proxies as `argv` says, behind a chain of `proxies`. */
async function withProxiedCollector(
  argv: string[],
  proxies: string[],
  body: (entry: string, collector: Collector) => Promise<void>,
): Promise<void> {
  const collector = await startCollector({ rateLimitPerMinute: LIMIT, trustProxy: trustProxyFrom(argv) });
  const started: ForwardingProxy[] = [];
  try {
    // Built from the collector outwards: the last proxy listed is the one people reach.
    let entry = collector.url;
    for (const outgoing of proxies) {
      const proxy = await startForwardingProxy(entry, outgoing);
      started.push(proxy);
      entry = proxy.url;
    }
    await body(entry, collector);
  } finally {
    for (const proxy of started.reverse()) await proxy.close();
    await collector.close();
  }
}

/** Spends the person's allowance with a fresh forged address on every post, then checks they are still limited. */
async function forgeryDoesNotEscape(entry: string): Promise<void> {
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 3; i++) statuses.push(await post(PERSON, entry, `203.0.113.${String(i + 1)}`));
  assert.deepEqual(statuses, [...Array<number>(LIMIT).fill(201), 429, 429, 429]);
  // The limit is the person's, not the proxy's: someone else behind the same proxy still posts.
  assert.equal(await post(OTHER_PERSON, entry), 201);
  assert.equal(await post(OTHER_PERSON, entry, '198.51.100.9, 198.51.100.10'), 201);
}

describe('--trust-proxy: the client address the operator’s proxies vouch for', () => {
  test('one proxy that appends (nginx, AWS ALB): a client forging X-Forwarded-For is still limited', async () => {
    await withProxiedCollector(['--trust-proxy', PROXY], [PROXY], (entry) => forgeryDoesNotEscape(entry));
    await withProxiedCollector(['--trust-proxy', `${PROXY}/32,10.0.0.0/8`], [PROXY], (entry) =>
      forgeryDoesNotEscape(entry),
    );
  });

  test('two proxies, by their addresses', async () => {
    await withProxiedCollector(['--trust-proxy', `${PROXY},${OUTER_PROXY}`], [PROXY, OUTER_PROXY], (entry) =>
      forgeryDoesNotEscape(entry),
    );
  });

  test('trusting only the inner of two proxies makes the outer one the client: over-limiting, never a way round', async () => {
    await withProxiedCollector(['--trust-proxy', PROXY], [PROXY, OUTER_PROXY], async (entry) => {
      for (let i = 0; i < LIMIT; i++) assert.equal(await post(PERSON, entry, `203.0.113.${String(i + 1)}`), 201);
      assert.equal(await post(OTHER_PERSON, entry), 429);
    });
  });

  test('without it, X-Forwarded-For is ignored: everyone behind the proxy shares its allowance', async () => {
    await withProxiedCollector([], [PROXY], async (entry) => {
      for (let i = 0; i < LIMIT; i++) assert.equal(await post(PERSON, entry), 201);
      assert.equal(await post(OTHER_PERSON, entry), 429);
    });
  });

  test('a server cannot be built trusting every X-Forwarded-For, or a count of proxies', () => {
    for (const trustProxy of [true, 1]) {
      assert.throws(
        () =>
          buildServer({
            store: undefined as never,
            allowedOrigins: [ORIGIN],
            adminToken: ADMIN_TOKEN,
            trustProxy: trustProxy as never,
          }),
        new RegExp(
          `^Error: trustProxy: ${String(trustProxy)} is refused: give the addresses or CIDR ranges of the proxies`,
        ),
      );
    }
  });
});
