import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

/**
 * Refuses a body sent compressed (or in any content coding) before it is read: Fastify would
 * otherwise parse the compressed bytes as if they were the text. Neither the widgets nor
 * browsers' forms compress what they post, and a body is at most 16 KiB, so decoding gzip
 * would only add a decompression step for an attacker to aim at. The 415 says, with
 * `Accept-Encoding: identity` (RFC 7694), to send it plain.
 */
export function refuseContentEncoding(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) {
  const coding = request.headers['content-encoding']?.trim().toLowerCase();
  if (coding === undefined || coding === '' || coding === 'identity') {
    done();
    return;
  }
  reply.header('Accept-Encoding', 'identity');
  done(
    new ApiError(
      415,
      'unsupported_media_type',
      `Content-Encoding ${JSON.stringify(coding)} is not supported: send the body uncompressed.`,
    ),
  );
}
