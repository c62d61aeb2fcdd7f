/**
 * New valid values for the fields of an update body, derived from its OpenAPI (JSON) schema:
 * another member of an enum or code list, the other boolean, a number one step away, a date a day
 * away, a longer text, one more or one less item of an array of enum values. What a schema cannot
 * say (ids, codes of a list, arrays of objects, times) a route's recipe gives (recipe.ts).
 */
import { addDays } from '../../lib/dates';

export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
}

/** Nothing the schema alone can give: the recipe must. */
export const NO_VALUE = Symbol('no value');

export function isNullable(s: JsonSchema): boolean {
  return Boolean(s.nullable) || (s.anyOf ?? []).some((a) => a.type === 'null' || a.nullable);
}

/** The schema's alternatives flattened (a nullable anyOf of a string and '' is a string). */
function variants(s: JsonSchema): JsonSchema[] {
  return s.anyOf ? s.anyOf.flatMap(variants) : [s];
}

let seq = 0;

/** Text not equal to `current`, within the length the schema allows (code-like text stays code-like). */
function otherText(current: unknown, s: JsonSchema): string {
  seq += 1;
  const max = s.maxLength ?? 200;
  if (typeof current !== 'string' || current === '') return `Giá trị mới ${seq}`.slice(0, max);
  const codeLike = /^[A-Z0-9][A-Z0-9_.\-/]*$/.test(current);
  const tail = codeLike ? `-${seq}` : ` sửa ${seq}`;
  // Inputs are bounded twice over (NFC may lengthen): stay well inside half the declared room.
  return current.slice(0, Math.max(1, Math.floor(max / 2) - tail.length)) + tail;
}

/** A date a day after `current` (a day before when that would pass `today`), or a fixed past day. */
function otherDate(current: unknown, today: string): string {
  if (typeof current !== 'string') return '2020-01-15';
  const next = addDays(current, 1);
  return next <= today ? next : addDays(current, -1);
}

function otherNumber(field: string, current: unknown, s: JsonSchema): number | typeof NO_VALUE {
  if (/Ids?$/.test(field)) return NO_VALUE;
  const min = typeof s.minimum === 'number' ? s.minimum + (s.exclusiveMinimum === true ? 1 : 0) : 0;
  const n = typeof current === 'number' ? current : min;
  if (s.maximum === undefined || n + 1 <= s.maximum) return n + 1;
  return n - 1 >= min ? n - 1 : NO_VALUE;
}

function otherArray(current: unknown, s: JsonSchema): unknown[] | typeof NO_VALUE {
  const list = Array.isArray(current) ? current : [];
  const item = s.items ?? {};
  if (item.enum) {
    const missing = item.enum.find((v) => !list.includes(v));
    if (missing !== undefined) return [...list, missing];
    return list.length > 1 ? list.slice(0, -1) : NO_VALUE;
  }
  if (item.type === 'string' && !item.format) return [...list, otherText('', item)];
  return NO_VALUE;
}

/** A record of numbers (a budget by funding source): its first amount raised by 1,000. */
function otherRecord(current: unknown): Record<string, number> | typeof NO_VALUE {
  if (!current || typeof current !== 'object') return NO_VALUE;
  const entries = Object.entries(current as Record<string, number>);
  if (!entries.length || typeof entries[0][1] !== 'number') return NO_VALUE;
  return Object.fromEntries(entries.map(([k, v], i) => [k, i === 0 ? v + 1000 : v]));
}

/**
 * A valid value of `field` other than `current`, from its schema (and the active codes of its
 * code list when the recipe names one); NO_VALUE when the schema cannot tell.
 */
export function otherValue(
  field: string,
  s: JsonSchema,
  current: unknown,
  ctx: { today: string; codes?: string[] },
): unknown {
  if (ctx.codes) return ctx.codes.find((c) => c !== current) ?? NO_VALUE;
  const vs = variants(s);
  const members = vs.flatMap((v) => v.enum ?? []).filter((v) => v !== '' && v !== null);
  if (members.length) return members.find((m) => m !== current) ?? NO_VALUE;
  const v = vs.find((x) => x.type && x.type !== 'null') ?? s;
  switch (v.type) {
    case 'boolean':
      return !current;
    case 'integer':
    case 'number':
      return otherNumber(field, current, v);
    case 'array':
      return otherArray(current, v);
    case 'object':
      return v.additionalProperties && !v.properties ? otherRecord(current) : NO_VALUE;
    case 'string':
      if (v.format === 'date') return otherDate(current, ctx.today);
      if (v.format === 'uri') return `https://dtbd.example.vn/sua/${++seq}`;
      if (v.format === 'email') return `sua.${++seq}@example.vn`;
      if (v.minLength === 1 && v.maxLength === 40 && !ctx.codes) return NO_VALUE; // a code: the recipe names its list
      return otherText(current, v);
    default:
      return NO_VALUE;
  }
}
