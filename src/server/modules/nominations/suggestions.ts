/**
 * The nomination assistant (ADR 012): who of my subtree should go to this class. People working
 * today with a gap the class's programme fills (a qualification standard whose minimum the granted
 * qualification meets; for a programme granting none, the yearly fostering periods), not already
 * nominated to it, those already late first, then by deadline, those in leadership planning
 * first, then by name. The gap SQL of the standards module does the work, set-based, with the
 * ordering and the limit inside the statement: a province is never loaded into memory.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Suggestions, SuggestionsQuery } from '../../../contracts/nominations';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { findProgramme } from '../catalogue/programmes.queries';
import { assertVisible } from '../classes/classes.policy';
import { findClass } from '../classes/classes.queries';
import { rankOf } from '../standards/codebook';
import { execRows } from '../standards/gaps.exec';
import { gapsOf, loadGapContext } from '../standards/gaps.queries';
import { learnerClashes } from './nominations.warnings';

interface Raw {
  person_id: number;
  unit_id: number;
  gaps: { ruleId: number; ruleCode: string; status: 'missing' | 'due'; dueBy: string | null }[];
  total: number;
}

export async function suggestNominees(
  db: Db,
  clock: Clock,
  actor: Actor,
  classId: number,
  query: z.infer<typeof SuggestionsQuery>,
): Promise<z.infer<typeof Suggestions>> {
  requirePermission(actor, 'nominations.propose');
  const c = assertVisible(actor, await findClass(db, classId));
  const unit = await getUnitInScope(db, actor, query.unitId ?? actor.scopeUnitId);
  const today = todayOf(clock);
  const programme = await findProgramme(db, c.programmeId);
  const grants = { kind: programme?.grantsKind ?? null, level: programme?.grantsLevel ?? null };
  const ctx = await loadGapContext(db, today, undefined, { today, refresh: true });
  const granted = grants?.kind && grants.level ? rankOf(ctx.book, grants.kind, grants.level) : undefined;
  const placements = ctx.placements.filter(({ rule: { requirement: r } }) => {
    if (!grants?.kind || !grants.level) return r.type === 'annual_periods';
    if (r.type !== 'qualification' || r.kind !== grants.kind) return false;
    const min = rankOf(ctx.book, r.kind, r.minLevel);
    return r.minLevel === grants.level || (granted !== undefined && min !== undefined && granted >= min);
  });
  const ruleCodes = [...new Set(placements.map((p) => p.rule.code))].sort();
  if (placements.length === 0) return { classId, ruleCodes, items: [], more: 0 };

  const tail = sql`select g.person_id, g.unit_id, count(*) over ()::int as total,
      json_agg(json_build_object('ruleId', g.rule_id, 'ruleCode', g.rule_code, 'status', g.status,
        'dueBy', g.due_by::text) order by g.rule_code) as gaps
    from gaps g join people p on p.id = g.person_id
    where not exists (select 1 from class_nominations n where n.class_id = ${classId}
      and n.person_id = g.person_id and n.status in ('pending', 'approved', 'waitlisted'))
    group by g.person_id, g.unit_id, p.planning_title, p.sort_key
    order by bool_or(g.status = 'missing') desc, min(g.due_by) nulls last,
      (p.planning_title is not null) desc, p.sort_key, g.person_id
    limit ${query.limit}`;
  const rows = await execRows<Raw>(
    db,
    gapsOf(ctx, { asOf: today, scopePath: actor.scopePath, unitPath: unit.path }, tail, placements),
  );
  const ids = rows.map((r) => Number(r.person_id));
  const people = ids.length
    ? rowsOf<{
        id: number;
        fullName: string;
        birthDate: string | null;
        unitName: string;
        rankCode: string | null;
        postCode: string | null;
        planningTitle: string | null;
      }>(
        await db.execute(sql`select p.id, p.full_name as "fullName", p.birth_date::text as "birthDate",
            u.name as "unitName", p.rank as "rankCode", p.post_code as "postCode", p.planning_title as "planningTitle"
          from people p join org_units u on u.id = p.unit_id where p.id = any(${sql.param(ids)}::int[])`),
      )
    : [];
  const byId = new Map(people.map((p) => [Number(p.id), p]));
  const clashes = await learnerClashes(db, actor, c, ids);
  return {
    classId,
    ruleCodes,
    items: rows.map((r) => {
      const id = Number(r.person_id);
      const p = byId.get(id)!;
      return {
        personId: id,
        fullName: p.fullName,
        birthDate: p.birthDate,
        unitId: Number(r.unit_id),
        unitName: p.unitName,
        rankCode: p.rankCode,
        postCode: p.postCode,
        planningTitle: p.planningTitle,
        gaps: r.gaps.map((g) => {
          const rule = ctx.rules.get(Number(g.ruleId))!;
          return {
            ruleCode: g.ruleCode,
            title: { vi: rule.titleVi, en: rule.titleEn },
            status: g.status,
            dueBy: g.dueBy,
          };
        }),
        clash: clashes.get(id) ?? null,
      };
    }),
    more: Math.max(0, (rows[0] ? Number(rows[0].total) : 0) - rows.length),
  };
}
