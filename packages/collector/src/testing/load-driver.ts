/**
 * Posts valid responses as fast as it can over several connections and prints the id of
 * each one acknowledged (201), one per line, the moment the answer arrives. It stops
 * when the collector stops answering. Run as a child process, so that killing the
 * collector tests what was acknowledged, not what a test's own event loop saw.
 *
 *   node dist/testing/load-driver.js <collector-url> <origin> [connections]
 */
import { validPayload } from './harness.js';

const [url, origin = '', connections = '16'] = process.argv.slice(2);
if (url === undefined || origin === '') {
  process.stderr.write('Usage: load-driver <collector-url> <origin> [connections]\n');
  process.exit(2);
}

async function worker(): Promise<void> {
  for (;;) {
    const payload = validPayload({ page: `${origin}/load` });
    let response: Response;
    try {
      response = await fetch(`${url}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify(payload),
      });
    } catch {
      return; // The collector is gone.
    }
    if (response.status === 201) process.stdout.write(`${payload.id}\n`);
    else await response.arrayBuffer();
  }
}

await Promise.all(Array.from({ length: Number(connections) }, worker));
