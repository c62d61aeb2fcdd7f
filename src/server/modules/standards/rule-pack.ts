/**
 * Seeding the default rule pack (rule-pack.data.ts). Idempotent, keyed by code + version: the
 * pack is the truth for built-in rows (a product update may close or correct them), while rows
 * a province owns are never touched, except that a province override holding a version number
 * the pack now ships is moved to the next free number (ids, and so every reference, stay).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { eligibilityRules, ratingScales, standardRules } from '../../db/schema/index';
import { ELIGIBILITY_PACK, RATING_SCALE_PACK, STANDARD_PACK } from './rule-pack.data';

type VersionedTable = typeof standardRules | typeof eligibilityRules;

/** Move province rows off the (code, version) pairs the pack needs. */
async function freeVersions(q: Queryable, table: VersionedTable, pack: { code: string; version: number }[]) {
  const wanted = new Set(pack.map((p) => `${p.code}\u0000${p.version}`));
  const rows = await q
    .select({ id: table.id, code: table.code, version: table.version })
    .from(table)
    .where(and(eq(table.builtIn, false), inArray(table.code, [...new Set(pack.map((p) => p.code))])));
  for (const r of rows.filter((r) => wanted.has(`${r.code}\u0000${r.version}`))) {
    const maxPack = Math.max(...pack.filter((p) => p.code === r.code).map((p) => p.version));
    await q
      .update(table)
      .set({
        version: sql`greatest(${maxPack}, (select max(version) from ${table} where code = ${r.code})) + 1`,
      })
      .where(eq(table.id, r.id));
  }
}

/** Each built-in version supersedes the previous built-in version of its code. */
async function linkVersions(q: Queryable, table: 'standard_rules' | 'eligibility_rules') {
  const T = sql.identifier(table);
  await q.execute(sql`update ${T} r set supersedes_id = prev.id
    from ${T} prev
    where r.built_in and prev.built_in and prev.code = r.code and prev.version = r.version - 1
      and r.supersedes_id is distinct from prev.id`);
}

/** Insert or refresh the built-in standards, eligibility rules and rating scales. */
export async function seedRulePack(q: Queryable): Promise<void> {
  await freeVersions(q, standardRules, STANDARD_PACK);
  for (const r of STANDARD_PACK) {
    const values = {
      titleVi: r.titleVi,
      titleEn: r.titleEn,
      appliesTo: r.appliesTo,
      requirement: r.requirement,
      grace: r.grace ?? null,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo ?? null,
      legalSource: r.legalSource,
      retiredReason: r.retiredReason ?? null,
    };
    await q
      .insert(standardRules)
      .values({ code: r.code, version: r.version, ownerUnitId: null, builtIn: true, ...values })
      .onConflictDoUpdate({
        target: [standardRules.code, standardRules.version],
        set: values,
        setWhere: sql`${standardRules.builtIn}`,
      });
  }
  await linkVersions(q, 'standard_rules');

  await freeVersions(q, eligibilityRules, ELIGIBILITY_PACK);
  for (const r of ELIGIBILITY_PACK) {
    const values = {
      purpose: r.purpose,
      titleVi: r.titleVi,
      titleEn: r.titleEn,
      conditions: r.conditions,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo ?? null,
      legalSource: r.legalSource,
      retiredReason: r.retiredReason ?? null,
    };
    await q
      .insert(eligibilityRules)
      .values({ code: r.code, version: r.version, ownerUnitId: null, builtIn: true, ...values })
      .onConflictDoUpdate({
        target: [eligibilityRules.code, eligibilityRules.version],
        set: values,
        setWhere: sql`${eligibilityRules.builtIn}`,
      });
  }
  await linkVersions(q, 'eligibility_rules');

  for (const s of RATING_SCALE_PACK) {
    const values = { categories: s.categories, scale: s.scale, legalSource: s.legalSource };
    await q
      .insert(ratingScales)
      .values({ code: s.code, effectiveFrom: s.effectiveFrom, builtIn: true, ...values })
      .onConflictDoUpdate({
        target: [ratingScales.code, ratingScales.effectiveFrom],
        set: values,
        setWhere: sql`${ratingScales.builtIn}`,
      });
  }
}
