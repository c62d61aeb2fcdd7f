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

/** ISO date `yyyy-mm-dd`, a real calendar day. */
export const IsoDate = z.iso.date();

/** A date that may not lie in the future (checked against the server clock at parse time). */
export const PastDate = IsoDate.refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  vi('không được là ngày trong tương lai', 'must not be in the future'),
);

export const Id = z.coerce.number().int().positive();
export const IdParams = z.object({ id: Id });

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const Ok = z.object({ ok: z.literal(true) });

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const customMessage = vi;
