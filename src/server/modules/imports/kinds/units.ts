/**
 * Org units from a sheet (ADR 037): the rules of `POST /org/units` on every row (codes of the
 * level and kind lists, an active parent in the actor's subtree, not opened before the parent,
 * a code no active unit holds), the parent named by its code, by a path of names from the
 * actor's unit ("Huyện Đầm Hà / Xã Quảng Lợi") or by a row above; undo removes the units while
 * nothing else hangs on them.
 */
import { sql } from 'drizzle-orm';
import { cleanText, foldText } from '../../../../contracts/text';
import { rowsOf } from '../../../db/rows';
import * as orgQueries from '../../org/org.queries';
import type { ColumnSpec } from '../imports.columns';
import {
  checkRows,
  countOf,
  duplicatesInFile,
  type ImportKindDef,
  type KindContext,
  ROW_OK,
  type RowIssue,
  STAGE,
} from './kind';

const COLUMNS: ColumnSpec[] = [
  {
    key: 'code',
    vi: 'Mã đơn vị',
    en: 'Unit code',
    type: 'text',
    max: 40,
    example: 'QN-DH-QL',
    help: {
      vi: 'Không bắt buộc; nếu ghi, không được trùng mã của đơn vị đang hoạt động. Dòng dưới có thể ghi mã này làm đơn vị cấp trên.',
      en: 'Optional; when given, no active unit may hold it. Rows below may name it as their parent.',
    },
  },
  {
    key: 'name',
    vi: 'Tên đơn vị',
    en: 'Unit name',
    type: 'text',
    required: true,
    max: 200,
    example: 'Xã Quảng Lợi',
    help: { vi: 'Tên đầy đủ.', en: 'The full name.' },
  },
  {
    key: 'short_name',
    vi: 'Tên viết tắt',
    en: 'Short name',
    type: 'text',
    max: 60,
    example: '',
    help: { vi: 'Không bắt buộc.', en: 'Optional.' },
  },
  {
    key: 'level',
    vi: 'Cấp',
    en: 'Level',
    type: 'code',
    list: 'unit_level',
    required: true,
    example: 'Xã, phường, đặc khu',
    help: { vi: 'Mã hoặc tên cấp (tỉnh, huyện, xã, cơ quan...).', en: 'A level code or label.' },
  },
  {
    key: 'kind',
    vi: 'Loại đơn vị',
    en: 'Unit kind',
    type: 'code',
    list: 'unit_kind',
    required: true,
    example: 'Đơn vị hành chính',
    help: { vi: 'Tên (hoặc mã) loại đơn vị.', en: 'A unit kind label (or code).' },
  },
  {
    key: 'parent',
    vi: 'Đơn vị cấp trên',
    en: 'Parent unit',
    type: 'text',
    max: 500,
    example: 'Huyện Đầm Hà',
    help: {
      vi: 'Mã đơn vị, hoặc đường dẫn tên tính từ đơn vị đã chọn (ngăn bằng "/"), hoặc tên/mã của một dòng phía trên; để trống: đơn vị đã chọn.',
      en: 'A unit code, or a path of names from the chosen unit (separated by "/"), or the name/code of a row above; empty: the chosen unit.',
    },
  },
  {
    key: 'valid_from',
    vi: 'Ngày thành lập',
    en: 'Established on',
    type: 'date',
    required: true,
    example: '01/07/2025',
    help: {
      vi: 'Ngày đơn vị bắt đầu có hiệu lực; không trước ngày của đơn vị cấp trên.',
      en: 'The day the unit takes effect; not before its parent’s.',
    },
  },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;

/** How a parent cell is matched: folded, with the path separators spaced the same way. */
const pathKey = (s: string) =>
  foldText(cleanText(s))
    .split(/\s*[/>]\s*/)
    .filter(Boolean)
    .join(' / ');

interface Known {
  /** The unit's id, or the sheet row that will create it. */
  id: number | null;
  row: number | null;
  validFrom: string;
}

/** The active units of the subtree by code and by name path (from the chosen unit and from the scope root). */
async function knownUnits(ctx: KindContext) {
  const units = rowsOf<{ id: number; code: string | null; path: string; name: string; valid_from: string }>(
    await ctx.db.execute(sql`select u.id, u.code, u.path::text as path, u.name, u.valid_from::text as valid_from
      from org_units u where u.valid_to is null and u.path <@ ${ctx.scopePath}::ltree order by nlevel(u.path)`),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map<string, Known>();
  const byPath = new Map<string, Known | 'ambiguous'>();
  const put = (k: string, v: Known) => byPath.set(k, byPath.has(k) ? 'ambiguous' : v);
  const chosen = byId.get(ctx.unitId);
  const chosenDepth = chosen ? chosen.path.split('.').length : 0;
  for (const u of units) {
    const known = { id: u.id, row: null, validFrom: u.valid_from };
    if (u.code) byCode.set(u.code, known);
    const names = u.path
      .split('.')
      .map((id) => byId.get(Number(id))?.name)
      .filter((n): n is string => !!n);
    put(pathKey(names.join(' / ')), known);
    if (chosen && u.path.startsWith(`${chosen.path}.`))
      put(pathKey(names.slice(chosenDepth).join(' / ')), known);
  }
  return { byCode, byPath, chosen, put };
}

/** Resolve each row's parent in sheet order; a row may be the parent of rows below it. */
async function resolveParents(ctx: KindContext) {
  const { byCode, byPath, chosen, put } = await knownUnits(ctx);
  const resolved: [number, number | null, number | null][] = [];
  // The name path of each sheet row, to let rows below name it.
  const rowPath = new Map<number, string>();
  await checkRows<{
    row_no: number;
    code: string | null;
    name: string | null;
    parent: string | null;
    valid_from: string | null;
    bad: boolean;
  }>(
    ctx,
    COLUMNS,
    sql`select s.row_no, s.code, s.name, s.parent, s.valid_from,
      exists (select 1 from imp_err e where e.row_no = s.row_no and e.sev = 'error') as bad from ${STAGE} s`,
    (r) => {
      const issues: RowIssue[] = [];
      let parent: Known | 'ambiguous' | undefined;
      // The parent's name path as this sheet wrote it, so rows below can name this row by path too.
      let base = '';
      if (!r.parent) {
        parent = chosen ? { id: chosen.id, row: null, validFrom: chosen.valid_from } : undefined;
      } else {
        const text = cleanText(r.parent);
        const byItsCode = byCode.get(text);
        parent = byItsCode ?? byPath.get(pathKey(text));
        if (parent && parent !== 'ambiguous' && parent.row !== null) base = rowPath.get(parent.row) ?? '';
        else if (!byItsCode) base = pathKey(text);
      }
      if (!parent || parent === 'ambiguous')
        issues.push({ key: 'parent', code: 'UNKNOWN_PARENT', value: r.parent });
      else if (r.valid_from && r.valid_from < parent.validFrom)
        issues.push({
          key: 'valid_from',
          code: 'BAD_DATE',
          value: r.valid_from.split('-').reverse().join('/'),
          message: {
            vi: `Ngày thành lập: không được trước ngày ${parent.validFrom} của đơn vị cấp trên.`,
            en: `Established on: must not be before ${parent.validFrom}, the parent's date.`,
          },
        });
      if (r.code && byCode.get(cleanText(r.code))?.row === null)
        issues.push({ key: 'code', code: 'UNIT_CODE_TAKEN', value: r.code });
      if (!r.bad && !issues.length && parent && parent !== 'ambiguous' && r.name && r.valid_from) {
        const self: Known = { id: null, row: Number(r.row_no), validFrom: r.valid_from };
        const own = pathKey(base ? `${base} / ${r.name}` : r.name);
        rowPath.set(self.row!, own);
        put(own, self);
        if (own !== pathKey(r.name)) put(pathKey(r.name), self);
        if (r.code) byCode.set(cleanText(r.code), self);
        resolved.push([Number(r.row_no), parent.id, parent.row]);
      }
      return issues;
    },
  );
  for (let i = 0; i < resolved.length; i += 1000) {
    const values = resolved
      .slice(i, i + 1000)
      .map(([row, id, prow]) => sql`(${row}::int, ${id}::int, ${prow}::int)`);
    await ctx.db.execute(
      sql`update ${STAGE} s set parent_id = v.pid, parent_row = v.prow
          from (values ${sql.join(values, sql`, `)}) v(row_no, pid, prow) where s.row_no = v.row_no`,
    );
  }
}

export const unitsKind: ImportKindDef = {
  kind: 'units',
  permission: 'org.write',
  columns: COLUMNS,
  resolved: { parent_id: 'int', parent_row: 'int' },
  async check(ctx) {
    await duplicatesInFile(ctx.db, col('code'), ['code']);
    await resolveParents(ctx);
  },
  async write(ctx) {
    const rows = rowsOf<{
      row_no: number;
      code: string | null;
      name: string;
      short_name: string | null;
      level: string;
      kind: string;
      valid_from: string;
      parent_id: number | null;
      parent_row: number | null;
    }>(await ctx.db.execute(sql`select * from ${STAGE} s where ${ROW_OK} order by s.row_no`));
    const created = new Map<number, orgQueries.UnitRow>();
    let n = 0;
    for (const r of rows) {
      const parent =
        r.parent_row != null
          ? created.get(Number(r.parent_row))
          : await orgQueries.getUnit(ctx.db, Number(r.parent_id));
      // A parent row refused in "valid rows only" mode takes its children with it.
      if (!parent) continue;
      const name = cleanText(r.name);
      const unit = await orgQueries.insertUnit(ctx.db, parent, {
        name,
        searchName: foldText(name),
        shortName: r.short_name ? cleanText(r.short_name) : null,
        code: r.code ? cleanText(r.code) : null,
        level: r.level,
        kind: r.kind,
        validFrom: r.valid_from,
      });
      await ctx.db.execute(sql`update org_units set import_id = ${ctx.batchId}::int where id = ${unit.id}`);
      await orgQueries.recordEvent(ctx.db, {
        kind: 'create',
        effectiveDate: r.valid_from,
        unitIds: [unit.id, parent.id],
        actorId: ctx.userId,
        detail: { name, importId: ctx.batchId },
      });
      created.set(Number(r.row_no), unit);
      n++;
    }
    return n;
  },
  async undoBlockers(q, batchId) {
    const [r] = rowsOf<{ people: number; others: number; changed: number }>(
      await q.execute(sql`with mine as (select id, path from org_units where import_id = ${batchId})
        select (select count(*)::int from people p where p.unit_id in (select id from mine)) as people,
          (select count(*)::int from org_units u where u.parent_id in (select id from mine)
             and u.import_id is distinct from ${batchId}::int) as others,
          (select count(*)::int from org_events e where e.unit_ids && array(select id from mine)
             and not (e.kind = 'create' and e.detail->>'importId' = ${String(batchId)})) as changed`),
    );
    const out: { vi: string; en: string }[] = [];
    if (r.people)
      out.push({ vi: 'đã có người thuộc đơn vị được nhập', en: 'people belong to the imported units' });
    if (r.others)
      out.push({
        vi: 'đã có đơn vị khác trực thuộc đơn vị được nhập',
        en: 'other units were added under them',
      });
    if (r.changed)
      out.push({
        vi: 'đơn vị được nhập đã được đổi tên, chuyển hoặc sắp xếp lại',
        en: 'imported units were renamed, moved or restructured',
      });
    return out;
  },
  async undo(q, batchId) {
    const ids = sql`(select id from org_units where import_id = ${batchId})`;
    await q.execute(
      sql`delete from org_events where kind = 'create' and detail->>'importId' = ${String(batchId)}`,
    );
    await q.execute(sql`delete from org_unit_versions where unit_id in ${ids}`);
    // Children before parents.
    const units = rowsOf<{ id: number }>(
      await q.execute(sql`select id from org_units where import_id = ${batchId} order by nlevel(path) desc`),
    );
    for (const u of units) await q.execute(sql`delete from org_units where id = ${u.id}`);
    return countOf({ rows: units });
  },
};
