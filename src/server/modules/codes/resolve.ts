/**
 * From a typed cell to a code of a list (ADR 028): the exact code, then the code, a label or an
 * alias compared by `aliasKey` (accents, case, punctuation and spacing ignored). Every import
 * kind resolves its code columns through here; an unknown cell gets the closest labels.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { aliasKey, type UnknownCodeDetails } from '../../../contracts/code-aliases';
import type { Queryable } from '../../db/client';
import { codeAliases, codeItems } from '../../db/schema/index';

export interface LookupItem {
  code: string;
  labelVi: string;
  labelEn: string;
}

/** One list's active codes and aliases, indexed for resolution. */
export interface CodeLookup {
  list: string;
  items: LookupItem[];
  /** Exact codes. */
  codes: Set<string>;
  /** Key -> code; a code's key wins over a label's, a label's over an alias's. */
  byKey: Map<string, string>;
  /** Every key of each code (code, labels, aliases), for suggestions. */
  keysOf: Map<string, string[]>;
}

export function buildLookup(
  list: string,
  items: LookupItem[],
  aliases: { code: string; aliasKey: string }[],
): CodeLookup {
  const byKey = new Map<string, string>();
  const keysOf = new Map<string, string[]>(items.map((i) => [i.code, []]));
  const put = (key: string, code: string) => {
    if (!key || !keysOf.has(code)) return; // aliases of inactive codes resolve nothing
    byKey.set(key, code);
    keysOf.get(code)!.push(key);
  };
  // Lowest priority first: later entries overwrite.
  for (const a of aliases) put(a.aliasKey, a.code);
  for (const i of items) put(aliasKey(i.labelEn), i.code);
  for (const i of items) put(aliasKey(i.labelVi), i.code);
  for (const i of items) put(aliasKey(i.code), i.code);
  return { list, items, codes: new Set(items.map((i) => i.code)), byKey, keysOf };
}

/** The code a typed cell means, or null. */
export function resolveCode(lookup: CodeLookup, typed: string): string | null {
  if (lookup.codes.has(typed)) return typed;
  return lookup.byKey.get(aliasKey(typed)) ?? null;
}

/** Levenshtein distance (small strings: labels and cells). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Lists up to this size name every accepted label; longer ones only the closest. */
export const ACCEPTED_MAX = 12;
const CLOSEST = 5;

/** What an UNKNOWN_CODE message says: the closest labels and, for short lists, all of them. */
export function describeUnknown(
  lookup: CodeLookup | undefined,
  typed: string,
  column: string,
  of?: string,
): UnknownCodeDetails {
  const items = lookup?.items ?? [];
  const key = aliasKey(typed);
  const ranked = items
    .map((i, order) => {
      const keys = lookup!.keysOf.get(i.code) ?? [];
      // One key inside the other ("cao cap llct" and "cao cap") counts as a near miss.
      const d = Math.min(
        Infinity,
        ...keys.map((k) =>
          k.length > 1 && key.length > 1 && (k.includes(key) || key.includes(k)) ? 1 : editDistance(key, k),
        ),
      );
      return { label: i.labelVi, d, order };
    })
    .sort((a, b) => a.d - b.d || a.order - b.order);
  const short = items.length <= ACCEPTED_MAX;
  // A short list names all labels; the suggestions are then only the close ones.
  const limit = Math.max(1, Math.floor(key.length / 3));
  const suggestions = short ? ranked.filter((r) => r.d <= limit).slice(0, 3) : ranked.slice(0, CLOSEST);
  return {
    typed,
    column,
    list: lookup?.list ?? '',
    ...(of ? { of } : {}),
    suggestions: suggestions.map((s) => s.label),
    accepted: short ? items.map((i) => i.labelVi) : [],
    total: items.length,
  };
}

/** The lookups of some lists: active codes in display order and live aliases. */
export async function loadLookups(q: Queryable, lists: string[]): Promise<Map<string, CodeLookup>> {
  const out = new Map<string, CodeLookup>();
  if (lists.length === 0) return out;
  const items = await q
    .select({
      list: codeItems.list,
      code: codeItems.code,
      labelVi: codeItems.labelVi,
      labelEn: codeItems.labelEn,
    })
    .from(codeItems)
    .where(and(inArray(codeItems.list, lists), eq(codeItems.active, true)))
    .orderBy(asc(codeItems.list), asc(codeItems.sort), asc(codeItems.code));
  const aliases = await q
    .select({ list: codeAliases.list, code: codeAliases.code, aliasKey: codeAliases.aliasKey })
    .from(codeAliases)
    .where(and(inArray(codeAliases.list, lists), isNull(codeAliases.deletedAt)));
  for (const list of lists)
    out.set(
      list,
      buildLookup(
        list,
        items.filter((i) => i.list === list),
        aliases.filter((a) => a.list === list),
      ),
    );
  return out;
}

/**
 * Codes as the words a sheet writes (issue 17): each code's Vietnamese label when that label
 * resolves back to the same code (so an export imports back unchanged), else the code itself
 * (a label shared by two codes, an inactive code). Empty stays empty.
 */
export async function loadCodeWords(
  q: Queryable,
  lists: string[],
): Promise<(list: string, code: string | null | undefined) => string | null> {
  const lookups = await loadLookups(q, lists);
  const words = new Map<string, Map<string, string>>();
  for (const [list, lookup] of lookups) {
    const m = new Map<string, string>();
    for (const i of lookup.items) if (resolveCode(lookup, i.labelVi) === i.code) m.set(i.code, i.labelVi);
    words.set(list, m);
  }
  return (list, code) => (code == null || code === '' ? null : (words.get(list)?.get(code) ?? code));
}
