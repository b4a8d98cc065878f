// Tests of `npm test` itself (scripts/test.mjs): only what runs no step, so it stays fast.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const runner = fileURLToPath(new URL('./test.mjs', import.meta.url));

test('a filter that matches no step fails with one line naming the steps, and runs nothing', () => {
  const { status, stdout, stderr } = spawnSync(process.execPath, [runner, 'no-such-step'], { encoding: 'utf8' });
  assert.notEqual(status, 0);
  assert.equal(stdout, '', 'no step started');
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0], /No step matches "no-such-step"/);
  for (const name of ['build (schema, elements, collector)', 'collector tests', 'end-to-end tests'])
    assert.ok(lines[0].includes(name), `${name} listed in: ${lines[0]}`);
});
