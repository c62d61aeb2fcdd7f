/** Values for the fuzzer's requests: plausible ones (with hints from the data at hand) and hostile ones. */
import { pick, type Schema, typeOf } from './spec';

/**
 * What the fuzzer knows of the data at hand, so that the valid-looking body of a route gets past
 * validation and the hostile values reach the service: a value by field name (ids of the
 * fixtures, codes of the code lists) and the ids that earlier create routes answered with.
 */
export class Hints {
  private readonly created = new Map<string, number>();
  constructor(private readonly byName: (name: string) => unknown) {}

  /** Remember the id a create route answered with, under its path (`/api/classes/{id}/sessions`). */
  record(path: string, id: number): void {
    this.created.set(path, id);
  }

  /** The id for the path parameter `name` of `path`: what the route before it created. */
  param(path: string, name: string): number | undefined {
    const i = path.indexOf(`{${name}}`);
    return i > 0 ? this.created.get(path.slice(0, i - 1)) : undefined;
  }

  /** A value for a body or query field, if one is known. */
  field(name: string): unknown {
    const known = this.byName(name);
    if (known !== undefined) return known;
    // `programmeId` -> what `POST /api/programmes` made.
    const stem = /^(\w+?)Id$/.exec(name)?.[1];
    if (!stem) return undefined;
    for (const [path, id] of this.created)
      if (/\/(\w+)$/.exec(path)?.[1]?.replace(/-/g, '').toLowerCase().startsWith(stem.toLowerCase()))
        return id;
    return undefined;
  }
}

export const NO_HINTS = new Hints(() => undefined);

// Strings that satisfy most of the app's formats, tried against a schema's pattern.
const PATTERN_CANDIDATES = ['FZ_1', 'FZ1', 'fz_1', 'fuzz.user1', 'fuzz@example.vn', '08:00', '001085012345'];

/** A plausible valid value for a schema: known values by name, ids 1, dates in 2026, enums' first value. */
export function sample(schema: Schema, name = '', hints: Hints = NO_HINTS): unknown {
  const s = pick(schema);
  if (s.enum?.length) return s.enum[0];
  const known = name ? hints.field(name) : undefined;
  if (known !== undefined) return known;
  if (s.default !== undefined) return s.default;
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, k, hints);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sample(s.items ?? {}, name, hints));
    case 'integer':
    case 'number':
      if (/year/i.test(name)) return 2026;
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'date' || /date|asof|on$/i.test(name))
        return /end|to$|until/i.test(name) ? '2026-06-30' : '2026-03-02';
      if (s.format === 'date-time') return '2026-03-02T08:00:00Z';
      if (s.format === 'email') return 'fuzz@example.vn';
      if (s.format === 'uri') return 'https://example.vn/van-ban';
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const hit = PATTERN_CANDIDATES.find((c) => re.test(c));
        if (hit) return hit;
      }
      const text = `Thử ${name || 'x'}`;
      const min = s.minLength ?? 0;
      return text.length >= min ? text.slice(0, s.maxLength ?? text.length) : text.padEnd(min, 'x');
    }
    default:
      return 'x';
  }
}

const NUL = 'a\u0000b';
const LONE = 'x\ud800y';
const HUGE = 'x'.repeat(200_000);

/** Hostile values for one field of a body, chosen by its type. */
export function badValues(schema: Schema, name: string): Array<[string, unknown]> {
  const s = pick(schema);
  const t = typeOf(s);
  const common: Array<[string, unknown]> = [
    ['object', { $gt: 1 }],
    ['array', [1, 2]],
  ];
  if (t === 'integer' || t === 'number')
    return [
      ['2^31', 2147483648],
      ['2^53', 2 ** 53],
      ['-1', -1],
      ['1.5', 1.5],
      ['true', true],
      ['string', 'abc'],
      ['1e308', 1e308],
      ...common,
    ];
  if (t === 'string') {
    const dates: Array<[string, unknown]> =
      s.format === 'date' || /date|asof/i.test(name)
        ? [
            ['9999-12-31', '9999-12-31'],
            ['0001-01-01', '0001-01-01'],
            ['2026-02-30', '2026-02-30'],
          ]
        : [];
    return [
      ['nul', NUL],
      ['lone-surrogate', LONE],
      ['huge', HUGE],
      ['number', 2147483648],
      ['true', true],
      ...dates,
      ...common,
    ];
  }
  if (t === 'boolean')
    return [
      ['string', 'yes'],
      ['number', 2],
    ];
  if (t === 'array') {
    const item = sample(s.items ?? {}, name);
    return [
      ['many', Array.from({ length: 5000 }, () => item)],
      ['deep', deepArray(2000)],
      ['items-nul', [NUL]],
      ['items-2^31', [2147483648]],
      ['string', 'abc'],
    ];
  }
  if (t === 'object')
    return [
      ['deep', deepObject(2000)],
      ['string', 'abc'],
      ['null', null],
    ];
  return [['nul', NUL], ['2^31', 2147483648], ...common];
}

// Deep values are spliced into the JSON text (JSON.stringify of them would overflow the stack).
const DEEP_ARRAY = '\u0001deep-array\u0001';
const DEEP_OBJECT = '\u0001deep-object\u0001';
const deepArray = (_depth: number) => DEEP_ARRAY;
const deepObject = (_depth: number) => DEEP_OBJECT;
export const deepText = (open: string, inner: string, close: string, depth: number) =>
  open.repeat(depth) + inner + close.repeat(depth);

/** JSON text of a value, with the deep markers replaced by 2,000 levels of nesting. */
export function json(v: unknown): string {
  return JSON.stringify(v)
    .replace(JSON.stringify(DEEP_ARRAY), deepText('[', '[]', ']', 2000))
    .replace(JSON.stringify(DEEP_OBJECT), deepText('{"a":', '{}', '}', 2000));
}

/** Hostile text for a path or query parameter (already URL-encoded). */
export function badParams(schema: Schema): Array<[string, string]> {
  const t = typeOf(pick(schema));
  const common: Array<[string, string]> = [
    ['nul', 'a%00b'],
    ['bad-utf8', '%ED%A0%80'],
    ['huge', 'x'.repeat(5000)],
  ];
  if (t === 'integer' || t === 'number')
    return [
      ['2^31', '2147483648'],
      ['2^53+1', '9007199254740993'],
      ['-1', '-1'],
      ['0', '0'],
      ['1.5', '1.5'],
      ['true', 'true'],
      ['1e400', '1e400'],
      ['abc', 'abc'],
      ...common,
    ];
  return [
    ['9999-12-31', '9999-12-31'],
    ['0001-01-01', '0001-01-01'],
    ['2026-02-30', '2026-02-30'],
    ...common,
  ];
}
