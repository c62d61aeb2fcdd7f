/**
 * Reading a policy value in force (ADR 013): on a date, for a unit, the row of the deepest owner
 * at or above the unit (a national row has none) whose period holds the date. Every reader goes
 * through `policyAt`, so a province's own value applies in its subtree from its date and old
 * dates keep the values in force then.
 */
import { type SQL, sql } from 'drizzle-orm';
import { POLICY_SCHEMAS, type PolicyCode, type PolicyValue } from '../../../contracts/policies';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { policyValues } from '../../db/schema/index';
import { AppError } from '../../lib/errors';
import { POLICY_PACK } from './policy-pack';

export interface PolicyInForce<C extends PolicyCode> {
  id: number;
  value: PolicyValue<C>;
  legalSource: string;
  effectiveFrom: string;
}

/**
 * The row of `code` in force on `date` for the unit at `unitPath` (both SQL expressions), as a
 * subquery of `id, value, legal_source, effective_from`: the one choice of `policyAt`, which
 * set-based readers join laterally (one row per learner, class...).
 */
export function policyRowSql(code: PolicyCode, date: SQL, unitPath: SQL): SQL {
  // Aliases of their own: the caller's expressions may name its own `v` or `u`.
  return sql`select pol_v.id, pol_v.value, pol_v.legal_source, pol_v.effective_from
      from policy_values pol_v left join org_units pol_u on pol_u.id = pol_v.owner_unit_id
      where pol_v.code = ${code} and pol_v.effective_from <= ${date}
        and (pol_v.effective_to is null or pol_v.effective_to > ${date})
        and (pol_v.owner_unit_id is null or (${unitPath} is not null and ${unitPath} <@ pol_u.path))
      order by coalesce(nlevel(pol_u.path), 0) desc, pol_v.effective_from desc, pol_v.id desc limit 1`;
}

export async function policyAt<C extends PolicyCode>(
  q: Queryable,
  code: C,
  date: string,
  unitPath: string | null,
): Promise<PolicyInForce<C>> {
  const [row] = rowsOf<{ id: number; value: unknown; legalSource: string; effectiveFrom: string }>(
    await q.execute(sql`select p.id, p.value, p.legal_source as "legalSource", p.effective_from::text as "effectiveFrom"
      from (${policyRowSql(code, sql`${date}::date`, sql`${unitPath}::ltree`)}) p`),
  );
  // A date before the first value of the rule (or after its end): the request, not the server, is wrong.
  if (!row)
    throw new AppError('NO_POLICY', {
      message: {
        vi: `Không có quy định "${code}" có hiệu lực vào ngày ${date}.`,
        en: `No value of the rule "${code}" is in force on ${date}.`,
      },
      details: { policy: code, date },
    });
  return { ...row, id: Number(row.id), value: POLICY_SCHEMAS[code].parse(row.value) as PolicyValue<C> };
}

/** Insert the shipped values not there yet; refresh the value and source of those that are. */
export async function seedPolicies(q: Queryable): Promise<void> {
  for (const p of POLICY_PACK) {
    const updated = rowsOf(
      await q.execute(sql`update policy_values set value = ${JSON.stringify(p.value)}::jsonb,
          legal_source = ${p.legalSource}, note = ${p.note ?? null}
        where built_in and code = ${p.code} and effective_from = ${p.effectiveFrom}::date returning id`),
    );
    if (updated.length === 0)
      await q.insert(policyValues).values({
        code: p.code,
        value: p.value,
        effectiveFrom: p.effectiveFrom,
        legalSource: p.legalSource,
        note: p.note ?? null,
        builtIn: true,
      });
  }
}
