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
