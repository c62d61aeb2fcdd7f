/**
 * One number format for every screen: decimals and percentages in the user's language
 * (vi "6,6%", "1.250,5"; en "6.6%", "1,250.5"), the percent sign right after the number.
 */
import type { Lang } from '../lib/lang';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maxDigits: number): Intl.NumberFormat {
  const key = `${lang}:${maxDigits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: maxDigits });
    formats.set(key, f);
  }
  return f;
}

/** 1250.5 -> "1.250,5" (vi) or "1,250.5" (en); null -> the fallback ("—"). */
export function formatDecimal(
  n: number | null | undefined,
  lang: Lang,
  maxDigits = 1,
  fallback = '—',
): string {
  return n == null || Number.isNaN(n) ? fallback : numberFormat(lang, maxDigits).format(n);
}

/** A percentage already ×100: 6.6 -> "6,6%" (vi) or "6.6%" (en); null -> the fallback ("—"). */
export function formatPercent(
  pct: number | null | undefined,
  lang: Lang,
  maxDigits = 1,
  fallback = '—',
): string {
  return pct == null || Number.isNaN(pct) ? fallback : `${numberFormat(lang, maxDigits).format(pct)}%`;
}

/** The part of a whole as a percentage ("48,3%"); empty when there is nothing to divide by. */
export function formatShare(
  part: number,
  whole: number | null | undefined,
  lang: Lang,
  maxDigits = 1,
): string {
  return whole ? formatPercent((part / whole) * 100, lang, maxDigits) : '';
}
