/**
 * The CSV export of a subtree's gaps, streamed from a server-side cursor: the gap statement runs
 * once, rows are fetched 1,000 at a time and written as the client reads (backpressure), so the
 * server never holds the province's rows or its CSV. The cursor's transaction lasts as long as
 * the download (on PGlite other requests wait meanwhile).
 */
import { PassThrough, type Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { BOM, csvLine } from '../../lib/csv-write';
import { labelOf } from './codebook';
import { formatDate } from './dates';
import { explainStandard, sourceText } from './explain';
import { type GapContext, gapsOf } from './gaps.queries';
import type { GapScope } from './gaps.sql';

const FETCH = 1000;
const HEADER = [
  'STT',
  'Họ và tên',
  'Đơn vị',
  'Đối tượng',
  'Ngạch, chức danh nghề nghiệp',
  'Chức vụ',
  'Mã tiêu chuẩn',
  'Tiêu chuẩn',
  'Tình trạng',
  'Hạn hoàn thành',
  'Căn cứ',
  'Giải thích',
];
const STATUS_LABEL = { missing: 'Chưa đạt', due: 'Chưa đạt, còn trong hạn' };

interface ExportRow {
  full_name: string;
  unit_name: string;
  category: string;
  rank: string | null;
  post: string | null;
  rule_id: number;
  rule_code: string;
  status: 'missing' | 'due';
  due_by: string | null;
  periods_done: number | null;
}

export function streamGapsCsv(
  db: Db,
  ctx: GapContext,
  scope: GapScope,
  status?: 'missing' | 'due',
): Readable {
  const where = status ? sql`where g.status = ${status}` : sql``;
  const query = gapsOf(
    ctx,
    scope,
    // Materialized: a cursor plans for its first rows, which would favour nested loops over CTEs.
    sql`, rows as materialized (select p.full_name, p.sort_key, u.name as unit_name, g.person_id, g.category,
          g.rule_id, g.rule_code, g.status, g.due_by::text as due_by, g.periods_done, s.rank, s.post
        from gaps g join people p on p.id = g.person_id join org_units u on u.id = g.unit_id
          join gap_state s on s.person_id = g.person_id ${where})
      select * from rows order by sort_key collate "C", person_id, rule_code`,
  );
  const out = new PassThrough();
  // Resolves when the client has taken what was written, or has gone away.
  const write = (text: string) =>
    out.write(text)
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          out.once('drain', resolve);
          out.once('close', resolve);
        });
  const run = async () => {
    await write(BOM + csvLine(HEADER));
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`declare gaps_export no scroll cursor for ${query}`);
      let stt = 0;
      while (!out.destroyed) {
        const rows = rowsOf<ExportRow>(await tx.execute(sql.raw(`fetch ${FETCH} from gaps_export`)));
        if (rows.length === 0) break;
        let text = '';
        for (const r of rows) {
          const rule = ctx.rules.get(Number(r.rule_id))!;
          const outcome = {
            status: r.status,
            dueBy: r.due_by ?? undefined,
            periodsDone: r.periods_done === null ? undefined : Number(r.periods_done),
          };
          text += csvLine([
            ++stt,
            r.full_name,
            r.unit_name,
            labelOf(ctx.book, 'category', r.category).vi,
            r.rank ? labelOf(ctx.book, 'rank', r.rank).vi : '',
            r.post ?? '',
            r.rule_code,
            rule.titleVi,
            STATUS_LABEL[r.status],
            formatDate(r.due_by),
            sourceText(rule.legalSource),
            explainStandard(rule, outcome, ctx.book).vi,
          ]);
        }
        await write(text);
      }
      await tx.execute(sql`close gaps_export`);
    });
    out.end();
  };
  run().catch((err) => out.destroy(err));
  return out;
}
