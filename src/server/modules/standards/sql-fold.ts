/**
 * `foldText` in SQL without depending on the unaccent dictionary or the database locale:
 * translate() every accented Latin letter to the ASCII letter foldText gives, then lower() the
 * ASCII that is left (lower() of ASCII is the same under every locale).
 */
import { type SQL, sql } from 'drizzle-orm';
import { foldText } from '../../../contracts/text';

function buildMap(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (let cp = 0xc0; cp <= 0x1eff; cp++) {
    const ch = String.fromCodePoint(cp);
    if (ch.normalize('NFC') !== ch) continue;
    const folded = foldText(ch);
    if (folded !== ch && /^[a-z]$/.test(folded)) {
      from += ch;
      to += folded;
    }
  }
  return { from, to };
}

const MAP = buildMap();

/** SQL twin of `postWords`: accent-free lower-case words separated and padded by single spaces. */
export function postWordsSql(expr: SQL): SQL {
  const folded = sql`lower(translate(${expr}, ${MAP.from}::text, ${MAP.to}::text))`;
  return sql`(' ' || btrim(regexp_replace(${folded}, '[^a-z0-9]+', ' ', 'g')) || ' ')`;
}
