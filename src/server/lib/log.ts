/**
 * What the server logs (ADR 027): pino with redaction. Cookies, tokens, CSRF headers, passwords
 * and password hashes never reach a log line; query strings are logged with personal IDs,
 * searches and tokens masked; error messages lose the parameters of a failed query.
 */
import type { FastifyServerOptions } from 'fastify';

const MASK = '***';

/** Query parameters whose value is never logged (searches hold names and personal IDs). */
const SECRET_PARAMS = new Set([
  'q',
  'search',
  'name',
  'token',
  'password',
  'pid',
  'personalid',
  'personal_id',
  'cccd',
  'email',
  'phone',
]);

/** 9 to 12 digits in a row: a Vietnamese ID card (CMND / CCCD) or personal ID number. */
const ID_NUMBER = /(?<!\d)\d{9,12}(?!\d)/g;
const ARGON2 = /\$argon2(id|i|d)\$[^\s"',]+/g;
/** Path segments that are secrets themselves (certificate QR tokens). */
const SECRET_PATHS = /(\/(?:public\/certificates|verify)\/)[^/?#]+/g;

/** A request URL fit for a log line. */
export function safeUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(SECRET_PATHS, `$1${MASK}`).replace(ID_NUMBER, MASK);
  if (q < 0) return path;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let key = pair.slice(0, eq);
      try {
        key = decodeURIComponent(key);
      } catch {
        // keep the raw key
      }
      if (SECRET_PARAMS.has(key.toLowerCase())) return `${pair.slice(0, eq)}=${MASK}`;
      return pair.replace(ID_NUMBER, MASK);
    });
  return `${path}?${parts.join('&')}`;
}

/** Any free text (an error message, a stack) with hashes, ID numbers and query parameters masked. */
export function safeText(text: string): string {
  return text
    .replace(/(params:)[\s\S]*?(\n|$)/g, `$1 ${MASK}$2`)
    .replace(ARGON2, MASK)
    .replace(ID_NUMBER, MASK);
}

const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.passwordHash',
  '*.password_hash',
  '*.token',
  '*.tokenHash',
  '*.csrfToken',
  '*.personalId',
  '*.personal_id',
  'body',
  '*.body',
];

interface RawReq {
  method?: string;
  url?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
  id?: string;
}

/** pino options for Fastify: level, redaction, and serializers that mask URLs and error text. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: MASK },
    serializers: {
      req: (req: RawReq) => ({
        method: req.method,
        url: safeUrl(req.url ?? ''),
        hostname: req.hostname,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
      err: (err: Error & { code?: string; statusCode?: number }) => ({
        type: err?.constructor?.name ?? 'Error',
        message: safeText(String(err?.message ?? err)),
        stack: safeText(String(err?.stack ?? '')),
        code: err?.code,
        statusCode: err?.statusCode,
      }),
    },
  };
}
