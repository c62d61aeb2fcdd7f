/** Reading standard rule versions and the code lists the engine needs. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { codeItems } from '../../db/schema/index';
import { buildCodebook, type Codebook } from './codebook';
import type { OwnedRule } from './standards.types';

export interface RuleRow extends OwnedRule {
  ownerUnitName: string | null;
  supersedesId: number | null;
  retiredReason: string | null;
  createdAt: string;
  updatedAt: string;
}

const RULE_COLUMNS = sql`r.id, r.code, r.version, r.title_vi as "titleVi", r.title_en as "titleEn",
  r.applies_to as "appliesTo", r.requirement, r.grace, r.effective_from::text as "effectiveFrom",
  r.effective_to::text as "effectiveTo", r.legal_source as "legalSource", r.owner_unit_id as "ownerUnitId",
  u.path::text as "ownerPath", u.name as "ownerUnitName", r.built_in as "builtIn",
  r.supersedes_id as "supersedesId", r.retired_reason as "retiredReason",
  r.created_at::text as "createdAt", r.updated_at::text as "updatedAt"`;

/** Every version of every standard rule (the table is small: tens to hundreds of rows). */
export async function loadRuleVersions(q: Queryable): Promise<RuleRow[]> {
  return rowsOf<RuleRow>(
    await q.execute(sql`select ${RULE_COLUMNS} from standard_rules r
      left join org_units u on u.id = r.owner_unit_id
      order by r.code, r.effective_from, r.version`),
  );
}

export async function findRuleVersion(q: Queryable, id: number): Promise<RuleRow | undefined> {
  return rowsOf<RuleRow>(
    await q.execute(sql`select ${RULE_COLUMNS} from standard_rules r
      left join org_units u on u.id = r.owner_unit_id where r.id = ${id}`),
  )[0];
}

export async function listRuleVersionsOfCode(q: Queryable, code: string): Promise<RuleRow[]> {
  return rowsOf<RuleRow>(
    await q.execute(sql`select ${RULE_COLUMNS} from standard_rules r
      left join org_units u on u.id = r.owner_unit_id where r.code = ${code}
      order by r.effective_from, r.version`),
  );
}

/** Level ranks and labels from code_items (inactive items too: old records still hold them). */
export async function loadCodebook(q: Queryable): Promise<Codebook> {
  const items = await q
    .select({
      list: codeItems.list,
      code: codeItems.code,
      labelVi: codeItems.labelVi,
      labelEn: codeItems.labelEn,
      meta: codeItems.meta,
    })
    .from(codeItems);
  return buildCodebook(items);
}
