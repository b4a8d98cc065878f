import { pageFromUrl } from '../http/form.js';

/**
 * A link back for the fallback pages, only to an http(s) page on an allowed origin: the
 * value comes from the request, and the collector must not become a link to anywhere.
 */
export function backLinkFor(page: unknown, allowedOrigins: ReadonlySet<string>): string | undefined {
  const url = typeof page === 'string' ? pageFromUrl(page) : undefined;
  return url && allowedOrigins.has(new URL(url).origin) ? url : undefined;
}
