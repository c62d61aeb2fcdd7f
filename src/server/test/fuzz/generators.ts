/**
 * Request generators for the fuzzer: read the app's OpenAPI description and turn every operation
 * into a list of hostile requests (wrong types, huge and deep values, NUL bytes, lone surrogates,
 * out-of-range numbers and dates, booleans where ids go). Deterministic for a given seed.
 */

/** The parts of a JSON schema (as @fastify/swagger writes it from Zod) the fuzzer reads. */
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  default?: unknown;
  additionalProperties?: boolean | Schema;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. `/api/people/{id}`. */
  path: string;
  params: Parameter[];
  body?: Schema;
  /** The route takes a raw file (an upload) rather than JSON. */
  upload: boolean;
}

export interface FuzzCase {
  /** What is being tried, for the report: `body.name=nul`, `path.id=2^31`. */
  label: string;
  method: string;
  url: string;
  /** JSON text, or a raw buffer for uploads; undefined sends no body. */
  payload?: string | Buffer;
  contentType?: string;
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every operation of the spec, with its parameters and JSON body schema. */
export function operationsOf(spec: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      const json = op.requestBody?.content?.['application/json']?.schema;
      const m = method.toUpperCase();
      ops.push({
        method: m,
        path,
        params: op.parameters ?? [],
        body: json,
        // A write route without a JSON body that takes a file: the import upload.
        upload: m === 'POST' && path === '/api/imports',
      });
    }
  }
  return ops;
}

/** Write routes, and reads that take path or query parameters. */
export function isFuzzed(op: Operation): boolean {
  if (op.method !== 'GET') return true;
  return op.params.some((p) => p.in === 'path' || p.in === 'query');
}

const typeOf = (s: Schema): string | undefined => (Array.isArray(s.type) ? s.type[0] : s.type);

/** First non-null branch of a union. */
function pick(s: Schema): Schema {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return pick(branches.find((b) => typeOf(b) !== 'null') ?? branches[0]);
  if (s.allOf?.length) return pick(s.allOf[0]);
  return s;
}

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

const NO_HINTS = new Hints(() => undefined);

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
const deepText = (open: string, inner: string, close: string, depth: number) =>
  open.repeat(depth) + inner + close.repeat(depth);

/** JSON text of a value, with the deep markers replaced by 2,000 levels of nesting. */
function json(v: unknown): string {
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

/** URL of an operation with path and query values (raw text, already encoded). */
function urlOf(op: Operation, path: Record<string, string>, query: Record<string, string>): string {
  const p = op.path.replace(/\{(\w+)\}/g, (_, k: string) => path[k] ?? '1');
  const q = Object.entries(query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return q ? `${p}?${q}` : p;
}

/** Valid-looking path and required query values. */
function baseParams(op: Operation, hints: Hints) {
  const path: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const p of op.params) {
    const id = p.in === 'path' ? hints.param(op.path, p.name) : undefined;
    const v = encodeURIComponent(String(id ?? sample(p.schema, p.name, hints)));
    if (p.in === 'path') path[p.name] = v;
    else if (p.in === 'query' && p.required) query[p.name] = v;
  }
  return { path, query };
}

/** Every hostile request for one operation (uncapped). */
export function casesOf(op: Operation, hints: Hints = NO_HINTS): FuzzCase[] {
  const out: FuzzCase[] = [];
  const { path, query } = baseParams(op, hints);
  const base = op.body ? sample(op.body, '', hints) : undefined;
  const bodyText = base === undefined ? undefined : json(base);
  const ct = op.body ? 'application/json' : undefined;
  const push = (label: string, url: string, payload?: string | Buffer, contentType = ct) =>
    out.push({
      label,
      method: op.method,
      url,
      payload,
      contentType: payload === undefined ? undefined : contentType,
    });

  // First, so what it creates is there for the routes after it (and for the duplicate below).
  if (op.body) push('body=valid-looking', urlOf(op, path, query), bodyText);
  for (const p of op.params.filter((x) => x.in === 'path' || x.in === 'query')) {
    for (const [label, value] of badParams(p.schema)) {
      const pp = p.in === 'path' ? { ...path, [p.name]: value } : path;
      const qq = p.in === 'query' ? { ...query, [p.name]: value } : query;
      push(`${p.in}.${p.name}=${label}`, urlOf(op, pp, qq), bodyText);
    }
  }
  const url = urlOf(op, path, query);
  if (op.upload) {
    const q = `${url}${url.includes('?') ? '&' : '?'}kind=people`;
    push('file=corrupt-xlsx', q, Buffer.from('PK\u0003\u0004garbage'), 'application/octet-stream');
    push(
      'file=corrupt-xlsx-typed',
      q,
      Buffer.from('PK\u0003\u0004garbage'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    push('file=empty', q, Buffer.alloc(0), 'application/octet-stream');
    push('file=nul-csv', q, Buffer.from('a,b\n\u0000,\ud800\n'), 'text/csv');
    push('file=binary', q, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]), 'application/octet-stream');
  }
  if (!op.body) return out;
  // The same valid-looking body again: a second create meets the unique keys of the first.
  if (op.method === 'POST') push('body=again', url, bodyText);
  push('body=empty', url, '');
  push('body=invalid-json', url, '{"a":');
  push('body=null', url, 'null');
  push('body=array', url, '[]');
  push('body=string', url, '"x"');
  push('body=deep', url, deepText('{"a":', '{}', '}', 5000));
  push('body=wide', url, json(Object.fromEntries(Array.from({ length: 20000 }, (_, i) => [`k${i}`, i]))));
  push('body=nul-key', url, json({ ...(base as object), 'a\u0000': 1 }));
  const props = pick(op.body).properties ?? {};
  for (const [name, schema] of Object.entries(props)) {
    for (const [label, value] of badValues(schema, name))
      push(`body.${name}=${label}`, url, json({ ...(base as object), [name]: value }));
    // One level down: arrays of objects and nested objects (rows, lines, answers).
    const inner = pick(schema);
    const child = typeOf(inner) === 'array' ? pick(inner.items ?? {}) : inner;
    if (typeOf(child) !== 'object') continue;
    const childBase = sample(child, name, hints) as Record<string, unknown>;
    for (const [cname, cschema] of Object.entries(child.properties ?? {})) {
      for (const [label, value] of badValues(cschema, cname).slice(0, 6)) {
        const v = { ...childBase, [cname]: value };
        push(
          `body.${name}.${cname}=${label}`,
          url,
          json({ ...(base as object), [name]: typeOf(inner) === 'array' ? [v] : v }),
        );
      }
    }
  }
  return out;
}

/** At most `cap` cases, every kind of input tried at least once, in a deterministic order. */
export function capCases(cases: FuzzCase[], cap: number, random: () => number): FuzzCase[] {
  if (cases.length <= cap) return cases;
  // Group by what is tried (`nul`, `2^31`, ...) and take from each group in turn.
  const groups = new Map<string, FuzzCase[]>();
  for (const c of cases) {
    const kind =
      c.label.startsWith('body=') || c.label.startsWith('file=') ? c.label : c.label.split('=').pop()!;
    groups.set(kind, [...(groups.get(kind) ?? []), c]);
  }
  const queues = [...groups.values()].map((g) => {
    for (let i = g.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [g[i], g[j]] = [g[j], g[i]];
    }
    return g;
  });
  const out: FuzzCase[] = [];
  while (out.length < cap) {
    for (const q of queues) if (q.length && out.length < cap) out.push(q.shift()!);
  }
  return out;
}
