/** CSV for PostgreSQL COPY (FORMAT csv): NULL is an empty unquoted field, '' is quoted. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n\\]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value === '' || NEEDS_QUOTES.test(value) || value.trim() !== value)
    return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** A value known to need no quoting (numbers, dates, booleans, our own codes). */
export function csvRaw(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}
