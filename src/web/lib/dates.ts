import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import type { Lang } from './lang';

dayjs.extend(customParseFormat);

/** How every date is shown and typed: dd/mm/yyyy (Vietnamese office convention, both languages). */
export const DATE_FORMAT = 'DD/MM/YYYY';
/** Accepted when typing into a date picker: with or without leading zeros, dashes or dots. */
export const DATE_INPUT_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'DDMMYYYY'];

export function setDayjsLocale(lang: Lang): void {
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
}

/** `2024-03-05` (or a timestamp) -> `05/03/2024`; empty -> fallback. */
export function formatDate(value: string | null | undefined, fallback = '—'): string {
  if (!value) return fallback;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value, 'YYYY-MM-DD') : dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** A timestamp -> `05/03/2024 14:07`. */
export function formatDateTime(value: string | null | undefined, fallback = '—'): string {
  if (!value) return fallback;
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : value;
}

/** ISO date string -> Dayjs for a DatePicker (null when empty). */
export function toDayjs(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const d = dayjs(value, 'YYYY-MM-DD');
  return d.isValid() ? d : null;
}

/** Dayjs from a DatePicker -> ISO date string for the API (null when empty). */
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value?.isValid() ? value.format('YYYY-MM-DD') : null;
}

/** A complete typed date (strictly one of DATE_INPUT_FORMATS) as ISO, else null. */
export function parseTypedDate(text: string): string | null {
  return toIsoDate(dayjs(text.trim(), DATE_INPUT_FORMATS, true));
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** For DatePicker `disabledDate`: days after today. */
export function isFuture(d: Dayjs): boolean {
  return d.isAfter(dayjs(), 'day');
}

/** The ISO day before an ISO date (the last day of a period whose end is exclusive). */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
