/**
 * Annual plan lines (ADR 045): one row per line of a unit's annual training plan for a year. The
 * unit is written as its code or its name (in the actor's subtree; empty: the unit chosen at
 * upload), the programme kind, level, target group and funding source as codes or their words.
 * Each row is held to the plan editor's own rule (`checkLine`); a plan that does not exist yet is
 * created as a draft, a plan that exists must still be editable (draft or returned). Undo removes
 * the lines and the plans the import created, unless a plan has since been submitted or approved,
 * a line edited, or something carries a line out.
 */
import { type SQL, sql } from 'drizzle-orm';
import { foldText } from '../../../../contracts/text';
import { rowsOf } from '../../../db/rows';
import { AppError } from '../../../lib/errors';
import { checkLine } from '../../plans/plans.policy';
import { resolveStagedCodes } from '../imports.codes';
import type { ColumnSpec, Staged } from '../imports.columns';
import { countOf, ERRORS, errorWhere, type ImportKindDef, type KindContext, ROW_OK, STAGE } from './kind';

const int = (key: string, vi: string, en: string, example: string, help: ColumnSpec['help']) =>
  ({ key, vi, en, type: 'int', example, help }) satisfies ColumnSpec;

const COLUMNS: ColumnSpec[] = [
  {
    key: 'unit',
    vi: 'Đơn vị',
    en: 'Unit',
    type: 'text',
    max: 300,
    example: 'Huyện Đầm Hà',
    help: {
      vi: 'Mã hoặc tên đơn vị lập kế hoạch, trong phạm vi của bạn; để trống: đơn vị đã chọn khi tải tệp lên.',
      en: 'Code or name of the planning unit, in your subtree; empty: the unit chosen at upload.',
    },
  },
  {
    key: 'plan_year',
    vi: 'Năm kế hoạch',
    en: 'Plan year',
    type: 'int',
    required: true,
    example: '2027',
    help: { vi: 'Từ 2000 đến năm sau năm nay.', en: '2000 to next year.' },
  },
  {
    key: 'programme_kind',
    vi: 'Loại chương trình',
    en: 'Programme kind',
    type: 'code',
    list: 'programme_kind',
    required: true,
    example: 'Cập nhật kiến thức',
    help: { vi: 'Mã hoặc tên loại chương trình.', en: 'A programme kind code or name.' },
  },
  {
    key: 'level',
    vi: 'Trình độ',
    en: 'Level',
    type: 'text',
    max: 200,
    example: '',
    help: {
      vi: 'Mã hoặc tên trình độ, khi loại chương trình có chia trình độ (ví dụ Trung cấp).',
      en: 'A level code or name, when the programme kind has levels (e.g. Trung cấp).',
    },
  },
  {
    key: 'target_list',
    vi: 'Nhóm đối tượng',
    en: 'Target list',
    type: 'text',
    max: 100,
    example: '',
    help: {
      vi: 'Để trống (mọi đối tượng), hoặc: Theo loại cán bộ, Theo chức vụ lãnh đạo, Theo ngạch.',
      en: 'Empty (everyone), or: category, leadership_tier, rank (or their Vietnamese words).',
    },
  },
  {
    key: 'target_code',
    vi: 'Đối tượng',
    en: 'Target group',
    type: 'text',
    max: 200,
    example: '',
    help: {
      vi: 'Mã hoặc tên trong nhóm đối tượng đã ghi (ví dụ Công chức).',
      en: 'A code or name of the target list given (e.g. Công chức).',
    },
  },
  int('classes', 'Số lớp', 'Classes', '12', {
    vi: 'Số nguyên, không âm.',
    en: 'A whole number, not negative.',
  }),
  {
    ...int('trainees', 'Số học viên', 'Trainees', '1500', {
      vi: 'Chỉ tiêu học viên (lượt người), số nguyên.',
      en: 'Target trainees (seats), a whole number.',
    }),
    required: true,
  },
  int('periods', 'Số tiết', 'Periods', '40', {
    vi: 'Số tiết của một lớp (1 tuần = 40 tiết).',
    en: 'Periods of one class (1 week = 40 periods).',
  }),
  {
    key: 'funding',
    vi: 'Nguồn kinh phí',
    en: 'Funding source',
    type: 'code',
    list: 'funding_source',
    example: 'Ngân sách tỉnh',
    help: { vi: 'Mã hoặc tên nguồn kinh phí.', en: 'A funding source code or name.' },
  },
  int('amount', 'Dự toán kinh phí (đồng)', 'Budget estimate (VND)', '150000000', {
    vi: 'Số đồng, không có dấu phân cách; cần ghi nguồn kinh phí.',
    en: 'VND, without separators; needs a funding source.',
  }),
  {
    key: 'note',
    vi: 'Ghi chú',
    en: 'Note',
    type: 'text',
    max: 1000,
    example: '',
    help: { vi: 'Chữ, không bắt buộc.', en: 'Text, optional.' },
  },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;

/** The target lists of a plan line, by their code or the words of the plan editor. */
const TARGET_LIST_WORDS: Record<string, string> = {
  category: 'category',
  'theo loai can bo': 'category',
  'loai can bo': 'category',
  'doi tuong': 'category',
  leadership_tier: 'leadership_tier',
  'theo chuc vu lanh dao': 'leadership_tier',
  'chuc vu lanh dao': 'leadership_tier',
  rank: 'rank',
  'theo ngach, hang': 'rank',
  'theo ngach': 'rank',
  ngach: 'rank',
  'ngach, hang': 'rank',
};
const LISTS = sql.raw("('category', 'leadership_tier', 'rank')");

/** The level list of the row's programme kind (POSTGRADUATE uses the education levels). */
const LEVEL_LIST: SQL = sql.raw(
  "case when s.programme_kind = 'POSTGRADUATE' then 'level_EDUCATION' else 'level_' || s.programme_kind end",
);

const NO_ERROR_YET = sql.raw(
  "not exists (select 1 from imp_err e where e.row_no = s.row_no and e.sev = 'error')",
);

/** The plan editor's column of each field `checkLine` names. */
const FIELD_KEYS: Record<string, string> = {
  programmeKind: 'programme_kind',
  targetList: 'target_list',
  targetCode: 'target_code',
  level: 'level',
};

interface LineRow {
  row_no: number;
  programme_kind: string;
  target_list: string | null;
  target_code: string | null;
  level: string | null;
  funding: string | null;
}

/** Every row still without an error, through the plan editor's own check (the same messages). */
async function checkLines(ctx: KindContext) {
  const rows = rowsOf<LineRow>(
    await ctx.db.execute(sql`select s.row_no, s.programme_kind, s.target_list, s.target_code, s.level, s.funding
      from ${STAGE} s where ${NO_ERROR_YET} order by s.row_no`),
  );
  for (const r of rows) {
    try {
      await checkLine(ctx.db, {
        programmeKind: r.programme_kind,
        targetList: r.target_list,
        targetCode: r.target_code,
        level: r.level,
        budget: r.funding ? { [r.funding]: 0 } : {},
      });
    } catch (err) {
      if (!(err instanceof AppError) || !err.fields) throw err;
      for (const f of err.fields) {
        const key = FIELD_KEYS[f.field] ?? (f.field.startsWith('budget.') ? 'funding' : f.field);
        const c = col(key);
        const value = (r as unknown as Record<string, string | null>)[key] ?? null;
        await ctx.db.execute(
          sql`insert into ${ERRORS} (row_no, col, value, code, msg_vi, msg_en)
              values (${r.row_no}::int, ${c.vi}, ${value}, ${f.code ?? 'PLAN_LINE_RULE'},
                ${`${c.vi}: ${f.message.vi}.`}, ${`${c.en}: ${f.message.en}.`})`,
        );
      }
    }
  }
}

export const plansKind: ImportKindDef = {
  kind: 'plans',
  permission: 'plans.draft',
  columns: COLUMNS,
  derived: {
    keys: ['unit_key', 'tlist'],
    fn: (s: Staged) => ({
      unit_key: s.unit ? foldText(s.unit) : null,
      tlist: s.target_list ? (TARGET_LIST_WORDS[foldText(s.target_list)] ?? null) : null,
    }),
  },
  resolved: { plan_unit_id: 'int', plan_id: 'int', plan_status: 'text' },
  rowCheck(s, today) {
    const year = s.plan_year == null ? null : Number(s.plan_year);
    const last = Number(today.slice(0, 4)) + 1;
    const issues: ReturnType<NonNullable<ImportKindDef['rowCheck']>> = [];
    if (year !== null && (year < 2000 || year > last))
      issues.push({
        key: 'plan_year',
        code: 'BAD_PLAN_YEAR',
        value: s.plan_year,
        message: {
          vi: `Năm kế hoạch phải từ 2000 đến ${last}.`,
          en: `The plan year must be 2000 to ${last}.`,
        },
      });
    if (s.amount && Number(s.amount) > 0 && !s.funding)
      issues.push({ key: 'funding', code: 'REQUIRED', value: null });
    return issues;
  },
  async check(ctx) {
    const db = ctx.db;
    // The unit: its code, else its name when exactly one active unit of the subtree bears it.
    await db.execute(
      sql`update ${STAGE} s set plan_unit_id = coalesce(
            (select u.id from org_units u where u.code = s.unit and u.valid_to is null
               and u.path <@ ${ctx.scopePath}::ltree),
            (select min(u.id) from org_units u where u.search_name = s.unit_key and u.valid_to is null
               and u.path <@ ${ctx.scopePath}::ltree having count(*) = 1))
          where s.unit is not null`,
    );
    await db.execute(sql`update ${STAGE} s set plan_unit_id = ${ctx.unitId} where s.unit is null`);
    await errorWhere(db, col('unit'), 'UNKNOWN_UNIT', sql`s.unit is not null and s.plan_unit_id is null`);
    // The target list by its words; its code in that list; the level in the kind's list.
    await db.execute(sql`update ${STAGE} s set target_list = s.tlist where s.tlist is not null`);
    await errorWhere(
      db,
      col('target_list'),
      'UNKNOWN_CODE',
      sql`s.target_list is not null and s.target_list not in ${LISTS}`,
    );
    await resolveStagedCodes(db, {
      col: col('target_code'),
      list: sql.raw('s.target_list'),
      where: sql`s.target_list in ${LISTS}`,
    });
    await resolveStagedCodes(db, {
      col: col('level'),
      list: LEVEL_LIST,
      where: sql`s.programme_kind is not null and exists (select 1 from code_items ci
        where ci.list = (${LEVEL_LIST})::text and ci.active)`,
    });
    await checkLines(ctx);
    // The plan of the unit and year: it must still take lines.
    await db.execute(
      sql`update ${STAGE} s set plan_id = a.id, plan_status = a.status from annual_plans a
          where a.unit_id = s.plan_unit_id and a.year = s.plan_year::int`,
    );
    await db.execute(
      sql`insert into ${ERRORS} (row_no, col, value, code, msg_vi, msg_en)
          select s.row_no, ${col('plan_year').vi}, s.plan_year, 'PLAN_NOT_EDITABLE',
            'Kế hoạch năm ' || s.plan_year || ' của đơn vị đã trình hoặc đã duyệt: hãy trả lại hoặc tạo phiên bản điều chỉnh trước khi nhập thêm dòng.',
            'The unit''s ' || s.plan_year || ' plan is submitted or approved: return it or open a revision before importing lines.'
          from ${STAGE} s where s.plan_id is not null and s.plan_status not in ('draft', 'returned')`,
    );
  },
  async write(ctx) {
    const db = ctx.db;
    // Plans that do not exist yet, one per unit and year, as drafts.
    await db.execute(
      sql`insert into annual_plans (unit_id, year, title, created_by, import_id)
          select distinct s.plan_unit_id, s.plan_year::int,
            'Kế hoạch đào tạo, bồi dưỡng năm ' || s.plan_year, ${ctx.userId}::int, ${ctx.batchId}::int
          from ${STAGE} s where ${ROW_OK} and s.plan_id is null
          on conflict do nothing`,
    );
    await db.execute(
      sql`update ${STAGE} s set plan_id = a.id from annual_plans a
          where s.plan_id is null and a.unit_id = s.plan_unit_id and a.year = s.plan_year::int`,
    );
    const written = countOf(
      await db.execute(
        sql`insert into plan_lines (plan_id, programme_kind, target_list, target_code, level, classes, trainees,
              periods, budget, note, source, created_in_version, import_id)
            select s.plan_id, s.programme_kind, s.target_list, s.target_code, s.level, coalesce(s.classes::int, 0),
              s.trainees::int, s.periods::int,
              case when s.funding is null then '{}'::jsonb
                else jsonb_build_object(s.funding, coalesce(s.amount::bigint, 0)) end,
              s.note, 'manual', a.version, ${ctx.batchId}::int
            from ${STAGE} s join annual_plans a on a.id = s.plan_id
            where ${ROW_OK} order by s.row_no returning id`,
      ),
    );
    // Each plan touched says so in its history (who, when, how many lines).
    await db.execute(
      sql`update annual_plans a set updated_at = now()
          where a.id in (select l.plan_id from plan_lines l where l.import_id = ${ctx.batchId})`,
    );
    await db.execute(
      sql`insert into annual_plan_events (plan_id, version, action, actor_id, actor_name, comment)
          select a.id, a.version, 'lines.import', ${ctx.userId}::int,
            coalesce((select u.display_name from users u where u.id = ${ctx.userId}::int), 'import'),
            count(l.id) || ' dòng từ tệp (lần nhập số ' || ${ctx.batchId}::int || ')'
          from annual_plans a join plan_lines l on l.plan_id = a.id and l.import_id = ${ctx.batchId}
          group by a.id, a.version`,
    );
    return written;
  },
  async undoBlockers(q, batchId) {
    const [r] = rowsOf<{ sent: boolean; edited: boolean; used: boolean }>(
      await q.execute(sql`select
          exists (select 1 from plan_lines l join annual_plans a on a.id = l.plan_id
            where l.import_id = ${batchId} and a.status not in ('draft', 'returned')) as sent,
          exists (select 1 from plan_lines l where l.import_id = ${batchId}
            and (l.removed_at is not null or l.updated_at > l.created_at)) as edited,
          exists (select 1 from plan_lines l where l.import_id = ${batchId} and (
            exists (select 1 from classes c where c.plan_line_id = l.id)
            or exists (select 1 from abroad_delegations d where d.plan_line_id = l.id)
            or exists (select 1 from postgrad_sponsorships p where p.plan_line_id = l.id))) as used`),
    );
    const out: { vi: string; en: string }[] = [];
    if (r?.sent)
      out.push({ vi: 'kế hoạch đã được trình hoặc phê duyệt', en: 'a plan has been submitted or approved' });
    if (r?.edited)
      out.push({ vi: 'có dòng kế hoạch đã được sửa hoặc xoá', en: 'some plan lines were edited or removed' });
    if (r?.used)
      out.push({
        vi: 'có lớp, đoàn hoặc suất cử đi học thực hiện dòng kế hoạch',
        en: 'a class, delegation or sponsorship carries out a plan line',
      });
    return out;
  },
  async undo(q, batchId) {
    const removed = countOf(
      await q.execute(sql`delete from plan_lines where import_id = ${batchId} returning id`),
    );
    await q.execute(
      sql`delete from annual_plans a where a.import_id = ${batchId}
          and not exists (select 1 from plan_lines l where l.plan_id = a.id)`,
    );
    return removed;
  },
};
