/**
 * Runs a command with a throwaway PostgreSQL cluster, announced to it in
 * PARTICIPATE_TEST_POSTGRES_URL, and removes the cluster afterwards. The collector's
 * test script runs `node --test` this way so that every test file shares one server.
 *
 *   node dist/testing/with-postgres.js node --test dist/
 */
import { spawn } from 'node:child_process';
import { CLUSTER_URL_VARIABLE, startPostgresCluster } from './postgres-cluster.js';

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write('Usage: with-postgres <command> [args…]\n');
  process.exit(2);
}

const cluster = await startPostgresCluster();
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, [CLUSTER_URL_VARIABLE]: cluster.url } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => {
  child.once('exit', (status, signal) => {
    resolve(status ?? (signal ? 1 : 0));
  });
});
await cluster.stop();
process.exitCode = code;
