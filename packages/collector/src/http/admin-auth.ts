import { createHash, timingSafeEqual } from 'node:crypto';

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
