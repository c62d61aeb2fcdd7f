/**
 * Clean-up of staged rows (ADR 058): the rows a preview kept for its commit (ADR 047) of batches
 * never committed (previewed, failed, interrupted) are deleted once older than the policy
 * `imports.staged_keep_days` in force today for the batch's unit (7 days, a provincial policy).
 * The batch, its file, issues and history stay; only `import_staged` and `import_staged_issues`
 * rows go, in one set-based statement that writes one audit row per batch cleaned. Run by the
 * daily job (todo/reminders.ts) and `dtbd imports purge-staged`.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { policyRowSql } from '../policies/policies';

export interface StagedPurge {
  date: string;
  batches: number;
  rows: number;
  issues: number;
}

/** Delete the stale staged rows as of `today` (yyyy-mm-dd, Vietnam); audited per batch. */
export async function purgeStaged(db: Queryable, today: string): Promise<StagedPurge> {
  const [r] = rowsOf<{ batches: number; rows: number; issues: number }>(
    await db.execute(sql`with stale as materialized (
        select b.id, b.scope_path, (pol.value #>> '{}')::int as keep_days,
          (b.created_at at time zone 'Asia/Ho_Chi_Minh')::date as previewed_on
        from import_batches b
        cross join lateral (${policyRowSql('imports.staged_keep_days', sql`${today}::date`, sql`b.scope_path`)}) pol
        where b.status in ('previewed', 'failed', 'interrupted')
          and (b.created_at at time zone 'Asia/Ho_Chi_Minh')::date < ${today}::date - (pol.value #>> '{}')::int
          and (exists (select 1 from import_staged s where s.batch_id = b.id)
            or exists (select 1 from import_staged_issues i where i.batch_id = b.id))),
      gone as (delete from import_staged s using stale where s.batch_id = stale.id returning s.batch_id),
      gone_issues as (delete from import_staged_issues i using stale where i.batch_id = stale.id returning i.batch_id),
      logged as (insert into audit_log (username, action, entity, entity_id, summary, scope_path, after)
        select 'system', 'purge_staged', 'import_batch', st.id::text,
          'Xóa dữ liệu đã kiểm tra của lần nhập chưa ghi / staged rows of an uncommitted import purged',
          st.scope_path, jsonb_build_object('stagedRows', (select count(*) from gone g where g.batch_id = st.id),
            'stagedIssues', (select count(*) from gone_issues g where g.batch_id = st.id),
            'keepDays', st.keep_days, 'previewedOn', st.previewed_on, 'date', ${today}::text)
        from stale st returning 1)
      select (select count(*) from logged)::int as batches, (select count(*) from gone)::int as rows,
        (select count(*) from gone_issues)::int as issues`),
  );
  return { date: today, batches: Number(r.batches), rows: Number(r.rows), issues: Number(r.issues) };
}

/** The result in words, both languages (the server log and the CLI). */
export function purgeText(p: StagedPurge): string {
  return (
    `Dọn lần nhập chưa ghi ngày ${p.date}: ${p.batches} lần nhập, ${p.rows} dòng, ${p.issues} lỗi đã kiểm tra / ` +
    `staged import clean-up of ${p.date}: ${p.batches} batches, ${p.rows} rows, ${p.issues} issues`
  );
}
