/**
 * Update semantics (ADR 023): a field absent from an update body is left unchanged, a field sent
 * as null is cleared. An update schema is therefore built from the create schema's fields with
 * every field optional and WITHOUT the create's `.default()`s: `.partial()` keeps them, and a
 * partial body would then reset every defaulted field the request did not name.
 */
import { z } from 'zod';

type WithoutDefault<T> =
  T extends z.ZodDefault<infer I>
    ? WithoutDefault<I>
    : T extends z.ZodPrefault<infer I>
      ? WithoutDefault<I>
      : T;

export type UpdateShape<S extends z.ZodRawShape> = {
  -readonly [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>>;
};

type AnySchema = z.ZodType;

/** The schema without a `.default()`/`.prefault()` at its top (also under optional/nullable). */
function withoutDefault(s: AnySchema): AnySchema {
  if (s instanceof z.ZodDefault || s instanceof z.ZodPrefault) return withoutDefault(s.unwrap() as AnySchema);
  if (s instanceof z.ZodNullable) {
    const inner = s.unwrap() as AnySchema;
    const bare = withoutDefault(inner);
    return bare === inner ? s : bare.nullable();
  }
  if (s instanceof z.ZodOptional) {
    const inner = s.unwrap() as AnySchema;
    const bare = withoutDefault(inner);
    return bare === inner ? s : bare.optional();
  }
  return s;
}

/** The default a field takes when a create body leaves it out, if it has one. */
function defaultOf(s: AnySchema): { value: unknown } | undefined {
  if (s instanceof z.ZodDefault) return { value: structuredClone(s.def.defaultValue) };
  if (s instanceof z.ZodNullable || s instanceof z.ZodOptional) return defaultOf(s.unwrap() as AnySchema);
  return undefined;
}

/** Every field of `shape` optional, with no defaults: absent = unchanged, null = clear. */
export function updateShape<S extends z.ZodRawShape>(shape: S): UpdateShape<S> {
  const out: Record<string, AnySchema> = {};
  for (const [key, field] of Object.entries(shape)) out[key] = withoutDefault(field as AnySchema).optional();
  return out as UpdateShape<S>;
}

/** The update body of a create body (an object schema): see `updateShape`. */
export function updateOf<S extends z.ZodRawShape>(create: z.ZodObject<S>) {
  return z.object(updateShape(create.shape));
}

/**
 * The values a create body gives the fields it leaves out (its `.default()`s), e.g.
 * `{ ethnicity: 'KINH', partyMember: false, ... }` for a person. The audit repair (ADR 023) looks
 * for updates that changed a field to exactly these values without naming it.
 */
export function createDefaults(create: { shape: z.ZodRawShape }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(create.shape)) {
    const d = defaultOf(field as AnySchema);
    if (d) out[key] = d.value;
  }
  return out;
}
