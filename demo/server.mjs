// Serves the demo pages and the built widgets, as a council or trust website would: a
// different origin from the collector, and one page under a strict Content-Security-Policy.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const demoRoot = fileURLToPath(new URL('.', import.meta.url));
const widgetsRoot = fileURLToPath(new URL('../packages/elements/dist/cdn/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The policy QUALITY.md S1 promises the widgets work under, with zero violations. */
export function strictPolicy(collectorOrigin) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${collectorOrigin}`,
    `form-action ${collectorOrigin}`,
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

function resolveFile(pathname) {
  if (pathname === '/') return join(demoRoot, 'index.html');
  const [root, rest] = pathname.startsWith('/participate/')
    ? [widgetsRoot, pathname.slice('/participate/'.length)]
    : [demoRoot, pathname.slice(1)];
  const file = normalize(join(root, decodeURIComponent(rest)));
  return file.startsWith(root) ? file : undefined;
}

/**
 * Starts the demo site. `collectorUrl` is written into the pages' endpoints.
 * Resolves with the server and its URL.
 */
export async function startDemoServer({ port = 5173, host = '127.0.0.1', collectorUrl }) {
  const collectorOrigin = new URL(collectorUrl).origin;
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://demo');
    const file = resolveFile(pathname);
    const type = file && TYPES[extname(file)];
    if (!file || !type || file.endsWith('server.mjs')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    try {
      let body = await readFile(file);
      const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      if (type.startsWith('text/html')) {
        // A CMS template would fill these in: the collector's URL, and this page's address
        // for the no-JavaScript form (a cross-origin Referer carries only the origin).
        const page = `http://${request.headers.host ?? `${host}:${port}`}${pathname}`;
        body = Buffer.from(
          body.toString('utf8').replaceAll('{{COLLECTOR}}', collectorUrl).replaceAll('{{PAGE}}', page),
        );
        if (pathname.includes('strict-csp')) headers['content-security-policy'] = strictPolicy(collectorOrigin);
      }
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return { server, url: `http://${host}:${typeof address === 'object' && address ? address.port : port}` };
}
