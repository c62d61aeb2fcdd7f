/** Reading eligibility rules (versioned and owned like standards). */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { EligibilityRuleData } from './eligibility.engine';

export interface OwnedEligibility extends EligibilityRuleData {
  ownerUnitId: number | null;
  ownerPath: string | null;
  builtIn: boolean;
}

export async function loadEligibilityVersions(q: Queryable): Promise<OwnedEligibility[]> {
  return rowsOf<OwnedEligibility>(
    await q.execute(sql`select r.id, r.code, r.version, r.purpose, r.title_vi as "titleVi", r.title_en as "titleEn",
        r.conditions, r.effective_from::text as "effectiveFrom", r.effective_to::text as "effectiveTo",
        r.legal_source as "legalSource", r.owner_unit_id as "ownerUnitId", u.path::text as "ownerPath",
        r.built_in as "builtIn"
      from eligibility_rules r left join org_units u on u.id = r.owner_unit_id
      order by r.purpose, r.code, r.effective_from`),
  );
}
