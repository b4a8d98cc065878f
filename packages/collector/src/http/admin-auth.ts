import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Checks `Authorization: Bearer <token>` in constant time. Hashing both sides first
 * gives equal-length buffers, so neither the length nor the content of the token leaks
 * through timing.
 */
export function bearerTokenChecker(expectedToken: string): (authorization: string | undefined) => boolean {
  const expected = sha256(expectedToken);
  return (authorization) => {
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
    const presented = sha256(match?.[1] ?? '');
    return timingSafeEqual(presented, expected) && match !== null;
  };
}

/** An onRequest hook that lets only requests carrying the admin token through (401 otherwise). */
export function adminOnly(adminToken: string) {
  const isAdmin = bearerTokenChecker(adminToken);
  return (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    done(
      isAdmin(request.headers.authorization)
        ? undefined
        : new ApiError(401, 'unauthorized', 'Send the admin token as "Authorization: Bearer <token>".'),
    );
  };
}
