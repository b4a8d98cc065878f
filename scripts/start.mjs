// `npm start`: the demo pages and the reference collector on its embedded SQLite,
// on two origins as in real life. Prints where everything is.
import { randomBytes } from 'node:crypto';
import { startDemoServer } from '../demo/server.mjs';
import { startCollector, stopCollector } from './collector-process.mjs';

const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const collectorPort = Number(process.env.PORT ?? 8787);
const host = '127.0.0.1';
const adminToken = process.env.PARTICIPATE_ADMIN_TOKEN ?? randomBytes(24).toString('base64url');
const demoOrigins = [`http://${host}:${demoPort}`, `http://localhost:${demoPort}`];

const { child, url: collectorUrl } = await startCollector({
  env: {
    PORT: String(collectorPort),
    HOST: host,
    PARTICIPATE_ALLOWED_ORIGINS: process.env.PARTICIPATE_ALLOWED_ORIGINS ?? demoOrigins.join(','),
    PARTICIPATE_ADMIN_TOKEN: adminToken,
    // A demonstration shows this month's answers too; a real site publishes completed months only.
    PARTICIPATE_PUBLISH_OPEN_PERIOD: process.env.PARTICIPATE_PUBLISH_OPEN_PERIOD ?? 'true',
  },
});
const { server, url: demoUrl } = await startDemoServer({ port: demoPort, host, collectorUrl });

console.log(`
Participate is running.

  Demo pages      ${demoUrl}
  Collector       ${collectorUrl}   (SQLite at ./data/participate.db)
  Admin token     ${adminToken}

See the stored responses:
  curl -H "Authorization: Bearer ${adminToken}" "${collectorUrl}/v1/responses?format=csv"

See a topic's public results (this month included, for the demonstration; rounded to 5,
groups under 5 people hidden):
  curl "${collectorUrl}/v1/results?topic=bin-collections"

Press Ctrl+C to stop.
`);
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stderr);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  await stopCollector(child);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.once('exit', (code) => {
  if (!stopping) {
    console.error(`The collector stopped unexpectedly (exit ${code}).`);
    process.exit(1);
  }
});
