/** One changed field between the before and after snapshots of an audit entry. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flatten nested objects to dot paths (`address.city`); arrays and scalars are leaves. */
function flatten(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  } else if (value !== null && value !== undefined) {
    out.set('(value)', value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields that differ between two snapshots, in the order they first appear (before, then after). */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const inB = b.has(field);
    const inA = a.has(field);
    const bv = b.get(field);
    const av = a.get(field);
    if (inB && inA && same(bv, av)) continue;
    // A field that is empty on both sides of a creation or a deletion says nothing.
    if (!inB && (av === null || av === undefined)) continue;
    if (!inA && (bv === null || bv === undefined)) continue;
    changes.push({ field, before: bv, after: av, kind: !inB ? 'added' : !inA ? 'removed' : 'changed' });
  }
  return changes;
}

/** A value as short readable text. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '∅';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
