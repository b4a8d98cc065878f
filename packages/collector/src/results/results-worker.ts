/**
 * Runs on a worker thread: reads a topic's answers through this thread's own connection to
 * the store and works its public results out, so that neither the reading nor the counting
 * holds up the server's event loop.
 */
import { collect } from '../store/collect.js';
import { openStoreAt } from '../store/open-store.js';
import { StoreUnavailableError, type LatestAnswer, type ResponseStore, type StoreLocation } from '../store/store.js';
import { topicResults, type ResultsSettings } from './topic-results.js';

export interface ResultsTask {
  location: StoreLocation;
  topic: string;
  settings: ResultsSettings;
  /** The instant results are published at (ISO 8601): it decides which months have closed. */
  now: string;
}

/** One connection per store this thread has been asked about, opened on first use. */
const stores = new Map<string, Promise<ResponseStore>>();

function storeAt(location: StoreLocation): Promise<ResponseStore> {
  const key = JSON.stringify(location);
  let store = stores.get(key);
  if (!store) {
    store = openStoreAt(location, { poolSize: 1, migrate: false });
    stores.set(key, store);
    // A store that failed to open is tried again on the next task.
    store.catch(() => stores.delete(key));
  }
  return store;
}

/** The results body, or why the store could not be read (an error's class does not cross threads). */
export type ResultsOutcome = { body: string } | { unavailable: string };

const unavailable = (error: unknown): ResultsOutcome => ({
  unavailable: error instanceof Error ? error.message : String(error),
});

export default async function workOutResults({ location, topic, settings, now }: ResultsTask): Promise<ResultsOutcome> {
  let store: ResponseStore;
  try {
    store = await storeAt(location);
  } catch (error) {
    return unavailable(error);
  }
  let answers: LatestAnswer[];
  try {
    answers = await collect(store.latestAnswers({ topic }));
  } catch (error) {
    if (error instanceof StoreUnavailableError) return unavailable(error);
    throw error;
  }
  return { body: topicResults(topic, answers, settings, new Date(now)) };
}
