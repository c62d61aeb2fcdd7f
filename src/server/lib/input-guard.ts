import type { FastifyInstance } from 'fastify';
import { type FieldError, fieldError, invalid } from './errors';

// A lone (unpaired) UTF-16 surrogate: JSON allows "\ud800", PostgreSQL text cannot hold it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text, or undefined. */
export function badTextReason(s: string): FieldError['message'] | undefined {
  if (s.includes('\u0000'))
    return { vi: 'chứa ký tự NUL (\\u0000)', en: 'contains a NUL character (\\u0000)' };
  if (LONE_SURROGATE.test(s))
    return {
      vi: 'chứa ký tự Unicode không hợp lệ',
      en: 'contains an invalid Unicode character (lone surrogate)',
    };
  return undefined;
}

/** Every string (and key) in a value that cannot be stored, with its field path; walks without recursion. */
export function badTextFields(value: unknown, root: string): FieldError[] {
  const out: FieldError[] = [];
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length && out.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const reason = badTextReason(v);
      if (reason) out.push(fieldError(path, reason.vi, reason.en));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        const name = path ? `${path}.${k}` : k;
        const reason = badTextReason(k);
        if (reason) out.push(fieldError(name, reason.vi, reason.en));
        else stack.push([child, name]);
      }
    }
  }
  return out;
}

/**
 * The one input guard: text with a NUL byte or a lone surrogate, in the path, query or JSON
 * body, is refused with 400 naming the field before any route runs (the database could not
 * store it). NFC normalisation happens after, in the shared Text type of the contracts.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const fields = [
      ...badTextFields(req.params, ''),
      ...badTextFields(req.query, ''),
      ...badTextFields(req.body, ''),
    ];
    if (fields.length) throw invalid(fields);
  });
}
