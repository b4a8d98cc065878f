import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError, errorBody } from './errors.js';

/** What a client that broke HTTP itself is told: Node's parser found the fault before any route ran. */
function clientApiError(code: string | undefined): ApiError {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ApiError(408, 'request_timeout', 'The request did not arrive in time. Send it again, all at once.');
    case 'HPE_HEADER_OVERFLOW':
      return new ApiError(431, 'headers_too_large', 'The request headers are too large.');
    default:
      return new ApiError(
        400,
        'malformed_request',
        'The request is not well-formed HTTP/1.1, so it could not be read.',
      );
  }
}

/**
 * Answers what Node's HTTP parser refuses (bad framing, oversized headers, a request too
 * slow to arrive) in the collector's error shape, with the usual headers, and closes the
 * connection: after broken framing nothing more on it can be trusted. Fastify's own handler
 * would answer in a shape of its own.
 */
export function clientErrorHandler(headers: Readonly<Record<string, string>>) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    // A reset connection, or one already answered on, has no one left to tell.
    const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || socket.destroyed || answering?.headersSent) {
      socket.destroy();
      return;
    }
    const apiError = clientApiError(error.code);
    const body = JSON.stringify(errorBody(apiError));
    const head = [
      `HTTP/1.1 ${String(apiError.statusCode)} ${STATUS_CODES[apiError.statusCode] ?? ''}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${String(Buffer.byteLength(body))}`,
      'Connection: close',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    if (socket.writable) socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
    socket.destroy();
  };
}
