// Endpoints for component tests: the real collector (real SQLite in a temp dir) for the
// happy paths, and a small same-origin "fault" endpoint for what we cannot own — a server
// that fails, throttles or refuses, on demand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, openStore } from '@participate/collector';
import { createResponseValidator } from '@participate/schema';

const ADMIN_TOKEN = 'component-tests-token';

/** Bodies received by the fault endpoint, by key, so tests can check ids were reused. */
const received = new Map();

async function readBody(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * /__fault/<key>?status=503&times=2&retryAfter=1 answers `status` the first `times` requests
 * for `key` (every request when `times` is absent), then 201.
 */
export async function faultMiddleware(ctx, next) {
  const match = /^\/__fault\/([\w-]+)$/.exec(ctx.path);
  if (!match) return next();
  const key = match[1];
  if (ctx.method === 'GET') {
    ctx.body = JSON.stringify(received.get(key) ?? []);
    ctx.type = 'application/json';
    return;
  }
  const bodies = received.get(key) ?? [];
  bodies.push(JSON.parse(await readBody(ctx)));
  received.set(key, bodies);
  const status = Number(ctx.query.status ?? 503);
  const times = ctx.query.times === undefined ? Infinity : Number(ctx.query.times);
  if (bodies.length <= times) {
    ctx.status = status;
    if (ctx.query.retryAfter) ctx.set('Retry-After', String(ctx.query.retryAfter));
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ error: { code: 'fault', message: `Injected ${status}` } });
    return;
  }
  ctx.status = 201;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ id: bodies.at(-1).id, status: 'stored' });
}

export function endpointsPlugin() {
  let collector;
  let collectorUrl;
  let dataDir;
  let validate;

  /** An admin NDJSON export of the collector, as objects, for one topic when given. */
  async function adminLines(path, topic) {
    const response = await fetch(`${collectorUrl}${path}?format=ndjson`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const rows = (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    return topic ? rows.filter((row) => row.topic === topic) : rows;
  }

  return {
    name: 'participate-endpoints',
    async serverStart({ config }) {
      dataDir = mkdtempSync(join(tmpdir(), 'participate-wtr-'));
      const store = await openStore(join(dataDir, 'participate.db'));
      const testOrigins = [
        `http://${config.hostname ?? 'localhost'}:${config.port}`,
        `http://localhost:${config.port}`,
        `http://127.0.0.1:${config.port}`,
      ];
      collector = await buildServer({
        store,
        allowedOrigins: testOrigins,
        adminToken: ADMIN_TOKEN,
        // Tests answer within milliseconds of rendering, faster than the minimum fill time
        // lets a person; the collector's own tests cover that check.
        minFillMs: 0,
      });
      collectorUrl = await collector.listen({ port: 0, host: '127.0.0.1' });
    },
    async serverStop() {
      await collector?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      if (command === 'collector-url') return `${collectorUrl}/v1/responses`;
      // The schema's own check (JSON Schema and the rules it cannot state), for a payload a test caught.
      if (command === 'validate-payload') {
        validate ??= createResponseValidator();
        const result = validate(payload?.payload);
        return result.ok ? [] : result.problems.map((problem) => problem.message);
      }
      if (command === 'collector-rows') return adminLines('/v1/responses', payload?.topic);
      // Contact details are kept apart from answers: only this admin export returns them.
      if (command === 'collector-contacts') return adminLines('/v1/contacts', payload?.topic);
      return undefined;
    },
  };
}
