/**
 * "Xuất Excel" of any list: `GET <list route>/export.xlsx` takes the list's own filters (its query
 * schema without paging), runs the list's own query page by page, and streams a workbook: an STT
 * column, headers in the actor's language, code labels instead of codes, dates as real dates
 * shown dd/mm/yyyy, named "<list name> <dd-mm-yyyy>.xlsx". Permission and scope are the list's:
 * the first page is read before anything is sent, so a 401/403/404 stays a normal error answer.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Lang } from '../../contracts/errors';
import type { ReportCellKind } from '../../contracts/reports';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { ModuleDeps } from '../module-deps';
import { actorOf } from '../plugins/auth';
import type { Actor } from './actor';
import type { Clock } from './dates';
import { attachment, type ListColumn, listXlsxStream, XLSX_TYPE } from './xlsx-write';

/** Rows read per query while exporting: memory stays flat whatever the list's size. */
export const EXPORT_PAGE_SIZE = 2000;

type Cell = string | number | boolean | Date | null | undefined;

export interface ExportColumn<R> {
  /** Header: Vietnamese, English. */
  label: readonly [string, string];
  value: (row: R, lang: Lang) => Cell;
  /** `date` takes an ISO `yyyy-mm-dd` (or a Date) and writes a real date shown dd/mm/yyyy. */
  kind?: ReportCellKind | 'datetime';
  /**
   * The value is a code of this code list (or of the list the row names, e.g. `level_<kind>`):
   * the sheet shows its label in the actor's language.
   */
  codes?: string | ((row: R) => string | null);
  width?: number;
}

export interface ListExport<Q extends z.ZodObject, P extends z.ZodObject, R> {
  /** The list's route with `/export.xlsx` appended. */
  path: string;
  summary: string;
  tags: string[];
  /** The list's query schema, paging removed (see `withoutPaging`). */
  querystring: Q;
  params?: P;
  /** The list's name (vi, en): the file is "<name> <dd-mm-yyyy>.xlsx". */
  name: readonly [string, string];
  columns: ExportColumn<R>[];
  /** The list's rows, read lazily (e.g. `pagesOf` over the list's query); checks come first. */
  rows(actor: Actor, query: z.infer<Q>, params: z.infer<P>): AsyncIterable<R>;
}

/** The list's query schema without `page` / `pageSize`. */
export function withoutPaging<T extends z.ZodObject>(schema: T) {
  return schema.omit({ page: true, pageSize: true } as never) as unknown as z.ZodObject<
    Omit<T['shape'], 'page' | 'pageSize'>
  >;
}

/** Every item of a paged list function, `size` at a time (page numbers from 1). */
export async function* pagesOf<R>(
  fetch: (page: number, pageSize: number) => Promise<{ items: R[] }>,
  size = EXPORT_PAGE_SIZE,
): AsyncGenerator<R> {
  for (let page = 1; ; page++) {
    const { items } = await fetch(page, size);
    yield* items;
    if (items.length < size) return;
  }
}

/** Today in Vietnam (UTC+7) as dd-mm-yyyy, for file names. */
export function fileDate(clock: Clock): string {
  const d = new Date(clock.now().getTime() + 7 * 3600_000).toISOString();
  return `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
}

/** A timestamp as Vietnam's wall-clock time, for a sheet cell (Excel dates carry no time zone). */
export function vietnamTime(v: Date | string | null | undefined): Date | null {
  if (!v) return null;
  return new Date(new Date(v).getTime() + 7 * 3600_000);
}

/** Labels of the code lists the columns name (`null`: every list), in one read: `(list, code) -> label`. */
export async function codeLabelsOf(q: Queryable, lang: Lang, lists: string[] | null) {
  const labels = new Map<string, string>();
  if (lists === null || lists.length) {
    const which = lists === null ? sql`true` : sql`list = any(${sql.param(lists)}::text[])`;
    const res = await q.execute(sql`select list, code, label_vi, label_en from code_items where ${which}`);
    for (const r of rowsOf<{ list: string; code: string; label_vi: string; label_en: string }>(res))
      labels.set(`${r.list}\u0000${r.code}`, lang === 'vi' ? r.label_vi : r.label_en);
  }
  return (list: string, code: string) => labels.get(`${list}\u0000${code}`) ?? code;
}

/** Pull the first item now (so checks throw before the download starts), then the rest lazily. */
async function primed<R>(rows: AsyncIterable<R>): Promise<AsyncIterable<R>> {
  const it = rows[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
    },
  };
}

/** The sheet rows: STT, then each column's value (code labels resolved). */
async function* sheetRows<R>(
  rows: AsyncIterable<R>,
  columns: ExportColumn<R>[],
  lang: Lang,
  label: (list: string, code: string) => string,
): AsyncGenerator<Record<string, unknown>> {
  let stt = 0;
  for await (const row of rows) {
    const out: Record<string, unknown> = { stt: ++stt };
    columns.forEach((c, i) => {
      const v = c.value(row, lang);
      const list = typeof c.codes === 'function' ? c.codes(row) : c.codes;
      out[`c${i}`] = list && typeof v === 'string' ? label(list, v) : v;
    });
    yield out;
  }
}

/** Register `GET <path>` answering the list as a streamed .xlsx. */
export function exportRoute<Q extends z.ZodObject, P extends z.ZodObject, R>(
  app: FastifyInstance,
  { handle, clock }: Pick<ModuleDeps, 'handle' | 'clock'>,
  spec: ListExport<Q, P, R>,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    spec.path,
    {
      schema: {
        summary: spec.summary,
        description: 'The same filters, permission and scope as the list; a streamed .xlsx.',
        tags: spec.tags,
        querystring: spec.querystring,
        ...(spec.params ? { params: spec.params } : {}),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const lang = actor.lang;
      const rows = await primed(spec.rows(actor, req.query as z.infer<Q>, (req.params ?? {}) as z.infer<P>));
      // Lists named by the rows themselves are not known ahead: read them all (a few hundred codes).
      const label = await codeLabelsOf(
        handle.db,
        lang,
        spec.columns.some((c) => typeof c.codes === 'function')
          ? null
          : spec.columns.flatMap((c) => (typeof c.codes === 'string' ? [c.codes] : [])),
      );
      const stt = lang === 'vi' ? 'STT' : 'No.';
      const columns: ListColumn[] = [
        { key: 'stt', label: stt, kind: 'int', width: 6 },
        ...spec.columns.map((c, i) => ({
          key: `c${i}`,
          label: c.label[lang === 'vi' ? 0 : 1],
          kind: c.kind === 'datetime' ? ('date' as const) : c.kind,
          numFmt: c.kind === 'datetime' ? 'dd/mm/yyyy hh:mm' : undefined,
          width: c.width,
        })),
      ];
      const name = spec.name[lang === 'vi' ? 0 : 1];
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`${name} ${fileDate(clock)}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(listXlsxStream({ sheetName: name, columns, rows: sheetRows(rows, spec.columns, lang, label) }));
    },
  );
}
