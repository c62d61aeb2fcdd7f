/**
 * A report names its layout by code ("Mẫu BNV_DTBD_NAM", "BNV_DTBD_NAM — Biểu thống kê …"), a key
 * for the server and its tests; the screen and the paper name it in words only (issue 17, ADR 052).
 */

interface ReportFilter {
  label: string;
  value: string;
}

/** A layout code: upper-case letters, digits and underscores, at least one underscore. */
const CODE = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;

/** "Mẫu BNV_DTBD_NAM" (a subtitle that only names the code) -> undefined; other subtitles unchanged. */
export function subtitleInWords(subtitle: string | undefined): string | undefined {
  if (!subtitle) return subtitle;
  const words = subtitle.split(' ');
  return words.length === 2 && CODE.test(words[1]) ? undefined : subtitle;
}

/** "BNV_DTBD_NAM — Biểu thống kê …" -> "Biểu thống kê …"; other values unchanged. */
export function filterInWords(f: ReportFilter): ReportFilter {
  const at = f.value.indexOf(' — ');
  return at > 0 && CODE.test(f.value.slice(0, at)) ? { ...f, value: f.value.slice(at + 3) } : f;
}
