/**
 * List filters as they live in the URL, so a filtered list can be linked, reloaded and walked with
 * back/forward. A page declares its filters once as a schema of fields; `readUrlFilters` and
 * `writeUrlFilters` are the pure, tested read/write pair (the model is features/gaps/gaps-url.ts),
 * `patchSearch` is how a filter change is written (any change goes back to page 1).
 */

/** One filter: how to read it from its URL parameter and how to write it back (undefined = absent). */
export interface UrlField<T> {
  read(raw: string | null): T;
  write(value: T): string | undefined;
  /** The URL parameter, where it differs from the filter's name. */
  param?: string;
}

export type UrlSchema = Record<string, UrlField<unknown>>;
export type UrlValues<S extends UrlSchema> = { [K in keyof S]: S[K] extends UrlField<infer T> ? T : never };
export type Paged<V> = V & { page: number; pageSize: number };
/** A change of filters; other parameters of the page (a tab, an open drawer) may ride along as text. */
export type UrlPatch<S extends UrlSchema> = Partial<UrlValues<S>> &
  Record<string, string | number | boolean | null | undefined>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Free text (a search); empty is absent. */
export function text(opts: { param?: string } = {}): UrlField<string | undefined> {
  return { read: (raw) => raw || undefined, write: (v) => v || undefined, ...opts };
}

/** A whole number above zero (an id, a year); anything else is absent. */
export function positiveInt(opts: { param?: string } = {}): UrlField<number | undefined> {
  return {
    read: (raw) => {
      const n = Number(raw);
      return Number.isInteger(n) && n > 0 ? n : undefined;
    },
    write: (v) => (v ? String(v) : undefined),
    ...opts,
  };
}

/** An ISO date (YYYY-MM-DD); anything else is absent. */
export function isoDate(opts: { param?: string } = {}): UrlField<string | undefined> {
  return {
    read: (raw) => (raw && ISO_DATE.test(raw) ? raw : undefined),
    write: (v) => v || undefined,
    ...opts,
  };
}

/** One of a fixed list; anything else is absent. */
export function oneOf<T extends string>(
  values: readonly T[],
  opts: { param?: string } = {},
): UrlField<T | undefined> {
  return {
    read: (raw) => ((values as readonly string[]).includes(raw ?? '') ? (raw as T) : undefined),
    write: (v) => v || undefined,
    ...opts,
  };
}

/** One of a fixed list with a default, which is what an absent or unknown value means (and is not written). */
export function oneOfOr<T extends string>(
  values: readonly T[],
  fallback: T,
  opts: { param?: string } = {},
): UrlField<T> {
  return {
    read: (raw) => ((values as readonly string[]).includes(raw ?? '') ? (raw as T) : fallback),
    write: (v) => (v && v !== fallback ? v : undefined),
    ...opts,
  };
}

/** A yes/no switch written as `1` when on. */
export function flag(opts: { param?: string } = {}): UrlField<boolean> {
  return { read: (raw) => raw === '1', write: (v) => (v ? '1' : undefined), ...opts };
}

/** The URL parameter (and people API filter) of a post group, code of list `post_group` (ADR 036). */
export const POST_GROUP_PARAM = 'postGroup';

/** The post-group filter's field, for a page's schema: a code, or absent. */
export function postGroup(): UrlField<string | undefined> {
  return { ...text(), param: POST_GROUP_PARAM };
}

const paramOf = (schema: UrlSchema, key: string) => schema[key]?.param ?? key;

/** The filters a URL holds; unknown or malformed values are dropped rather than sent to the server. */
export function readUrlFilters<S extends UrlSchema>(schema: S, sp: URLSearchParams): UrlValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) out[key] = field.read(sp.get(paramOf(schema, key)));
  return out as UrlValues<S>;
}

/** The page of a server-paged list (1 when absent or malformed). */
export function readPage(sp: URLSearchParams): number {
  return Math.max(1, Math.floor(Number(sp.get('page'))) || 1);
}

/** The URL parameters of a set of filters (only those that are present and not their default). */
export function writeUrlFilters<S extends UrlSchema>(
  schema: S,
  values: Partial<UrlValues<S>>,
): URLSearchParams {
  return patchSearch(schema, new URLSearchParams(), values as UrlPatch<S>);
}

/**
 * The URL after changing some filters: the other parameters (tabs, open drawers) stay, the page goes
 * back to the first, and a filter set to empty or to its default leaves the URL.
 */
export function patchSearch<S extends UrlSchema>(
  schema: S,
  sp: URLSearchParams,
  patch: UrlPatch<S>,
): URLSearchParams {
  const next = new URLSearchParams(sp);
  next.delete('page');
  for (const [key, value] of Object.entries(patch)) {
    const field = schema[key];
    const raw = field ? field.write(value) : value ? String(value) : undefined;
    const param = paramOf(schema, key);
    if (raw) next.set(param, raw);
    else next.delete(param);
  }
  return next;
}

/** The page size a list offering `sizes` shows (`size`; the first of `sizes` when absent or not offered). */
export function readPageSize(sp: URLSearchParams, sizes: readonly number[]): number {
  const n = Number(sp.get('size'));
  return sizes.includes(n) ? n : sizes[0];
}

/**
 * The URL showing another page of the list; given a page size, also that size (`size`, left out when it
 * is the first of `sizes`, the default).
 */
export function withPage(
  sp: URLSearchParams,
  page: number,
  size?: { pageSize: number; sizes: readonly number[] },
): URLSearchParams {
  const next = new URLSearchParams(sp);
  next.set('page', String(page));
  if (size) {
    if (size.pageSize === size.sizes[0]) next.delete('size');
    else next.set('size', String(size.pageSize));
  }
  return next;
}
