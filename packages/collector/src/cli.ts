#!/usr/bin/env node
import { loadConfig, USAGE, type Command, type CollectorConfig } from './config.js';
import { feedbackTally } from './results/answers.js';
import { fftReportCsv } from './results/fft-report.js';
import { purgeExpired, hasRetention } from './retention.js';
import { buildServer } from './server.js';
import { LATEST_VERSION } from './store/migrations.js';
import { collect } from './store/collect.js';
import { openStore } from './store/open-store.js';
import type { ResponseStore } from './store/store.js';

const EXIT_CONFIG = 2;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function serve(store: ResponseStore, config: CollectorConfig): Promise<void> {
  const app = buildServer({
    store,
    allowedOrigins: config.allowedOrigins,
    adminToken: config.adminToken,
    logger: config.log,
    rateLimitPerMinute: config.rateLimitPerMinute,
    minFillMs: config.minFillMs,
    trustProxy: config.trustProxy,
    requestTimeoutMs: config.requestTimeoutSeconds * 1000,
    minGroupSize: config.minGroupSize,
    roundTo: config.roundTo,
    publishOpenPeriod: config.publishOpenPeriod,
    resultsRateLimitPerMinute: config.resultsRateLimitPerMinute,
    timeZone: config.timeZone,
    retention: config.retention,
  });

  let closing = false;
  // Fastify stops taking new requests (503) and waits for the ones under way; then the database closes.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`Received ${signal}; finishing open requests, then closing the database.`);
    try {
      await app.close();
    } finally {
      await store.close();
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  const { responseDays, contactDays } = config.retention;
  const token = config.adminTokenGenerated ? config.adminToken : '<token>';

  say(`Participate collector listening on ${url}`);
  say(`Allowed origins: ${config.allowedOrigins.join(', ')}`);
  say(`Database: ${store.description}`);
  say(
    hasRetention(config.retention)
      ? `Retention: answers ${responseDays === undefined ? 'kept' : `${responseDays} days`}, contact details ${contactDays === undefined ? 'kept with their answers' : `${contactDays} days`}`
      : 'Retention: none set; answers and contact details are kept until deleted',
  );
  say(
    config.adminTokenGenerated
      ? `Admin token (generated for this run; set PARTICIPATE_ADMIN_TOKEN to keep one): ${config.adminToken}`
      : 'Admin token: from configuration',
  );
  say(`Export: curl -H "Authorization: Bearer ${token}" "${url}/v1/responses?format=csv"`);
}

async function runOnce(command: Exclude<Command, { name: 'serve' }>, store: ResponseStore, config: CollectorConfig) {
  switch (command.name) {
    case 'migrate':
      say(`${store.description} is at schema version ${LATEST_VERSION}.`);
      return;
    case 'purge': {
      if (!hasRetention(config.retention)) {
        say('No retention set (--retention-days, --contact-retention-days): nothing was deleted.');
        return;
      }
      const deleted = await purgeExpired(store, config.retention);
      say(`Deleted ${deleted.responses} answers and ${deleted.contacts} contact details past their retention.`);
      return;
    }
    case 'report-fft':
      process.stdout.write(
        fftReportCsv(feedbackTally(await collect(store.latestAnswers({ widget: 'feedback-prompt' }))), {
          month: command.month,
          timeZone: config.timeZone,
        }),
      );
      return;
  }
}

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
  const { command, config } = result;

  // Opening the store applies pending migrations, whatever the command.
  const store = await openStore(config.databaseUrl, { poolSize: config.poolSize });
  if (command.name === 'serve') {
    await serve(store, config).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    return;
  }
  try {
    await runOnce(command, store, config);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`participate-collector: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
