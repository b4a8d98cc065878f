/** Runs the real `participate-collector` command in a child process, as an operator would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));

const SETTINGS = /^(PORT|HOST|DATABASE_URL|PARTICIPATE_(?!TEST_).*)$/;

/** The environment without the caller's collector settings, so a test sees only what it sets. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SETTINGS.test(name)));
  return { ...env, ...extra };
}

export interface RunningCollector {
  child: ChildProcess;
  /** Everything printed so far. */
  output: () => string;
  url: string;
}

/** Starts the CLI and resolves once it has printed its URL and the export line. */
export function startCli(args: string[], env: Record<string, string>): Promise<RunningCollector> {
  const child = spawn(process.execPath, [CLI, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The collector did not start:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('Export: ')) {
        clearTimeout(timer);
        resolve({ child, output: () => output, url });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The collector exited with ${code}:\n${output}`));
    });
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
