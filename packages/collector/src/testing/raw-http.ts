/** HTTP written by hand on a real socket: for what no well-behaved client sends (slow bytes, broken framing). */
import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the server wrote before it closed, or before `giveUpMs`. */
  received: string;
  /** Whether the server closed the connection (rather than the test giving up). */
  closedByServer: boolean;
  /** Milliseconds from connecting to the close. */
  elapsedMs: number;
}

export interface RawOptions {
  /** Written at once on connecting. */
  opening: string | Buffer;
  /** Then written one after another, each `everyMs` after the last, until the server closes. */
  trickle?: readonly string[];
  everyMs?: number;
  /** Stops waiting and closes from our side after this long. */
  giveUpMs: number;
}

/** Connects to `url`'s host and port, writes as told and records what comes back. */
export function rawExchange(url: string, options: RawOptions): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    let gaveUp = false;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A write racing the server's close may fail; what matters is that it closed.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({
        received: Buffer.concat(chunks).toString('utf8'),
        closedByServer: !gaveUp,
        elapsedMs: Date.now() - started,
      });
    });
    const giveUp = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, options.giveUpMs);
    socket.write(options.opening);
    const trickle = [...(options.trickle ?? [])];
    if (trickle.length > 0) {
      timer = setInterval(() => {
        const next = trickle.shift();
        if (next === undefined) clearInterval(timer);
        else if (!socket.destroyed) socket.write(next);
      }, options.everyMs ?? 100);
    }
  });
}

/** The status code and JSON body of a raw HTTP/1.1 response. */
export function parseRawResponse(raw: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = raw.split('\r\n\r\n', 2);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? NaN);
  return { status, headers: head, body: body === '' ? undefined : JSON.parse(body) };
}
