/** Reading eligibility rules (versioned and owned like standards). */
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { EligibilityRuleData } from './eligibility.engine';

export interface OwnedEligibility extends EligibilityRuleData {
  ownerUnitId: number | null;
  ownerPath: string | null;
  ownerUnitName: string | null;
  builtIn: boolean;
  supersedesId: number | null;
  retiredReason: string | null;
}

const select = (where: SQL) => sql`select r.id, r.code, r.version, r.purpose, r.title_vi as "titleVi",
    r.title_en as "titleEn", r.conditions, r.effective_from::text as "effectiveFrom",
    r.effective_to::text as "effectiveTo", r.legal_source as "legalSource", r.owner_unit_id as "ownerUnitId",
    u.path::text as "ownerPath", u.name as "ownerUnitName", r.built_in as "builtIn",
    r.supersedes_id as "supersedesId", r.retired_reason as "retiredReason"
  from eligibility_rules r left join org_units u on u.id = r.owner_unit_id
  where ${where}
  order by r.purpose, r.code, r.effective_from, r.version`;

/** Every version of every eligibility rule (a small table). */
export async function loadEligibilityVersions(q: Queryable): Promise<OwnedEligibility[]> {
  return rowsOf<OwnedEligibility>(await q.execute(select(sql`true`)));
}

export async function findEligibilityVersion(
  q: Queryable,
  id: number,
): Promise<OwnedEligibility | undefined> {
  return rowsOf<OwnedEligibility>(await q.execute(select(sql`r.id = ${id}`)))[0];
}

export async function listEligibilityVersionsOfCode(q: Queryable, code: string): Promise<OwnedEligibility[]> {
  return rowsOf<OwnedEligibility>(await q.execute(select(sql`r.code = ${code}`)));
}
