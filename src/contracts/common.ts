import { z } from 'zod';
import { cleanText } from './text';

const vi = (vi: string, en: string) => ({ params: { vi, en } });

/** Free text: NFC-normalised, trimmed, bounded. */
export const Text = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform(cleanText)
    .pipe(z.string().max(max));
export const RequiredText = (max: number) => Text(max).pipe(z.string().min(1));
export const OptionalText = (max: number) =>
  z
    .union([Text(max), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v));

/** The range of dates the product accepts: no record of cadre training lies outside it. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** ISO date `yyyy-mm-dd`, a real calendar day between 1900-01-01 and 2100-12-31. */
export const IsoDate = z.iso
  .date()
  .refine(
    (d) => d >= MIN_DATE && d <= MAX_DATE,
    vi(`phải trong khoảng ${MIN_DATE} đến ${MAX_DATE}`, `must be between ${MIN_DATE} and ${MAX_DATE}`),
  );

/** A date that may not lie in the future (checked against the server clock at parse time). */
export const PastDate = IsoDate.refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  vi('không được là ngày trong tương lai', 'must not be in the future'),
);

/** The largest id a column holds (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/**
 * A whole number from a body (a number) or a path/query (digits only). Booleans, `1.5`, `1e3`,
 * `""` and anything else are refused rather than coerced (`true` is not 1).
 */
export const Int = (min: number, max: number) =>
  z.preprocess<unknown, z.ZodNumber, number | string>(
    (v) => (typeof v === 'string' && /^-?\d{1,16}$/.test(v) ? Number(v) : v),
    z.number().int().min(min).max(max),
  );

/** A row id: 1..2147483647, the range of the int4 columns that hold it. */
export const Id = Int(1, MAX_ID);
export const IdParams = z.object({ id: Id });

/** Page numbers beyond this would only ask the database for an absurd offset. */
export const MAX_PAGE = 100_000;

export const Page = z.object({
  page: Int(1, MAX_PAGE).default(1),
  pageSize: Int(1, 200).default(50),
});

export const Ok = z.object({ ok: z.literal(true) });

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** true: there are more than `total` rows; the list stopped counting there (ADR 032). */
    totalIsLowerBound: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const customMessage = vi;

/**
 * The `sort` parameter of a list (ADR 041): one of the list's whitelisted keys, ascending, or the
 * key after "-" for descending ("-startsOn"); anything else is a 400 naming the keys allowed.
 */
export function sortParam<const K extends string>(keys: readonly K[]) {
  const values = keys.flatMap((k) => [k, `-${k}` as const]);
  return z.enum(values as [K | `-${K}`, ...(K | `-${K}`)[]]).optional();
}

/** "-name" -> { key: "name", desc: true }; undefined stays undefined. */
export function readSort<K extends string>(
  sort: K | `-${K}` | undefined,
): { key: K; desc: boolean } | undefined {
  if (!sort) return undefined;
  return sort.startsWith('-') ? { key: sort.slice(1) as K, desc: true } : { key: sort as K, desc: false };
}
