/**
 * A reverse proxy as nginx (`$proxy_add_x_forwarded_for`) and AWS load balancers run by
 * default: it appends the address it was reached from to X-Forwarded-For, after whatever
 * the client wrote there itself. Tests pick distinct loopback addresses (127.0.0.0/8) for
 * clients and proxies, so each hop has an address of its own.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForwardingProxy {
  url: string;
  close(): Promise<void>;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** Sends one request from `localAddress`, so the server sees that address as the client. */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: init.method ?? 'GET', headers: init.headers, localAddress }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        resolve({ status: answer.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      answer.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

function forwardedFor(headers: IncomingHttpHeaders, client: string): string {
  const sent = headers['x-forwarded-for'];
  return sent === undefined ? client : `${[sent].flat().join(', ')}, ${client}`;
}

/** Listens on 127.0.0.1 and forwards every request to `target`, connecting from `outgoingAddress`. */
export async function startForwardingProxy(target: string, outgoingAddress: string): Promise<ForwardingProxy> {
  const server: Server = createServer((incoming, reply) => {
    const headers = {
      ...incoming.headers,
      'x-forwarded-for': forwardedFor(incoming.headers, incoming.socket.remoteAddress ?? ''),
    };
    const outgoing = request(
      new URL(incoming.url ?? '/', target),
      { method: incoming.method, headers, localAddress: outgoingAddress },
      (answer) => {
        reply.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(reply);
      },
    );
    outgoing.on('error', () => reply.destroy());
    incoming.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
