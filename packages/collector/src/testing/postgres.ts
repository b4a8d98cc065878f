/** A fresh PostgreSQL database for one test file: on the run's shared cluster, or on one of its own. */
import { after } from 'node:test';
import {
  CLUSTER_URL_VARIABLE,
  createDatabase,
  startPostgresCluster,
  type PostgresCluster,
} from './postgres-cluster.js';

let ownCluster: Promise<PostgresCluster> | undefined;

async function clusterUrl(): Promise<string> {
  const shared = process.env[CLUSTER_URL_VARIABLE];
  if (shared) return shared;
  // Run on its own (node --test dist/x.test.js): start a cluster for this file.
  if (!ownCluster) {
    ownCluster = startPostgresCluster();
    after(async () => {
      await (await ownCluster)?.stop();
    });
  }
  return (await ownCluster).url;
}

/** Creates an empty database and drops it when the test file ends. */
export async function testDatabaseUrl(): Promise<string> {
  const database = await createDatabase(await clusterUrl());
  // A cluster of the file's own is removed whole when the file ends.
  if (process.env[CLUSTER_URL_VARIABLE]) after(() => database.drop());
  return database.url;
}
