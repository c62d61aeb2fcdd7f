/** Pure formatting helpers of the gaps and eligibility screens. */
import type { LegalSource } from '../../../contracts/rules';
import { formatShare as kitShare } from '../../kit/numbers';

/** The part of a total, as "48,3%" (vi) or "48.3%" (en); empty when there is nothing to divide by. */
export function formatShare(part: number, whole: number | null, lang: 'vi' | 'en'): string {
  return kitShare(part, whole, lang);
}

/** Counts with Vietnamese digit grouping ("1.419"), whatever the UI language. */
export function formatCount(n: number): string {
  return n.toLocaleString('vi-VN');
}

interface UnitLink {
  id: number;
  parentId: number | null;
}

/**
 * The units from the top of the user's scope down to `unitId` (inclusive), for a breadcrumb;
 * stops at a scope root so units outside the scope are never shown. Empty when unknown.
 */
export function unitChain<U extends UnitLink>(
  units: readonly U[],
  rootIds: readonly number[],
  unitId: number,
): U[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const roots = new Set(rootIds);
  const chain: U[] = [];
  let u = byId.get(unitId);
  while (u && !chain.includes(u)) {
    chain.unshift(u);
    if (roots.has(u.id) || u.parentId === null) break;
    u = byId.get(u.parentId);
  }
  return chain;
}

/** "Nghị định 171/2025/NĐ-CP, Điều 5 (điều khoản cần xác minh)", as the server words it. */
export function legalSourceText(s: LegalSource): string {
  const main = s.article ? `${s.document}, ${s.article}` : s.document;
  return s.note ? `${main} (${s.note})` : main;
}

export interface PurposeOption {
  value: string;
  label: string;
}

/**
 * The purposes the rules serve, each once: the known ones first in their usual order (intermediate,
 * advanced, postgraduate), then local ones named after their first rule.
 */
export function purposesOf(
  rules: readonly { purpose: string; titleVi: string; titleEn: string }[],
  known: Record<string, { vi: string; en: string }>,
  lang: 'vi' | 'en',
): PurposeOption[] {
  const order = Object.keys(known);
  const seen = new Map<string, PurposeOption>();
  for (const r of rules)
    if (!seen.has(r.purpose))
      seen.set(r.purpose, {
        value: r.purpose,
        label: known[r.purpose]?.[lang] ?? (lang === 'vi' ? r.titleVi : r.titleEn),
      });
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  return [...seen.values()].sort(
    (a, b) => rank(a.value) - rank(b.value) || a.label.localeCompare(b.label, lang),
  );
}

/**
 * The server explains a gap as `Chưa đáp ứng "<title>" (<source>): cần <what>.`; with the title
 * already shown, the screen keeps only the source and what is needed. Anything worded otherwise
 * comes back whole (`need`), so a change of wording never hides the explanation.
 */
export function splitExplanation(explanation: string, title: string): { need: string; source?: string } {
  const quoted = `"${title}"`;
  const at = explanation.indexOf(quoted);
  if (at < 0) return { need: explanation };
  let rest = explanation.slice(at + quoted.length).trimStart();
  let source: string | undefined;
  if (rest.startsWith('(')) {
    let depth = 0;
    let end = -1;
    for (let i = 0; i < rest.length && end < 0; i++) {
      if (rest[i] === '(') depth++;
      else if (rest[i] === ')' && --depth === 0) end = i;
    }
    if (end < 0) return { need: explanation };
    source = rest.slice(1, end);
    rest = rest.slice(end + 1);
  }
  if (!rest.startsWith(':')) return { need: explanation };
  const need = rest.slice(1).trim();
  return need ? { need: need.charAt(0).toUpperCase() + need.slice(1), source } : { need: explanation };
}
