#!/usr/bin/env node
import { resolve } from 'node:path';
import { loadConfig, USAGE } from './config.js';
import { buildServer } from './server.js';
import { openStore } from './store/open-store.js';
import { SqliteStore } from './store/sqlite-store.js';

const EXIT_CONFIG = 2;

async function main(): Promise<void> {
  const result = loadConfig();
  if (result.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (result.kind === 'invalid') {
    for (const problem of result.problems) process.stderr.write(`participate-collector: ${problem}\n`);
    process.stderr.write('Run participate-collector --help for the options.\n');
    process.exitCode = EXIT_CONFIG;
    return;
  }
  const { config } = result;

  const store = await openStore(config.databaseUrl);
  const app = buildServer({
    store,
    allowedOrigins: config.allowedOrigins,
    adminToken: config.adminToken,
    logger: config.log,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`Received ${signal}; finishing open requests, then closing the database.\n`);
    try {
      await app.close();
    } finally {
      await store.close();
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  const databasePath = store instanceof SqliteStore ? store.path : resolve(config.databaseUrl);

  const lines = [
    `Participate collector listening on ${url}`,
    `Allowed origins: ${config.allowedOrigins.join(', ')}`,
    `Database: ${databasePath}`,
    config.adminTokenGenerated
      ? `Admin token (generated for this run; set PARTICIPATE_ADMIN_TOKEN to keep one): ${config.adminToken}`
      : 'Admin token: from configuration',
    `Export: curl -H "Authorization: Bearer ${config.adminTokenGenerated ? config.adminToken : '<token>'}" "${url}/v1/responses?format=csv"`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`participate-collector: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
