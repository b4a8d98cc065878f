import { isIP } from 'node:net';

/**
 * Which X-Forwarded-For entries to believe, as Fastify's `trustProxy` (proxy-addr) reads a
 * list: `false` for none (the connection's address is the client), or the addresses and
 * CIDR ranges of the proxies in front, walked from the right until an address that is not
 * one of them. Never `true`: that takes the left-most entry, which the client writes itself
 * whenever a proxy appends (nginx, AWS load balancers). Never a count of proxies: Fastify 5
 * ignores one, since a count cannot tell a proxy from a client that connects directly.
 */
export type TrustProxy = false | readonly string[];

/** proxy-addr's names for the loopback, link-local and private ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** What to write instead of `true` or a count, for every message that refuses one. */
export const TRUST_PROXY_INSTEAD =
  'give the addresses or CIDR ranges of the proxies in front, comma-separated, e.g. --trust-proxy 127.0.0.1 ' +
  'for nginx on this machine or --trust-proxy 10.0.0.0/16 for a load balancer in that network ' +
  '(trusting every X-Forwarded-For lets a client choose its own address, and a count of proxies cannot tell a proxy ' +
  'from a client that connects directly)';

function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export type TrustProxyReading = { ok: true; value: TrustProxy } | { ok: false; problems: string[] };

/** Reads a `--trust-proxy` value; `source` names the flag or variable in each problem. */
export function readTrustProxy(raw: string, source: string): TrustProxyReading {
  const value = raw.trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(value)) return { ok: true, value: false };
  if (['true', 'yes', 'on'].includes(value) || /^\d+$/.test(value)) {
    return { ok: false, problems: [`${source} does not take "${raw.trim()}": ${TRUST_PROXY_INSTEAD}.`] };
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const problems = entries
    .filter((entry) => !isProxyAddress(entry))
    .map(
      (entry) =>
        `${source}: "${entry}" is not an IP address, a CIDR range such as 10.0.0.0/8, or loopback, linklocal or uniquelocal.`,
    );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: entries };
}
