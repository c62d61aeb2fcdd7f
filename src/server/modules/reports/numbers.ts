/** Small number helpers the class-based reports share (trained, plan-actual, costs). */
import { sql } from 'drizzle-orm';
import type { ReportContext } from './framework';

/** done / of as a percentage with one decimal (0-100), null when there is nothing to divide by. */
export const pct = (done: number, of: number) => (of > 0 ? Math.round((done * 1000) / of) / 10 : null);

/** VND per head, rounded to the dong; null without heads. */
export const perHead = (amount: number, heads: number) => (heads > 0 ? Math.round(amount / heads) : null);

/** SQL for the label of a code in the actor's language, from the code list named by `listSql`. */
export function labelOf(
  ctx: ReportContext,
  listSql: ReturnType<typeof sql>,
  codeSql: ReturnType<typeof sql>,
) {
  const col = ctx.lang === 'vi' ? sql.raw('ci.label_vi') : sql.raw('ci.label_en');
  return sql`(select ${col} from code_items ci where ci.list = ${listSql} and ci.code = ${codeSql})`;
}
