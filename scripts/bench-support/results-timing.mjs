// GET /v1/results timed from the client: kept results against working them out.
import { ORIGIN, rankingResponse } from './answers.mjs';

/** Milliseconds for one GET of the ranking topic's results, checked to count every answer. */
async function timeResults(url, expected) {
  const started = performance.now();
  const response = await fetch(`${url}/v1/results?topic=budget-priorities`);
  const body = await response.json();
  const ms = performance.now() - started;
  if (response.status !== 200 || body.ranking?.responses !== expected) {
    throw new Error(`results answered ${response.status} with ${body.ranking?.responses} responses, not ${expected}`);
  }
  return ms;
}

/** Kept results against working them out, on a collector over `rows` seeded rankings. */
export async function measureResults(server, rows, requests) {
  const workedOut = [await timeResults(server.url, rows)];
  const kept = [];
  for (let i = 0; i < requests; i++) kept.push(await timeResults(server.url, rows));
  // A new answer: the next request works the results out again.
  const posted = await fetch(`${server.url}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(rankingResponse(rows, new Date().toISOString())),
  });
  if (posted.status !== 201) throw new Error(`posting an answer answered ${posted.status}`);
  workedOut.push(await timeResults(server.url, rows + 1));
  return { workedOut, kept };
}
