/**
 * Which staff a disciplinary form applies to, on the decision's date (ADR 063). The rule is data:
 * the code item's `meta.appliesToDated` (periods with their categories and legal source), else
 * `meta.appliesTo` (undated), else everyone. The person's category is the one it holds on the
 * decision's date, read through the dated mapping (ADR 043), so a commune cadre recorded as CBX
 * counts as CBX before 1 July 2025 and as a cadre (CB) from then on.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { ddmmyyyy } from '../../lib/dates';
import { fieldError, invalid } from '../../lib/errors';
import { categoryAtSql } from '../codes/categories';

interface Period {
  validFrom?: string;
  validTo?: string;
  categories: string[];
  source?: string;
}
interface FormMeta {
  appliesTo?: string[];
  appliesToDated?: Period[];
}

/** The categories a form applies to on `date`: null when it applies to everyone. */
export function categoriesOn(meta: FormMeta, date: string): { categories: string[]; period?: Period } | null {
  if (Array.isArray(meta.appliesToDated) && meta.appliesToDated.length) {
    const period = meta.appliesToDated.find(
      (p) => (!p.validFrom || p.validFrom <= date) && (!p.validTo || date <= p.validTo),
    );
    return { categories: period?.categories ?? [], period };
  }
  return Array.isArray(meta.appliesTo) && meta.appliesTo.length ? { categories: meta.appliesTo } : null;
}

/** 400 on `form` when the form does not apply to the person's category on the decision's date. */
export async function assertFormApplies(
  q: Queryable,
  list: string,
  form: string,
  personId: number,
  decidedOn: string,
) {
  const [item] = rowsOf<{ meta: FormMeta | null; label: string }>(
    await q.execute(
      sql`select meta, label_vi as label from code_items where list = ${list} and code = ${form}`,
    ),
  );
  const rule = item ? categoriesOn(item.meta ?? {}, decidedOn) : null;
  if (!rule) return;
  const [who] = rowsOf<{ category: string | null }>(
    await q.execute(sql`select ${categoryAtSql('p', sql`${decidedOn}::date`)} as category
      from people p where p.id = ${personId}`),
  );
  const category = who?.category ?? null;
  if (category && rule.categories.includes(category)) return;
  const names = rowsOf<{ code: string; vi: string; en: string }>(
    await q.execute(sql`select code, label_vi as vi, label_en as en from code_items
      where list = 'category' and code in (${sql.join(
        [...rule.categories, category ?? ''].map((c) => sql`${c}`),
        sql`, `,
      )})`),
  );
  const name = (code: string, lang: 'vi' | 'en') => `"${names.find((n) => n.code === code)?.[lang] ?? code}"`;
  const allowed = (lang: 'vi' | 'en') => rule.categories.map((c) => name(c, lang)).join(', ') || '—';
  const day = ddmmyyyy(decidedOn);
  const source = rule.period?.source;
  throw invalid([
    fieldError(
      'form',
      `"${item.label}" ngày ${day} chỉ áp dụng cho ${allowed('vi')}${source ? ` (căn cứ: ${source})` : ''}; ngày đó người này là ${category ? name(category, 'vi') : 'chưa rõ đối tượng'}`,
      `"${item.label}" on ${day} applies only to ${allowed('en')}${source ? ` (source: ${source})` : ''}; on that day this person is ${category ? name(category, 'en') : 'of no recorded category'}`,
    ),
  ]);
}
