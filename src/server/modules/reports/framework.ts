/**
 * What a report is (ADR 019): a name, its filters, a `build` that answers a `ReportTable` from
 * set-based SQL, and a `people` that lists who stands behind a drilled number. `reports.routes.ts`
 * gives every definition the same three routes (JSON, .xlsx, people), the same permission and
 * scope checks, and one consistent read: the table is built in one transaction (repeatable read on
 * PostgreSQL) and stamped with the time it was read.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Lang } from '../../../contracts/errors';
import {
  decodeCell,
  ORG_LEVEL_LABELS,
  type PostFilters,
  type ReportFilters,
  type ReportPeoplePage,
  type ReportTable,
} from '../../../contracts/reports';
import type { Permission } from '../../../contracts/roles';
import type { Db, DbHandle, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/dates';
import { fieldError, invalid } from '../../lib/errors';
import { getUnitInScope } from '../../lib/scope';
import { viOrder } from '../../lib/vi-sort';
import { checkPostFilters } from '../codes/post-filters';

/** The subtree a report reads: the chosen unit of the actor's subtree, or the actor's scope unit. */
export interface ReportScope {
  unitId: number;
  path: string;
  name: string;
}

export interface ReportContext {
  q: Queryable;
  actor: Actor;
  lang: Lang;
  clock: Clock;
  scope: ReportScope;
  /** When the read began (ISO); put it in the table's `readAt`. */
  readAt: string;
  /** vi or en, picked by the actor's language. */
  t(vi: string, en: string): string;
}

export interface ReportDefinition<Q extends z.ZodType<ReportFilters> = z.ZodType<ReportFilters>> {
  /** URL segment: `/reports/<name>`. */
  name: string;
  summary: string;
  /** The report's query schema: `ReportFilters` or an extension of it. */
  query: Q;
  /** Defaults to `reports.read`. */
  permission?: Permission;
  build(ctx: ReportContext, query: z.infer<Q>): Promise<ReportTable>;
  /**
   * Work before the one read-only read (build and people): a report over the stored standing
   * makes it current here (ADR 033), as the read cannot write.
   */
  prepare?(db: Db, clock: Clock): Promise<unknown>;
  /** The people behind a drilled cell; absent when the report's numbers are not people. */
  people?(
    ctx: ReportContext,
    query: z.infer<Q>,
    cell: string,
    page: { page: number; pageSize: number },
  ): Promise<ReportPeoplePage>;
}

/** Declare a report with its query type inferred. */
export function defineReport<Q extends z.ZodType<ReportFilters>>(
  def: ReportDefinition<Q>,
): ReportDefinition<Q> {
  return def;
}

export async function resolveScope(q: Queryable, actor: Actor, unitId?: number): Promise<ReportScope> {
  const unit = await getUnitInScope(q, actor, unitId ?? actor.scopeUnitId);
  return { unitId: unit.id, path: unit.path as string, name: unit.name };
}

