import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.js';
import type { FormFields } from './form.js';
import { decodeWindows1252 } from './windows-1252.js';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/**
 * A form body that cannot be read as sent. `readable` is what could be made of it all the
 * same (bad sequences left as typed, undecodable bytes as U+FFFD), for the error page to
 * show the person back; it is never stored.
 */
export class FormBodyError extends ApiError {
  constructor(
    statusCode: 400 | 415,
    message: string,
    readonly readable?: FormFields,
  ) {
    super(statusCode, statusCode === 415 ? 'unsupported_media_type' : 'malformed_request', message);
  }
}

/** The `charset` parameter of a Content-Type, unquoted; undefined when there is none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? '').trim() : undefined;
}

/**
 * The WHATWG encoding a label names, when a form can arrive in it. Browsers send a form in
 * its page's encoding (or its accept-charset), always ASCII-compatible: UTF-16 is replaced by
 * UTF-8 when a form is sent, so a body claiming it is not a browser's.
 */
function encodingFor(label: string): string | undefined {
  try {
    const { encoding } = new TextDecoder(label);
    return encoding.startsWith('utf-16') ? undefined : encoding;
  } catch {
    return undefined;
  }
}

const HEX_PAIR = /^[0-9a-f]{2}$/i;

/**
 * The bytes a urlencoded name or value stands for: `+` is a space, `%XX` a byte. `strict`
 * refuses a `%` not followed by two hex digits (no browser sends one); otherwise it is kept
 * as typed.
 */
function percentDecoded(text: string, strict: boolean): Buffer | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = text.slice(i + 1, i + 3);
    if (code === 0x25 && HEX_PAIR.test(pair)) {
      bytes.push(parseInt(pair, 16));
      i += 2;
    } else if (code === 0x25 && strict) {
      return undefined;
    } else {
      bytes.push(code === 0x2b ? 0x20 : code);
    }
  }
  return Buffer.from(bytes);
}

/** The body's name=value pairs, as text whose characters are its bytes (so nothing is decoded yet). */
function rawPairs(body: Buffer): [string, string][] {
  return body
    .toString('latin1')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    });
}

function addField(fields: FormFields, name: string, value: string): void {
  const earlier = fields[name];
  fields[name] = earlier === undefined ? value : [earlier, value].flat();
}

/** Text from bytes in `encoding`; `fatal` throws on bytes the encoding has no character for, else they read as U+FFFD. */
function textDecoder(encoding: string, fatal: boolean): (bytes: Uint8Array) => string {
  if (encoding === 'windows-1252') return decodeWindows1252;
  const decoder = new TextDecoder(encoding, { fatal });
  return (bytes) => decoder.decode(bytes);
}

/** Every pair decoded leniently, for showing back: a broken `%` sequence kept as typed, undecodable bytes as U+FFFD. */
function readableFields(pairs: readonly [string, string][], encoding: string): FormFields {
  const decode = textDecoder(encoding, false);
  const fields: FormFields = Object.create(null) as FormFields;
  for (const [name, value] of pairs) {
    addField(
      fields,
      decode(percentDecoded(name, false) ?? Buffer.alloc(0)),
      decode(percentDecoded(value, false) ?? Buffer.alloc(0)),
    );
  }
  return fields;
}

/** The charset to read with: the Content-Type's, else a `_charset_` field (which browsers fill in), else UTF-8. */
function declaredCharset(contentType: string | undefined, pairs: readonly [string, string][]): string {
  // A field left empty (a browser that does not fill it in) names nothing.
  const fromField = pairs.find(([name, value]) => name === '_charset_' && value !== '')?.[1];
  return charsetOf(contentType) ?? fromField ?? 'utf-8';
}

/**
 * Reads an `application/x-www-form-urlencoded` body as the HTML standard writes one, in the
 * charset it was sent in. Anything a browser would not send is refused rather than guessed
 * at: a charset that cannot be read (415), a broken `%` sequence or text that is not valid in
 * its charset (400). Repeated names give arrays; the result has no prototype, so a field
 * named `__proto__` is just a field.
 */
export function parseFormBody(body: Buffer, contentType: string | undefined): FormFields {
  const pairs = rawPairs(body);
  const charset = declaredCharset(contentType, pairs);
  const encoding = encodingFor(charset);
  if (encoding === undefined) {
    throw new FormBodyError(
      415,
      `The form's charset ${JSON.stringify(charset)} is not supported: send it as UTF-8 (accept-charset="UTF-8" on the form).`,
    );
  }
  const decode = textDecoder(encoding, true);
  const fields: FormFields = Object.create(null) as FormFields;
  for (const [rawName, rawValue] of pairs) {
    const name = percentDecoded(rawName, true);
    const value = percentDecoded(rawValue, true);
    if (name === undefined || value === undefined) {
      throw new FormBodyError(
        400,
        'The form body has a "%" not followed by two hexadecimal digits.',
        readableFields(pairs, encoding),
      );
    }
    try {
      addField(fields, decode(name), decode(value));
    } catch {
      throw new FormBodyError(
        400,
        `The form body is not valid ${encoding}: declare its charset, or send it as UTF-8 (accept-charset="UTF-8" on the form).`,
        readableFields(pairs, encoding),
      );
    }
  }
  return fields;
}

/** Reads `application/x-www-form-urlencoded` posts with `parseFormBody`, up to `bodyLimit` bytes. */
export function addFormBodyParser(app: FastifyInstance, bodyLimit: number): void {
  app.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    try {
      done(null, parseFormBody(body as Buffer, request.headers['content-type']));
    } catch (error) {
      done(error as Error);
    }
  });
}
