import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { SqliteStore } from './store/sqlite-store.js';
import { ORIGIN, tempDir, validPayload } from './testing/harness.js';

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));
const dir = tempDir();
after(() => {
  dir.remove();
});

/** Env without the caller's collector settings, so the tests see only what they set. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const settings = [
    'PORT',
    'HOST',
    'DATABASE_URL',
    'PARTICIPATE_ALLOWED_ORIGINS',
    'PARTICIPATE_ADMIN_TOKEN',
    'PARTICIPATE_LOG',
  ];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !settings.includes(name)));
  return { ...env, ...extra };
}

/** Starts the CLI and resolves with its output once it has printed the export line. */
function start(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: string; url: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`CLI did not start:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('Export: ')) {
        clearTimeout(timer);
        resolve({ child, output, url });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with ${code}:\n${output}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });

describe('participate-collector CLI', () => {
  test('--help lists every flag and environment variable with defaults and an example', () => {
    const result = spawnSync(process.execPath, [CLI, '--help'], { env: cleanEnv({}), encoding: 'utf8' });
    assert.equal(result.status, 0);
    for (const word of [
      'Usage: participate-collector',
      '--port',
      'PORT',
      '(default 8787',
      '--host',
      'HOST',
      '(default 127.0.0.1',
      '--database',
      'DATABASE_URL',
      './data/participate.db',
      '--allowed-origins',
      'PARTICIPATE_ALLOWED_ORIGINS',
      '--admin-token',
      'PARTICIPATE_ADMIN_TOKEN',
      '--log',
      'PARTICIPATE_LOG',
      '--help',
      'Example:',
    ]) {
      assert.ok(result.stdout.includes(word), `help mentions ${word}`);
    }
  });

  test('bad configuration prints one line per problem and exits 2', () => {
    const result = spawnSync(process.execPath, [CLI, '--port', 'x'], {
      env: cleanEnv({ PARTICIPATE_ALLOWED_ORIGINS: '*' }),
      encoding: 'utf8',
    });
    assert.equal(result.status, 2);
    const lines = result.stderr.trim().split('\n');
    assert.match(lines[0] ?? '', /^participate-collector: --port must be a whole number/);
    assert.match(lines[1] ?? '', /^participate-collector: PARTICIPATE_ALLOWED_ORIGINS: "\*" is not supported/);
    assert.equal(result.stdout, '');
  });

  test('a PostgreSQL URL is refused clearly with exit 1', () => {
    const result = spawnSync(process.execPath, [CLI, '--database', 'postgres://u:p@db/x'], {
      env: cleanEnv({ PARTICIPATE_ALLOWED_ORIGINS: ORIGIN }),
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /PostgreSQL is not supported in this version/);
  });

  test('starts, says where and how to export, and shuts down cleanly on SIGTERM', async () => {
    const database = join(dir.path, 'graceful', 'participate.db');
    const { child, output, url } = await start(['--port', '0', '--database', database], {
      PARTICIPATE_ALLOWED_ORIGINS: ORIGIN,
    });
    assert.match(output, new RegExp(`Allowed origins: ${ORIGIN}`));
    assert.ok(output.includes(`Database: ${database}`));
    const token = /Admin token \(generated[^:]*: (\S+)/.exec(output)?.[1];
    assert.ok(token, output);
    assert.ok(output.includes(`curl -H "Authorization: Bearer ${token}" "${url}/v1/responses?format=csv"`), output);

    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const exportResponse = await fetch(`${url}/v1/responses`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(exportResponse.status, 200);
    await exportResponse.text();

    const exit = exited(child);
    child.kill('SIGTERM');
    assert.deepEqual(await exit, { code: 0, signal: null });
  });

  test('an acknowledged response survives kill -9 (R7)', async () => {
    const database = join(dir.path, 'killed', 'participate.db');
    const { child, url } = await start(
      ['--port', '0', '--database', database, '--admin-token', 'a-token-for-this-test'],
      {
        PARTICIPATE_ALLOWED_ORIGINS: ORIGIN,
      },
    );
    const payload = validPayload();
    const response = await fetch(`${url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(payload),
    });
    assert.equal(response.status, 201);
    const exit = exited(child);
    child.kill('SIGKILL');
    assert.equal((await exit).signal, 'SIGKILL');

    const store = new SqliteStore(database);
    const ids: string[] = [];
    for await (const row of store.export()) ids.push(row.id);
    await store.close();
    assert.deepEqual(ids, [payload.id]);
  });
});
