/**
 * Import aliases of code lists (ADR 028): other ways offices write a code in a sheet, and the
 * message of an UNKNOWN_CODE cell (what was typed, the column, the closest and accepted labels).
 */
import { z } from 'zod';
import { RequiredText } from './common';
import type { Lang } from './errors';
import { foldText } from './text';

/**
 * The key a typed cell, a label or an alias is compared by: NFC, accents and case dropped,
 * punctuation read as a space, spaces collapsed ("Cao cấp (LLCT)" -> "cao cap llct").
 */
export function aliasKey(value: string): string {
  return foldText(value.normalize('NFC').replace(/[_.,;:()[\]/\\\-–—]+/g, ' '));
}

export const CodeAlias = z.object({
  id: z.number(),
  list: z.string(),
  code: z.string(),
  alias: z.string(),
  aliasKey: z.string(),
  /** Shipped with the product (an admin may still delete it). */
  builtIn: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type CodeAlias = z.infer<typeof CodeAlias>;

export const CreateCodeAliasBody = z.object({
  alias: RequiredText(120),
  code: z.string().min(1).max(40),
});
export type CreateCodeAliasBody = z.infer<typeof CreateCodeAliasBody>;

/** Details of an UNKNOWN_CODE cell of an import. */
export const UnknownCodeDetails = z.object({
  /** The cell as typed. */
  typed: z.string(),
  /** The column's header. */
  column: z.string(),
  /** The code list; `of` names the qualification kind when the list is its levels. */
  list: z.string(),
  of: z.string().optional(),
  /** The closest labels (by edit distance on the key). */
  suggestions: z.array(z.string()),
  /** Every accepted label when the list is short (12 or fewer), else empty. */
  accepted: z.array(z.string()),
  /** How many active codes the list has. */
  total: z.number(),
});
export type UnknownCodeDetails = z.infer<typeof UnknownCodeDetails>;

const quoted = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');

/** The message of an UNKNOWN_CODE cell, readable by whoever fixes the sheet. */
export function unknownCodeMessage(d: UnknownCodeDetails, lang: Lang): string {
  const of = d.of ? ` (${d.of})` : '';
  if (lang === 'vi') {
    const parts = [`Không hiểu "${d.typed}" ở cột "${d.column}"${of}.`];
    if (d.suggestions.length) parts.push(`Có thể ý bạn là: ${quoted(d.suggestions)}.`);
    if (d.accepted.length) parts.push(`Các giá trị được nhận: ${quoted(d.accepted)}.`);
    else if (d.total === 0) parts.push('Danh mục chưa có giá trị nào.');
    else parts.push(`Danh mục có ${d.total} giá trị: xem trang Danh mục.`);
    parts.push('Có thể ghi mã, tên hoặc một từ đồng nghĩa quản trị viên đã khai báo.');
    return parts.join(' ');
  }
  const parts = [`"${d.typed}" is not understood in column "${d.column}"${of}.`];
  if (d.suggestions.length) parts.push(`Did you mean: ${quoted(d.suggestions)}?`);
  if (d.accepted.length) parts.push(`Accepted values: ${quoted(d.accepted)}.`);
  else if (d.total === 0) parts.push('The code list has no values yet.');
  else parts.push(`The code list has ${d.total} values: see the Code lists page.`);
  parts.push('A code, a label or an alias the admin declared is accepted.');
  return parts.join(' ');
}
