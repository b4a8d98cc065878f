// The load of the results bench, against a running collector: a probe asking for /healthz
// every 20 ms and posters posting answers at a steady rate, which run throughout; and,
// when started, clients asking for results of random topics in a loop, a quarter of the
// time posting an answer to a big topic first, so that its kept results no longer hold (as
// the attack did). Each request is counted in the phase that was current when it was sent.
import { Agent } from 'node:http';
import { ORIGIN } from './answers.mjs';
import { BIG_TOPICS, SMALL_TOPICS } from './results-topics.mjs';
import { timedRequest } from './timed-request.mjs';

/** The probe, and the posters, which post to any topic (mostly small ones) at a steady rate. */
export const STEADY = { probeEveryMs: 20, posters: 4, postsPerSecond: 10 };
/** Of the results clients' requests: a post to a big topic first, then its results. */
const POST_FIRST = 0.25;
/** Of the results clients' requests: a big topic (posted to first or not); the rest are small topics. */
const BIG = 0.5;
/**
 * Requests each client address makes before its client takes another: under both default
 * limits (60 posts and 120 results a minute per address), so none of them is turned away.
 */
const REQUESTS_PER_ADDRESS = 50;

let addresses = 0;

/** A client's address for X-Forwarded-For, a fresh one every REQUESTS_PER_ADDRESS requests. */
function clientAddress() {
  let address;
  let used = REQUESTS_PER_ADDRESS;
  return () => {
    if (used++ >= REQUESTS_PER_ADDRESS) {
      const n = addresses++;
      address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      used = 1;
    }
    return address;
  };
}

const ALL_TOPICS = [...BIG_TOPICS, ...SMALL_TOPICS];
const pick = (items) => items[Math.floor(Math.random() * items.length)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where one phase's requests are counted. */
export function newPhase() {
  return {
    healthz: [],
    posts: [],
    resultsPosts: [],
    results: [],
    /** Results requests by status (0: the request failed). */
    statuses: {},
    /** Requests other than results answered with an unexpected status, or failed. */
    failures: 0,
    /** Big topics' results answered (200 or 304), by topic: how long working them out kept clients waiting. */
    bigResults: Object.fromEntries(BIG_TOPICS.map(({ topic }) => [topic, []])),
  };
}

/** Answers acknowledged (201) per topic, and the index of each topic's next answer, across restarts. */
export function postLedger() {
  const acknowledged = new Map();
  const next = new Map();
  return {
    /** Answers to `topic` the collector acknowledged. */
    acknowledged: (topic) => acknowledged.get(topic) ?? 0,
    acknowledge(topic) {
      acknowledged.set(topic, (acknowledged.get(topic) ?? 0) + 1);
    },
    /** The index of the next answer to a topic seeded with `seeded` answers. */
    next(topic, seeded) {
      const i = next.get(topic) ?? seeded;
      next.set(topic, i + 1);
      return i;
    },
  };
}

export function resultsLoad(url, ledger) {
  const agent = () => new Agent({ keepAlive: true, maxSockets: Infinity });
  const agents = { probe: agent(), posts: agent(), results: agent() };
  /** Where requests sent now are counted; none between phases. */
  let phase;

  async function postAnswer(entry, address) {
    // Sent five seconds after the widget appeared, as a person would.
    const response = entry.response(ledger.next(entry.topic, entry.answers), new Date().toISOString());
    response.botCheck = { honeypot: '', elapsedMs: 5000 };
    const result = await timedRequest(agents.posts, `${url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': address },
      body: JSON.stringify(response),
    });
    if (result.status === 201) ledger.acknowledge(entry.topic);
    return result;
  }

  /** Runs `fire` every `ms` whether or not earlier ones have finished; `stop` waits for them all. */
  function every(ms, fire) {
    const pending = new Set();
    const timer = setInterval(() => {
      const done = fire().finally(() => pending.delete(done));
      pending.add(done);
    }, ms);
    return async () => {
      clearInterval(timer);
      await Promise.all(pending);
    };
  }

  /** The probe and the posters; resolves `stop` once their last requests are answered. */
  function startSteady() {
    const stops = [
      every(STEADY.probeEveryMs, async () => {
        const counted = phase;
        const result = await timedRequest(agents.probe, `${url}/healthz`);
        counted?.healthz.push(result.ms);
        if (counted && result.status !== 200) counted.failures++;
      }),
    ];
    for (let i = 0; i < STEADY.posters; i++) {
      const address = clientAddress();
      stops.push(
        every(1000 / STEADY.postsPerSecond, async () => {
          const counted = phase;
          const result = await postAnswer(pick(ALL_TOPICS), address());
          counted?.posts.push(result.ms);
          if (counted && result.status !== 201) counted.failures++;
        }),
      );
    }
    return { stop: () => Promise.all(stops.map((stop) => stop())) };
  }

  async function resultsClient(client) {
    const address = clientAddress();
    const etags = new Map();
    while (client.running) {
      const counted = phase;
      const roll = Math.random();
      const entry = roll < BIG ? pick(BIG_TOPICS) : pick(SMALL_TOPICS);
      if (roll < POST_FIRST) {
        client.posting = postAnswer(entry, address());
        const result = await client.posting;
        client.posting = undefined;
        counted?.resultsPosts.push(result.ms);
        if (counted && result.status !== 201) counted.failures++;
      }
      const etag = etags.get(entry.topic);
      const result = await timedRequest(agents.results, `${url}/v1/results?topic=${entry.topic}`, {
        headers: { 'x-forwarded-for': address(), ...(etag && { 'if-none-match': etag }) },
      });
      // Requests cut off when the collector is stopped at the end of a round are not counted.
      if (counted && (result.status !== 0 || client.running)) {
        counted.results.push(result.ms);
        counted.statuses[result.status] = (counted.statuses[result.status] ?? 0) + 1;
      }
      if (result.status === 200 || result.status === 304) {
        etags.set(entry.topic, result.headers.etag);
        counted?.bigResults[entry.topic]?.push(result.ms);
      } else if (result.status === 0) {
        // A refused connection would otherwise spin.
        await sleep(10);
      }
    }
  }

  /**
   * `count` results clients. `stop` ends their loops and waits for the answers they are
   * posting, not for the results they are waiting for: those may wait long for queued work.
   */
  function startResultsClients(count) {
    const clients = Array.from({ length: count }, () => ({ running: true, posting: undefined }));
    for (const client of clients) void resultsClient(client);
    return {
      async stop() {
        for (const client of clients) client.running = false;
        await Promise.all(clients.map((client) => client.posting));
      },
    };
  }

  return {
    /** Counts requests sent from now on in `next` (none when undefined). */
    countIn(next) {
      phase = next;
    },
    startSteady,
    startResultsClients,
    close() {
      for (const each of Object.values(agents)) each.destroy();
    },
  };
}
