/** What the fuzzer reads of the app's OpenAPI description: schemas, operations, cases; a seeded random. */

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

export const typeOf = (s: Schema): string | undefined => (Array.isArray(s.type) ? s.type[0] : s.type);

/** First non-null branch of a union. */
export function pick(s: Schema): Schema {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return pick(branches.find((b) => typeOf(b) !== 'null') ?? branches[0]);
  if (s.allOf?.length) return pick(s.allOf[0]);
  return s;
}
