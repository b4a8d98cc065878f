// One HTTP request, timed from the moment it is sent until its whole body has arrived.
import { request } from 'node:http';

/**
 * Resolves with the status (0 when the request failed), headers, body and milliseconds
 * taken; never rejects, so that a failure is counted rather than ending a client's loop.
 */
export function timedRequest(agent, url, { method = 'GET', headers = {}, body } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const sent = request(url, { agent, method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      response.on('error', (error) => resolve({ status: 0, error, ms: performance.now() - started }));
    });
    sent.on('error', (error) => resolve({ status: 0, error, ms: performance.now() - started }));
    sent.end(body);
  });
}
