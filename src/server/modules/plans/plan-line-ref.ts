/**
 * A plan line named by a record that carries it out outside classes (ADR 039): a delegation
 * abroad (kind ABROAD) or a postgraduate sponsorship (kind POSTGRADUATE). The one check every
 * writing path (API, import, CLI, demo) runs: a live line of a plan of the actor's subtree, of
 * the right kind, and of the year the record starts in.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { type FieldError, fieldError } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';

export type CarriedKind = 'ABROAD' | 'POSTGRADUATE';

/** The field error of a plan line that does not fit, or null when it does. */
export async function planLineRefError(
  q: Queryable,
  actor: Actor,
  planLineId: number,
  kind: CarriedKind,
  year: number,
): Promise<FieldError | null> {
  const [line] = rowsOf<{ kind: string; removed: boolean; planPath: string; year: number }>(
    await q.execute(sql`select l.programme_kind as kind, l.removed_at is not null as removed,
        u.path::text as "planPath", a.year
      from plan_lines l join annual_plans a on a.id = l.plan_id join org_units u on u.id = a.unit_id
      where l.id = ${planLineId}`),
  );
  if (!line || line.removed || !pathWithin(line.planPath, actor.scopePath))
    return fieldError(
      'planLineId',
      'không phải dòng kế hoạch của đơn vị bạn',
      'is not a plan line of your units',
    );
  if (line.kind !== kind)
    return fieldError(
      'planLineId',
      kind === 'ABROAD'
        ? 'dòng kế hoạch không phải loại đào tạo, bồi dưỡng ở nước ngoài'
        : 'dòng kế hoạch không phải loại đào tạo sau đại học',
      kind === 'ABROAD'
        ? 'the plan line is not for training abroad'
        : 'the plan line is not for postgraduate study',
    );
  if (Number(line.year) !== year)
    return fieldError(
      'planLineId',
      `dòng kế hoạch thuộc kế hoạch năm ${line.year}, không phải năm ${year}`,
      `the plan line belongs to the ${line.year} plan, not ${year}`,
    );
  return null;
}
