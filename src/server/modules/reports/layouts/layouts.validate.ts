/**
 * What Zod cannot see in a layout: keys repeated, dates in the wrong order, codes not in the code
 * lists (categories, ranks, tiers, qualification kinds and levels, programme kinds and levels).
 * Each problem names its field (`rows.3.selector.rank.0`) in vi and en.
 */

import { sql } from 'drizzle-orm';
import { codeListName } from '../../../../contracts/code-list-names';
import type { ReportLayoutBody } from '../../../../contracts/report-layouts';
import type { Queryable } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { type FieldError, fieldError } from '../../../lib/errors';

const unknownCode = (field: string, code: string, list: string) =>
  fieldError(
    field,
    `mã "${code}" không có trong danh mục ${codeListName(list).vi}`,
    `code "${code}" is not in the list of ${codeListName(list).en}`,
  );

export async function layoutProblems(q: Queryable, body: ReportLayoutBody): Promise<FieldError[]> {
  const out: FieldError[] = [];
  if (body.effectiveTo && body.effectiveTo <= body.effectiveFrom)
    out.push(fieldError('effectiveTo', 'phải sau ngày bắt đầu hiệu lực', 'must be after the start date'));
  const repeated = (items: { key: string }[], field: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.key))
        out.push(fieldError(`${field}.${i}.key`, `mã "${it.key}" bị trùng`, `key "${it.key}" is repeated`));
      seen.add(it.key);
    });
  };
  repeated(body.rows, 'rows');
  repeated(body.columns, 'columns');

  const known = new Set(
    rowsOf<{ k: string }>(
      await q.execute(sql`select list || '|' || code as k from code_items where active`),
    ).map((r) => r.k),
  );
  const need = (field: string, list: string, code: string) => {
    if (!known.has(`${list}|${code}`)) out.push(unknownCode(field, code, list));
  };
  body.rows.forEach((r, i) => {
    const f = `rows.${i}.selector`;
    const lists = [
      ['category', 'category'],
      ['rank', 'rank'],
      ['leadershipTier', 'leadership_tier'],
      ['postGroup', 'post_group'],
    ] as const;
    for (const [field, list] of lists)
      for (const [j, code] of (r.selector[field] ?? []).entries()) need(`${f}.${field}.${j}`, list, code);
  });
  body.columns.forEach((c, i) => {
    const f = `columns.${i}.measure`;
    const m = c.measure;
    if (m.measure === 'holds') {
      need(`${f}.kind`, 'qualification_kind', m.kind);
      need(`${f}.minLevel`, `level_${m.kind}`, m.minLevel);
    } else if (m.measure === 'trained') {
      need(`${f}.programmeKind`, 'programme_kind', m.programmeKind);
      if (m.level) need(`${f}.level`, `level_${m.programmeKind}`, m.level);
    } else if (m.measure === 'rated') {
      need(`${f}.minRating`, 'annual_rating', m.minRating);
    }
  });
  return out;
}
