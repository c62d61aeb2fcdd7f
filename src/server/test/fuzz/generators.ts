/**
 * Request generators for the fuzzer: read the app's OpenAPI description and turn every operation
 * into a list of hostile requests (wrong types, huge and deep values, NUL bytes, lone surrogates,
 * out-of-range numbers and dates, booleans where ids go). Deterministic for a given seed.
 */
import { type FuzzCase, type Operation, pick, typeOf } from './spec';
import { badParams, badValues, deepText, type Hints, json, NO_HINTS, sample } from './values';

export { type FuzzCase, isFuzzed, type Operation, operationsOf, rng, type Schema } from './spec';
export { badParams, badValues, Hints, sample } from './values';

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
