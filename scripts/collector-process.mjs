// Runs the real collector CLI as a child process, as an operator would, and waits until
// it listens. Used by `npm start` and by the end-to-end tests (which stop and restart it).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../packages/collector/dist/cli.js', import.meta.url));

/**
 * Starts `participate-collector` with the given environment, and Node options such as
 * --cpu-prof (which NODE_OPTIONS does not take). Resolves with the child and its URL once it
 * prints that it is listening; rejects if it exits first.
 */
export function startCollector({ env = {}, echo = false, nodeOptions = [] } = {}) {
  const child = spawn(process.execPath, [...nodeOptions, cli], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        if (echo) child.stdout.pipe(process.stdout);
        resolve({ child, url: match[1], output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (echo) process.stderr.write(chunk);
    });
    child.once('exit', (code) => reject(new Error(`collector exited (${code}) before listening:\n${output}`)));
  });
}

/** Stops a collector child: SIGTERM for a graceful close, or SIGKILL to simulate a crash. */
export function stopCollector(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
