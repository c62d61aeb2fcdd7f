import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Lang } from '../../contracts/errors';
import { QUERY_CANCELED } from '../db/request-cancel';
import { AppError, invalid } from '../lib/errors';
import { duplicateError, uniqueViolationOf } from '../lib/unique-keys';
import { localizeIssue } from '../lib/validation-i18n';

/** The user's language: explicit header, then the user's setting, then Accept-Language. */
export function langOf(req: FastifyRequest): Lang {
  // A download link cannot send headers: it names the language in the query (`?lang=en`).
  const explicit = req.headers['x-dtbd-lang'] ?? (req.query as { lang?: unknown } | undefined)?.lang;
  if (explicit === 'en' || explicit === 'vi') return explicit;
  if (req.actor) return req.actor.lang;
  const accept = req.headers['accept-language'] ?? '';
  return /^en\b/i.test(accept) ? 'en' : 'vi';
}

/**
 * Errors raised by the router before any route runs (a path that is not valid UTF-8 once
 * decoded, a parameter over the length limit): the same body as every other error.
 * Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const error = new AppError('VALIDATION_FAILED', {
    message: tooLong
      ? { vi: 'Tham số trên đường dẫn quá dài.', en: 'A parameter in the address is too long.' }
      : { vi: 'Đường dẫn không hợp lệ.', en: 'The address is not valid.' },
    details: { reason: err.code },
  });
  reply.status(400).send(error.toBody(langOf(req)));
}

/** The SQLSTATE of a database error, looking through the wrappers of the query builder. */
function sqlStateOf(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** One place where errors leave the server, always as `{ error: { code, message, details? } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = langOf(req);
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const context = (err as { validationContext?: string }).validationContext;
      appError = invalid(err.validation.map((i) => localizeIssue(i as never, context)));
    } else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      appError = new AppError('VALIDATION_FAILED', {
        message: {
          vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
          en: 'The request body is not valid JSON.',
        },
      });
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('VALIDATION_FAILED', {
        message: { vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
      });
    } else if (uniqueViolationOf(err)) {
      appError = duplicateError(uniqueViolationOf(err)?.constraint);
    } else if (sqlStateOf(err) === QUERY_CANCELED) {
      // Statement timeout, or a request whose client has gone (nobody reads that answer).
      if (req.raw.destroyed || reply.raw.destroyed) req.log.info('query cancelled: the client has gone');
      appError = new AppError('QUERY_TIMEOUT', { details: { retryAfterSeconds: 30 } });
    } else if (err.statusCode && err.statusCode < 500 && err.statusCode >= 400) {
      appError = new AppError(err.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', {
        message: { vi: err.message, en: err.message },
      });
    } else {
      req.log.error({ err }, 'unhandled error');
      appError = new AppError('INTERNAL');
    }
    if (appError.status >= 500 && appError.code !== 'QUERY_TIMEOUT') req.log.error({ err }, 'server error');
    else if (appError.code === 'QUERY_TIMEOUT') req.log.warn({ err }, 'query timed out or cancelled');
    const retry = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retry === 'number') reply.header('retry-after', String(retry));
    reply.status(appError.status).send(appError.toBody(lang));
  });

  app.setNotFoundHandler((req, reply) => {
    const err = new AppError('NOT_FOUND', {
      message: {
        vi: `Không có đường dẫn ${req.method} ${req.url}.`,
        en: `No route ${req.method} ${req.url}.`,
      },
    });
    reply.status(404).send(err.toBody(langOf(req)));
  });
}
