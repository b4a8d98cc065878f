import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig, type CollectorConfig } from './config.js';

const ORIGINS = { PARTICIPATE_ALLOWED_ORIGINS: 'https://www.example.gov.uk' };

function config(argv: string[], env: Record<string, string> = ORIGINS): CollectorConfig {
  const result = loadConfig(argv, env);
  assert.equal(result.kind, 'config', JSON.stringify(result));
  return (result as { config: CollectorConfig }).config;
}

function problems(argv: string[], env: Record<string, string> = ORIGINS): string[] {
  const result = loadConfig(argv, env);
  assert.equal(result.kind, 'invalid', JSON.stringify(result));
  return (result as { problems: string[] }).problems;
}

describe('loadConfig', () => {
  test('defaults, with a generated admin token', () => {
    const loaded = config([]);
    assert.equal(loaded.port, 8787);
    assert.equal(loaded.host, '127.0.0.1');
    assert.equal(loaded.databaseUrl, './data/participate.db');
    assert.deepEqual(loaded.allowedOrigins, ['https://www.example.gov.uk']);
    assert.equal(loaded.adminTokenGenerated, true);
    assert.match(loaded.adminToken, /^[A-Za-z0-9_-]{32}$/);
    assert.notEqual(config([]).adminToken, loaded.adminToken, 'a fresh token each run');
    assert.equal(loaded.log, false);
  });

  test('environment variables are read, and flags win over them', () => {
    const env = {
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: '/var/lib/participate.db',
      PARTICIPATE_ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443/',
      PARTICIPATE_ADMIN_TOKEN: 'env-token-0123456789',
      PARTICIPATE_LOG: 'true',
    };
    const fromEnv = config([], env);
    assert.equal(fromEnv.port, 9000);
    assert.equal(fromEnv.host, '0.0.0.0');
    assert.equal(fromEnv.databaseUrl, '/var/lib/participate.db');
    assert.deepEqual(fromEnv.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.equal(fromEnv.adminToken, 'env-token-0123456789');
    assert.equal(fromEnv.adminTokenGenerated, false);
    assert.equal(fromEnv.log, true);

    const fromFlags = config(
      [
        '--port',
        '9100',
        '--host=::1',
        '--database',
        'sqlite:./x.db',
        '--allowed-origins',
        'http://localhost:6006',
        '--admin-token',
        'flag-token-0123456789',
      ],
      env,
    );
    assert.equal(fromFlags.port, 9100);
    assert.equal(fromFlags.host, '::1');
    assert.equal(fromFlags.databaseUrl, 'sqlite:./x.db');
    assert.deepEqual(fromFlags.allowedOrigins, ['http://localhost:6006']);
    assert.equal(fromFlags.adminToken, 'flag-token-0123456789');
  });

  test('--help and -h ask for the usage', () => {
    assert.deepEqual(loadConfig(['--help'], {}), { kind: 'help' });
    assert.deepEqual(loadConfig(['-h'], {}), { kind: 'help' });
  });

  test('a missing allowlist is an error naming the variable and the flag', () => {
    const [problem] = problems([], {});
    assert.match(problem ?? '', /^PARTICIPATE_ALLOWED_ORIGINS \(or --allowed-origins\) is not set/);
  });

  test('"*" and origins with paths are refused, naming where they came from', () => {
    assert.match(
      problems([], { PARTICIPATE_ALLOWED_ORIGINS: '*' })[0] ?? '',
      /^PARTICIPATE_ALLOWED_ORIGINS: "\*" is not supported/,
    );
    assert.match(
      problems(['--allowed-origins', 'https://ok.example,https://x.example/feedback'])[0] ?? '',
      /^--allowed-origins: "https:\/\/x.example\/feedback" must be an origin only/,
    );
    assert.match(problems([], { PARTICIPATE_ALLOWED_ORIGINS: 'example.org' })[0] ?? '', /is not an origin/);
  });

  test('every problem is reported at once, one line each', () => {
    const found = problems(['--port', 'eighty'], {
      PARTICIPATE_ALLOWED_ORIGINS: 'ftp://files.example',
      PARTICIPATE_ADMIN_TOKEN: 'short',
      PARTICIPATE_LOG: 'perhaps',
    });
    assert.equal(found.length, 4, found.join('\n'));
    assert.match(found[0] ?? '', /^--port must be a whole number from 0 to 65535 \(got "eighty"\)/);
    assert.match(found[1] ?? '', /must start with https:\/\/ or http:\/\//);
    assert.match(found[2] ?? '', /^PARTICIPATE_ADMIN_TOKEN must be at least 16 characters/);
    assert.match(found[3] ?? '', /^PARTICIPATE_LOG must be true or false/);
    for (const line of found) assert.doesNotMatch(line, /\n/);
  });

  test('out-of-range ports and unknown flags are refused', () => {
    assert.match(problems([], { ...ORIGINS, PORT: '70000' })[0] ?? '', /^PORT must be a whole number/);
    assert.match(problems(['--prot', '1'])[0] ?? '', /^Unknown option --prot/);
    assert.match(problems(['extra'])[0] ?? '', /^Unknown command "extra"/);
    assert.match(problems(['serve', 'extra'])[0] ?? '', /^Unexpected argument extra/);
    assert.match(problems(['--port'])[0] ?? '', /^--port needs a value/);
  });

  test('the operational settings have safe defaults', () => {
    const loaded = config([]);
    assert.equal(loaded.rateLimitPerMinute, 60);
    assert.equal(loaded.minFillMs, 1000);
    assert.equal(loaded.trustProxy, false);
    assert.deepEqual(loaded.retention, {});
    assert.equal(loaded.minGroupSize, 5);
    assert.equal(loaded.timeZone, 'Europe/London');
    assert.equal(loaded.poolSize, 10);
    assert.equal(loaded.requestTimeoutSeconds, 30);
  });

  test('--request-timeout is a whole number of seconds from 1 to 600', () => {
    assert.equal(config([], { ...ORIGINS, PARTICIPATE_REQUEST_TIMEOUT: '15' }).requestTimeoutSeconds, 15);
    assert.equal(
      config(['--request-timeout', '120'], { ...ORIGINS, PARTICIPATE_REQUEST_TIMEOUT: '15' }).requestTimeoutSeconds,
      120,
    );
    assert.deepEqual(problems(['--request-timeout', '0']), [
      '--request-timeout must be a whole number from 1 to 600 (got "0").',
    ]);
    assert.deepEqual(problems([], { ...ORIGINS, PARTICIPATE_REQUEST_TIMEOUT: '30s' }), [
      'PARTICIPATE_REQUEST_TIMEOUT must be a whole number from 1 to 600 (got "30s").',
    ]);
  });

  test('the operational settings are read from the environment, and flags win', () => {
    const env = {
      ...ORIGINS,
      PARTICIPATE_RATE_LIMIT: '0',
      PARTICIPATE_MIN_FILL_MS: '2500',
      PARTICIPATE_TRUST_PROXY: '10.0.0.0/16',
      PARTICIPATE_RETENTION_DAYS: '365',
      PARTICIPATE_CONTACT_RETENTION_DAYS: '90',
      PARTICIPATE_MIN_GROUP_SIZE: '10',
      PARTICIPATE_TIME_ZONE: 'Europe/Dublin',
      PARTICIPATE_POOL_SIZE: '20',
    };
    const fromEnv = config([], env);
    assert.equal(fromEnv.rateLimitPerMinute, 0);
    assert.equal(fromEnv.minFillMs, 2500);
    assert.deepEqual(fromEnv.trustProxy, ['10.0.0.0/16']);
    assert.deepEqual(fromEnv.retention, { responseDays: 365, contactDays: 90 });
    assert.equal(fromEnv.minGroupSize, 10);
    assert.equal(fromEnv.timeZone, 'Europe/Dublin');
    assert.equal(fromEnv.poolSize, 20);

    const fromFlags = config(
      ['--rate-limit', '120', '--retention-days=30', '--time-zone', 'UTC', '--trust-proxy', '10.0.0.0/8'],
      {
        ...env,
      },
    );
    assert.equal(fromFlags.rateLimitPerMinute, 120);
    assert.deepEqual(fromFlags.retention, { responseDays: 30, contactDays: 90 });
    assert.equal(fromFlags.timeZone, 'UTC');
    assert.deepEqual(fromFlags.trustProxy, ['10.0.0.0/8']);
  });

  test('--trust-proxy takes the proxies\' addresses, never "trust anything" or a count', () => {
    assert.equal(config([]).trustProxy, false);
    assert.equal(config([], { ...ORIGINS, PARTICIPATE_TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(config([], { ...ORIGINS, PARTICIPATE_TRUST_PROXY: '0' }).trustProxy, false);
    assert.deepEqual(config(['--trust-proxy', ' 10.0.0.0/8, 127.0.0.1 ,::1,fd00::/8,loopback']).trustProxy, [
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);

    // The old switch trusted whatever the client wrote first, and a count cannot tell a proxy
    // from a client: both refused, saying what to write instead.
    const instead = /addresses or CIDR ranges of the proxies in front.*--trust-proxy 127\.0\.0\.1.*10\.0\.0\.0\/16/;
    for (const [argv, env] of [
      [['--trust-proxy'], {}],
      [['--trust-proxy', '--log'], {}],
      [['--trust-proxy', '1'], {}],
      [[], { PARTICIPATE_TRUST_PROXY: 'true' }],
      [[], { PARTICIPATE_TRUST_PROXY: 'yes' }],
      [[], { PARTICIPATE_TRUST_PROXY: '2' }],
    ] as const) {
      const [problem, ...more] = problems([...argv], { ...ORIGINS, ...env });
      assert.match(problem ?? '', instead);
      assert.deepEqual(more, []);
      assert.doesNotMatch(problem ?? '', /\n/);
    }

    assert.deepEqual(problems(['--trust-proxy', '10.0.0.0/33,proxy.internal']), [
      '--trust-proxy: "10.0.0.0/33" is not an IP address, a CIDR range such as 10.0.0.0/8, or loopback, linklocal or uniquelocal.',
      '--trust-proxy: "proxy.internal" is not an IP address, a CIDR range such as 10.0.0.0/8, or loopback, linklocal or uniquelocal.',
    ]);
  });

  test('bad operational settings are each reported, naming where they came from', () => {
    const found = problems(['--retention-days', '0', '--min-group-size', 'five'], {
      ...ORIGINS,
      PARTICIPATE_RATE_LIMIT: '-1',
      PARTICIPATE_MIN_FILL_MS: '1.5',
      PARTICIPATE_TRUST_PROXY: 'sometimes',
      PARTICIPATE_TIME_ZONE: 'Europe/Atlantis',
      PARTICIPATE_POOL_SIZE: '500',
    });
    assert.deepEqual(found, [
      'PARTICIPATE_POOL_SIZE must be a whole number from 1 to 100 (got "500").',
      'PARTICIPATE_RATE_LIMIT must be a whole number from 0 to 100000 (got "-1").',
      'PARTICIPATE_MIN_FILL_MS must be a whole number from 0 to 600000 (got "1.5").',
      'PARTICIPATE_TRUST_PROXY: "sometimes" is not an IP address, a CIDR range such as 10.0.0.0/8, or loopback, linklocal or uniquelocal.',
      '--retention-days must be a whole number from 1 to 36500 (got "0").',
      '--min-group-size must be a whole number from 1 to 1000 (got "five").',
      'PARTICIPATE_TIME_ZONE must be an IANA time zone such as Europe/London (got "Europe/Atlantis").',
    ]);
  });

  test('public results: rounding, the open month and the results rate limit, from flags or the environment', () => {
    const defaults = config([]);
    assert.equal(defaults.roundTo, 5);
    assert.equal(defaults.publishOpenPeriod, false);
    assert.equal(defaults.resultsRateLimitPerMinute, 120);
    const fromEnvironment = config([], {
      ...ORIGINS,
      PARTICIPATE_ROUND_TO: '10',
      PARTICIPATE_PUBLISH_OPEN_PERIOD: 'true',
      PARTICIPATE_RESULTS_RATE_LIMIT: '0',
    });
    assert.deepEqual(
      [fromEnvironment.roundTo, fromEnvironment.publishOpenPeriod, fromEnvironment.resultsRateLimitPerMinute],
      [10, true, 0],
    );
    const fromFlags = config(['--round-to', '1', '--publish-open-period', '--results-rate-limit', '30'], {
      ...ORIGINS,
      PARTICIPATE_ROUND_TO: '10',
    });
    assert.deepEqual(
      [fromFlags.roundTo, fromFlags.publishOpenPeriod, fromFlags.resultsRateLimitPerMinute],
      [1, true, 30],
    );
    assert.deepEqual(problems(['--round-to', '0', '--results-rate-limit', 'lots']), [
      '--round-to must be a whole number from 1 to 100 (got "0").',
      '--results-rate-limit must be a whole number from 0 to 100000 (got "lots").',
    ]);
  });

  test('commands: serve by default; migrate, purge and report need no allowlist', () => {
    assert.deepEqual((loadConfig([], ORIGINS) as { command: unknown }).command, { name: 'serve' });
    for (const name of ['migrate', 'purge'] as const) {
      const result = loadConfig([name], {});
      assert.equal(result.kind, 'config', JSON.stringify(result));
      assert.deepEqual((result as { command: unknown }).command, { name });
    }
    const report = loadConfig(['report', 'fft', '--month', '2026-10'], {});
    assert.deepEqual((report as { command: unknown }).command, { name: 'report-fft', month: '2026-10' });
    assert.match(problems(['report', 'nps', '--month', '2026-10'], {})[0] ?? '', /^Unknown report "nps"/);
    assert.match(problems(['serve', '--month', '2026-10'])[0] ?? '', /^--month is only for "report fft"/);
  });
});