/** Run `fn` in one read: a transaction (repeatable read on PostgreSQL) so every query sees one snapshot. */
export async function inOneRead<T>(
  handle: DbHandle,
  actor: Actor,
  clock: Clock,
  unitId: number | undefined,
  fn: (ctx: ReportContext) => Promise<T>,
): Promise<T> {
  return handle.db.transaction(async (tx) => {
    if (handle.kind === 'postgres')
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const scope = await resolveScope(tx, actor, unitId);
    const lang = actor.lang;
    return fn({
      q: tx,
      actor,
      lang,
      clock,
      scope,
      readAt: clock.now().toISOString(),
      t: (vi, en) => (lang === 'vi' ? vi : en),
    });
  });
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The period a report covers: from/to when given, else the year (default: this year). */
export function periodOf(f: ReportFilters, clock: Clock): { from: string; to: string } {
  const year = f.year ?? clock.now().getUTCFullYear();
  return { from: f.from ?? `${year}-01-01`, to: f.to ?? `${year}-12-31` };
}

/** The common filters in words, for the table's header and the sheet. */
export function describeFilters(
  ctx: ReportContext,
  f: ReportFilters,
  extra: { period?: { from: string; to: string }; categoryLabel?: string | null } = {},
): ReportTable['filters'] {
  const out = [{ label: ctx.t('Đơn vị', 'Unit'), value: ctx.scope.name }];
  if (extra.period) {
    out.push({
      label: ctx.t('Kỳ báo cáo', 'Period'),
      value: `${dmy(extra.period.from)} - ${dmy(extra.period.to)}`,
    });
  }
  if (f.category)
    out.push({ label: ctx.t('Đối tượng', 'Category'), value: extra.categoryLabel ?? f.category });
  if (f.level) out.push({ label: ctx.t('Cấp', 'Level'), value: ORG_LEVEL_LABELS[f.level][ctx.lang] });
  return out;
}

/**
 * The post filters (ADR 048) checked (an unknown code: 400, vi and en) and in words for the
 * table's filters line, so the printed paper says whom it counts.
 */
export async function postFiltersOf(ctx: ReportContext, f: PostFilters): Promise<ReportTable['filters']> {
  await checkPostFilters(ctx.q, f);
  const out: ReportTable['filters'] = [];
  if (f.postGroup)
    out.push({
      label: ctx.t('Nhóm chức danh', 'Post group'),
      value: (await codeLabel(ctx, 'post_group', f.postGroup)) ?? f.postGroup,
    });
  if (f.post)
    out.push({ label: ctx.t('Chức danh', 'Post'), value: (await codeLabel(ctx, 'post', f.post)) ?? f.post });
  return out;
}

/** The label of a code in the actor's language (the code itself when unknown). */
export async function codeLabel(ctx: ReportContext, list: string, code: string | undefined | null) {
  if (!code) return null;
  const col = ctx.lang === 'vi' ? sql`label_vi` : sql`label_en`;
  const res = await ctx.q.execute(
    sql`select ${col} as label from code_items where list = ${list} and code = ${code}`,
  );
  return rowsOf<{ label: string }>(res)[0]?.label ?? code;
}

/**
 * One page of the people behind a number. `who` is a SQL select of `(person_id, detail)` rows,
 * already limited to the report's scope and filters; duplicates of a person are kept apart only
 * when their details differ.
 */
export async function peoplePage(
  ctx: ReportContext,
  who: SQL,
  page: { page: number; pageSize: number },
  title: string,
): Promise<ReportPeoplePage> {
  const label = ctx.lang === 'vi' ? sql.raw('label_vi') : sql.raw('label_en');
  const offset = (page.page - 1) * page.pageSize;
  const res = await ctx.q.execute(sql`
    with w as (select distinct person_id, detail from (${who}) w0),
    n as (select count(*)::int as total from w)
    select n.total, p.id, p.full_name, p.birth_date::text as birth_date, u.name as unit_name,
      cat.${label} as category, rk.${label} as rank, p.post, w.detail
    from n left join (w join people p on p.id = w.person_id join org_units u on u.id = p.unit_id) on true
    left join code_items cat on cat.list = 'category' and cat.code = p.category
    left join code_items rk on rk.list = 'rank' and rk.code = p.rank
    order by p.sort_key collate "C", p.id, w.detail
    limit ${page.pageSize} offset ${offset}`);
  const rows = rowsOf(res);
  const total = Number(rows[0]?.total ?? 0);
  return {
    title,
    readAt: ctx.readAt,
    total,
    page: page.page,
    pageSize: page.pageSize,
    items: rows
      .filter((r) => r.id !== null && r.id !== undefined)
      .map((r) => ({
        id: Number(r.id),
        fullName: String(r.full_name),
        birthDate: (r.birth_date as string | null) ?? null,
        unitName: String(r.unit_name),
        category: (r.category as string | null) ?? null,
        rank: (r.rank as string | null) ?? null,
        post: (r.post as string | null) ?? null,
        detail: (r.detail as string | null) ?? null,
      })),
  };
}

/** Decode a drill token with the report's schema, or 400 naming the `cell` parameter. */
export function cellOf<T extends z.ZodType>(token: string, schema: T): z.infer<T> {
  const v = decodeCell(token, schema);
  if (v === null) throw invalid([fieldError('cell', 'ô số liệu không hợp lệ', 'not a valid report cell')]);
  return v;
}

/** Every label of a code list in the actor's language (admins may relabel codes: read them, not constants). */
export async function codeLabels(ctx: ReportContext, list: string): Promise<Map<string, string>> {
  const col = ctx.lang === 'vi' ? sql.raw('label_vi') : sql.raw('label_en');
  const res = await ctx.q.execute(
    sql`select code, ${col} as label from code_items where list = ${list} order by sort, code`,
  );
  return new Map(rowsOf<{ code: string; label: string }>(res).map((r) => [r.code, r.label]));
}

/**
 * SQL: the direct child of the report's unit that a path lies under (the unit's own id for its own
 * path), so a whole subtree rolls up onto the children in one `group by`.
 */
export function childOf(ctx: ReportContext, path: SQL): SQL {
  const scope = sql`${ctx.scope.path}::ltree`;
  return sql`(case when nlevel(${path}) > nlevel(${scope})
    then ltree2text(subpath(${path}, nlevel(${scope}), 1))::int else ${ctx.scope.unitId}::int end)`;
}

/**
 * The rows a roll-up by unit shows: the report's unit's own staff first, then each child by name
 * (dissolved children last, flagged: a report shows them only where they have figures).
 */
export async function childUnits(
  ctx: ReportContext,
): Promise<{ id: number; name: string; dissolved: boolean }[]> {
  const res = await ctx.q.execute(sql`
    select id, name, valid_to is not null as dissolved from org_units where parent_id = ${ctx.scope.unitId}
    order by valid_to nulls first, ${viOrder(sql`name`)}, id`);
  return [
    {
      id: ctx.scope.unitId,
      name: `${ctx.scope.name} ${ctx.t('(trực thuộc)', '(own staff)')}`,
      dissolved: false,
    },
    ...rowsOf<{ id: number; name: string; dissolved: boolean }>(res),
  ];
}

/** The administrative tiers a unit belongs to (a department of the province is provincial). */
export const TIERS = ['province', 'district', 'commune'] as const;

/**
 * SQL: every unit with its tier (`id`, `tier`): the level of its nearest ancestor-or-self that is a
 * province, a district or a commune. A commune's offices and a province's departments are kept as
 * units of level `agency`; the staff of both are counted at their commune's or province's tier.
 * One row per unit (a few hundred), so join it by unit id rather than asking per person.
 */
export const UNIT_TIERS = sql`(select u2.id, (select a.level from org_units a
    where a.path @> u2.path and a.level in ('province', 'district', 'commune')
    order by nlevel(a.path) desc limit 1) as tier from org_units u2)`;
