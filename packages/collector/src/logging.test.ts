import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Contact } from '@participate/schema';
import { ORIGIN, startCollector, validPayload, type Collector } from './testing/harness.js';

const lines: string[] = [];
let collector: Collector;
before(async () => {
  collector = await startCollector({ logger: true, logDestination: { write: (line) => void lines.push(line) } });
});
after(() => collector.close());

describe('logging (when switched on)', () => {
  test('records method, route and status but never free text, URLs with queries or addresses', async () => {
    const secret = 'SECRET-FREE-TEXT';
    await (
      await collector.postJson(validPayload({ answer: { variant: 'page-useful', useful: 'no', comment: secret } }))
    ).text();
    await (await collector.postJson(`{"comment": "${secret}"`)).text();
    await (await collector.postForm([['comment', secret]], { referer: `${ORIGIN}/page?q=${secret}` })).text();
    await (await fetch(`${collector.url}/nothing?q=${secret}`)).text();

    const log = lines.join('');
    assert.ok(lines.length >= 4, log);
    assert.match(log, /"method":"POST"/);
    assert.match(log, /"route":"\/v1\/responses"/);
    assert.match(log, /"statusCode":201/);
    assert.match(log, /"statusCode":400/);
    assert.doesNotMatch(log, new RegExp(secret));
    // The client's address is 127.0.0.1 too; only the server's own "listening" line may say it.
    const requestLog = lines.filter((line) => line.includes('"reqId"')).join('');
    assert.match(requestLog, /"reqId"/);
    assert.doesNotMatch(requestLog, /127\.0\.0\.1|remoteAddress|"url"|"host"/);
  });

  test('contact details, spam and rate-limited posts leave no personal data in the log', async () => {
    lines.length = 0;
    const limited = await startCollector({
      logger: true,
      logDestination: { write: (line) => void lines.push(line) },
      rateLimitPerMinute: 2,
    });
    try {
      const contact: Contact = {
        name: 'Zelda Quartermaine',
        email: 'zelda.q@example.org',
        phone: '07700 900123',
        consent: true,
      };
      assert.equal((await limited.postJson(validPayload({ contact }))).status, 201);
      const spam = validPayload({ contact, botCheck: { honeypot: 'zelda.q@example.org', elapsedMs: 5000 } });
      assert.equal((await limited.postJson(spam)).status, 201);
      assert.equal((await limited.postJson(validPayload({ contact }))).status, 429);

      const log = lines.join('');
      assert.match(log, /"discarded":"honeypot"/, 'spam is logged by its kind');
      assert.match(log, /"statusCode":429/);
      for (const value of ['Zelda', 'Quartermaine', 'zelda.q@example.org', '07700', '900123']) {
        assert.ok(!log.includes(value), `the log does not hold ${value}`);
      }
      assert.doesNotMatch(lines.filter((line) => line.includes('"reqId"')).join(''), /127\.0\.0\.1/);
    } finally {
      await limited.close();
    }
  });
});
