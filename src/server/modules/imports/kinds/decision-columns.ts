/**
 * The approving decision on an import that writes approved records (ADR 044, 049): the roster
 * writes approved nominations, so it takes the send-to-study decision (number, date, signer,
 * signer's title) per row and holds it to the approval route's own check (`decisionErrors`),
 * under the policy `approvals.decision_required` in force for the person's unit on the day.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows';
import { decisionErrors, decisionOf, decisionRequired } from '../../policies/decision';
import type { ColumnSpec } from '../imports.columns';
import { checkRows, type KindContext, type RowIssue, STAGE } from './kind';

export const DECISION_COLUMNS: ColumnSpec[] = [
  {
    key: 'decision_no',
    vi: 'Số quyết định',
    en: 'Decision number',
    type: 'text',
    max: 100,
    example: '245/QĐ-UBND',
    help: {
      vi: 'Số quyết định cử đi học; bắt buộc khi tỉnh đặt "phê duyệt phải ghi quyết định".',
      en: 'Number of the send-to-study decision; required when the province requires decisions.',
    },
  },
  {
    key: 'decision_date',
    vi: 'Ngày quyết định',
    en: 'Decision date',
    type: 'date',
    example: '02/10/2026',
    help: {
      vi: 'dd/mm/yyyy, không sau hôm nay; đi cùng số quyết định.',
      en: 'dd/mm/yyyy, not after today; with the decision number.',
    },
  },
  {
    key: 'signer_name',
    vi: 'Người ký',
    en: 'Signer',
    type: 'text',
    max: 200,
    example: 'Nguyễn Văn Ký',
    help: { vi: 'Họ tên người ký quyết định.', en: 'Name of who signed the decision.' },
  },
  {
    key: 'signer_title',
    vi: 'Chức vụ người ký',
    en: "Signer's title",
    type: 'text',
    max: 200,
    example: 'Phó Chủ tịch UBND',
    help: { vi: 'Không bắt buộc; cần tên người ký.', en: 'Optional; needs the signer name.' },
  },
];

/** The decision's field (API) -> its column (sheet). */
const COLUMN_OF: Record<string, string> = {
  decisionNo: 'decision_no',
  decisionDate: 'decision_date',
  signerName: 'signer_name',
  signerTitle: 'signer_title',
};

interface DecisionRow {
  row_no: number;
  unit_path: string;
  decision_no: string | null;
  decision_date: string | null;
  signer_name: string | null;
  signer_title: string | null;
}

/**
 * Refuse the rows whose decision the approval route would refuse, each field error on its column
 * with the route's own words (code DECISION_INVALID). `rows` narrows the staged rows checked
 * (those with a person resolved in scope and no error yet).
 */
export async function checkDecisionColumns(
  ctx: KindContext,
  columns: ColumnSpec[],
  rows: ReturnType<typeof sql>,
) {
  const paths = rowsOf<{ path: string }>(
    await ctx.db.execute(
      sql`select distinct u.path::text as path from ${STAGE} s join org_units u on u.id = s.person_unit_id where ${rows}`,
    ),
  );
  const required = new Map<string, boolean>();
  for (const { path } of paths) required.set(path, await decisionRequired(ctx.db, path, ctx.today));
  await checkRows<DecisionRow>(
    ctx,
    columns,
    sql`select s.row_no, u.path::text as unit_path, s.decision_no, s.decision_date::text as decision_date,
          s.signer_name, s.signer_title
        from ${STAGE} s join org_units u on u.id = s.person_unit_id where ${rows}`,
    (r) => {
      const d = decisionOf({
        decisionNo: r.decision_no,
        decisionDate: r.decision_date,
        signerName: r.signer_name,
        signerTitle: r.signer_title,
      });
      return decisionErrors(d, { required: required.get(r.unit_path) ?? false, today: ctx.today }).map(
        (e): RowIssue => {
          const key = COLUMN_OF[e.field] ?? 'decision_no';
          return {
            key,
            code: 'DECISION_INVALID',
            value: r[key as keyof DecisionRow] as string | null,
            message: e.message,
          };
        },
      );
    },
  );
}

/** The decision's columns as the write reads them (NFC, trimmed; empty as null). */
export const DECISION_SELECT = sql.raw(
  `nullif(btrim(normalize(s.decision_no, NFC)), ''), s.decision_date::date,
   nullif(btrim(normalize(s.signer_name, NFC)), ''), nullif(btrim(normalize(s.signer_title, NFC)), '')`,
);
