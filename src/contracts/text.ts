/**
 * Vietnamese text helpers shared by server, CLI and web.
 * Input from browsers and Excel is sometimes NFD; everything is stored NFC.
 */

/** NFC-normalise and collapse inner whitespace. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower-case, accent-free form used for search ("Nguyễn Văn Hùng" -> "nguyen van hung"). */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
// Tone order used by dictionaries: none, huyền, hỏi, ngã, sắc, nặng.
const TONES: Record<string, number> = { '\u0300': 2, '\u0309': 3, '\u0303': 4, '\u0301': 5, '\u0323': 6 };

function letterKey(ch: string): { base: string; tone: number } {
  const d = ch.normalize('NFD');
  let tone = 1;
  let rest = '';
  for (const c of d) {
    if (TONES[c]) tone = TONES[c];
    else rest += c;
  }
  return { base: rest.normalize('NFC'), tone };
}

/** Key of one word that sorts in Vietnamese order under a byte ("C") collation. */
function wordKey(word: string): string {
  let primary = '';
  let tones = '';
  for (const ch of word.toLowerCase()) {
    const { base, tone } = letterKey(ch);
    const i = ALPHABET.indexOf(base);
    // Letters outside the alphabet (f, j, w, z, digits) keep their own place after the known ones.
    primary += i >= 0 ? String.fromCharCode(65 + i) : `~${base}`;
    tones += String(tone);
  }
  return `${primary}!${tones}`;
}

/** Split a full name into family, middle and given name. */
export function splitName(fullName: string): { family: string; middle: string; given: string } {
  const parts = cleanText(fullName).split(' ');
  if (parts.length === 1) return { family: '', middle: '', given: parts[0] };
  return { family: parts[0], middle: parts.slice(1, -1).join(' '), given: parts[parts.length - 1] };
}

/**
 * Sort key for rosters: given name, then middle name, then family name, each in Vietnamese
 * alphabet order with tones as a tie-breaker. Compare under COLLATE "C" in SQL.
 */
export function nameSortKey(fullName: string): string {
  const { family, middle, given } = splitName(fullName);
  return [given, middle, family].map((w) => w.split(' ').map(wordKey).join(' ')).join(' | ');
}

/*
 * One Vietnamese collation for every list and report (ADR 037): a key of one character per
 * character, built by the same character map in TypeScript and in SQL (`viSortKeySql`, translate()),
 * compared under COLLATE "C" on PGlite and PostgreSQL alike (no ICU, no database locale).
 * Primary: each letter becomes its place in the alphabet below (case and tone dropped); other
 * characters stay. Then a separator below every printable character, then the tones (and case) as
 * the tie-breaker. "Xã Bản Ngoại" < "Xã Bình Thuận", "Hà Tu" < "Hoành Bồ", "Xã Dương" < "Xã Đức" < "Xã E".
 */
const VI_SORT_ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Below space, so a shorter primary ("Xã Hà") sorts before a longer one ("Xã Hà Tu"). */
export const VI_SORT_SEPARATOR = '\u0001';

function buildViSortMap(): { from: string; primary: string; tone: string } {
  let from = '';
  let primary = '';
  let tone = '';
  const ranges: [number, number][] = [
    [0x41, 0x5a],
    [0x61, 0x7a],
    [0xc0, 0x1eff],
  ];
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      if (ch.normalize('NFC') !== ch) continue;
      const lower = ch.toLowerCase();
      if (lower.length !== 1) continue;
      const { base, tone: t } = letterKey(lower);
      const i = VI_SORT_ALPHABET.indexOf(base);
      if (i < 0 || base.length !== 1) continue;
      from += ch;
      primary += String.fromCharCode(0x41 + i);
      // Tone first (none, huyền, hỏi, ngã, sắc, nặng), then lower case before upper case.
      tone += String.fromCharCode(0x30 + t * 2 + (ch === lower ? 0 : 1));
    }
  }
  return { from, primary, tone };
}

/** The character map of the collation (the SQL twin translate()s with the same strings). */
export const VI_SORT_MAP = buildViSortMap();
const PRIMARY_OF = new Map<string, string>();
const TONE_OF = new Map<string, string>();
for (let i = 0; i < VI_SORT_MAP.from.length; i++) {
  PRIMARY_OF.set(VI_SORT_MAP.from[i], VI_SORT_MAP.primary[i]);
  TONE_OF.set(VI_SORT_MAP.from[i], VI_SORT_MAP.tone[i]);
}

/** The Vietnamese sort key of a text in reading order (unit names, class titles, catalogue names). */
export function viSortKey(text: string): string {
  const s = text.normalize('NFC');
  let primary = '';
  let tones = '';
  for (const ch of s) {
    primary += PRIMARY_OF.get(ch) ?? ch;
    tones += TONE_OF.get(ch) ?? ch;
  }
  return primary + VI_SORT_SEPARATOR + tones;
}

/** Compare two texts the way Vietnamese readers order them (code-unit order of `viSortKey`). */
export function viCompare(a: string, b: string): number {
  const ka = viSortKey(a);
  const kb = viSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
