/**
 * The words of an official paper's heading and date line (Decree 30/2020/NĐ-CP, annex I):
 * the issuing office's two lines and "<place>, ngày 07 tháng 12 năm 2026".
 */
import type { Lang } from '../../lib/lang';

/** Administrative prefixes a unit's name starts with, longest first ("Thành phố" before "Phường"). */
const LOCALITY =
  /^(?:(?:ủy ban nhân dân|ubnd|hđnd|văn phòng|sở [^,]*?|phòng [^,]*?)\s+)?(tỉnh|thành phố|thị xã|huyện|quận|thị trấn|xã|phường|đặc khu)\s+(.+)$/iu;

/**
 * The place of the date line: the locality a unit's name points at ("Xã Đầm Hà" -> "Đầm Hà",
 * "Sở Nội vụ tỉnh Quảng Ninh" -> "Quảng Ninh"); the first name that names one wins, none -> null
 * (the date line then leaves dots for the clerk to write the place by hand).
 */
export function placeOf(...names: Array<string | null | undefined>): string | null {
  for (const raw of names) {
    const name = raw?.normalize('NFC').trim();
    if (!name) continue;
    const m = LOCALITY.exec(name);
    if (m) return m[2].trim();
  }
  return null;
}

/** "Đầm Hà, ngày 07 tháng 12 năm 2026" (vi) or "Đầm Hà, 7 December 2026" (en). */
export function dateLine(place: string | null, date: Date, lang: Lang): string {
  const where = place ?? '…………';
  const d = date.getDate();
  const m = date.getMonth() + 1;
  const y = date.getFullYear();
  if (lang === 'en') {
    const month = date.toLocaleString('en-GB', { month: 'long' });
    return `${where}, ${d} ${month} ${y}`;
  }
  // Decree 30: days below 10 and months below 3 take a leading zero ("ngày 05 tháng 02").
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${where}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** A unit's name as printed in the heading: upper case in the Vietnamese way ("XÃ ĐẦM HÀ"). */
export function headingCase(name: string, lang: Lang): string {
  return name.normalize('NFC').toLocaleUpperCase(lang === 'vi' ? 'vi-VN' : 'en-GB');
}
