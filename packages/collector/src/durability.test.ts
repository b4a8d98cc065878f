import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { exited, startCli } from './testing/cli-process.js';
import { ORIGIN, tempDir } from './testing/harness.js';
import { testDatabaseUrl } from './testing/postgres.js';

const LOAD_DRIVER = fileURLToPath(new URL('./testing/load-driver.js', import.meta.url));
const TOKEN = 'durability-test-token-0123456789';
/** Enough acknowledged answers that the kill lands among many in flight. */
const ACKNOWLEDGED_BEFORE_KILL = 300;

const dir = tempDir();
after(() => {
  dir.remove();
});

const settings = (database: string) => ['--port', '0', '--database', database, '--admin-token', TOKEN];
const env = { PARTICIPATE_ALLOWED_ORIGINS: ORIGIN, PARTICIPATE_RATE_LIMIT: '0' };

async function storedIds(url: string): Promise<Set<string>> {
  const response = await fetch(`${url}/v1/responses?format=ndjson`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  const lines = (await response.text()).split('\n').filter(Boolean);
  return new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id));
}

/**
 * R7: load from a child process, `kill -9` the collector while answers are in flight,
 * restart it on the same database, and find every answer that was acknowledged.
 */
async function killUnderLoad(database: string) {
  const collector = await startCli(settings(database), env);
  const driver = spawn(process.execPath, [LOAD_DRIVER, collector.url, ORIGIN, '24'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  const killed = new Promise<void>((resolve) => {
    driver.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.split('\n').length > ACKNOWLEDGED_BEFORE_KILL && collector.child.signalCode === null) {
        collector.child.kill('SIGKILL');
        resolve();
      }
    });
  });
  await killed;
  assert.equal((await exited(collector.child)).signal, 'SIGKILL');
  await exited(driver);
  // Only complete lines: the driver prints an id once its 201 has fully arrived.
  const acknowledged = printed.split('\n').filter((line) => line.length === 36);
  assert.ok(acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL, `${acknowledged.length} acknowledged`);

  const restarted = await startCli(settings(database), env);
  try {
    const stored = await storedIds(restarted.url);
    const missing = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged answers were lost`);
  } finally {
    restarted.child.kill('SIGTERM');
    await exited(restarted.child);
  }
}

describe('acknowledged means committed (kill -9 under load)', () => {
  test('on SQLite', { timeout: 60_000 }, async () => {
    await killUnderLoad(join(dir.path, 'killed', 'participate.db'));
  });

  test('on PostgreSQL', { timeout: 60_000 }, async () => {
    await killUnderLoad(await testDatabaseUrl());
  });
});
