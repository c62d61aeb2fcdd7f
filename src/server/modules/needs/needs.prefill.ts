/**
 * Opening a campaign: choose the participating units, give each a proposal with its reviewer, and
 * pre-fill the proposals from the standards gaps of their people. Everything is written with a
 * handful of set-based statements (INSERT ... SELECT FROM unnest), whatever the province's size.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { RuleRequirement } from '../../../contracts/rules';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { codeItems } from '../../db/schema/index';
import { listGapsForUnits } from '../standards/gaps.service';

/** Unit levels that make a proposal of their own (see ADR 008). */
export const PARTICIPATING_LEVELS = ['commune', 'agency'];
/** Qualification kinds whose gap is met by a programme of the same code. */
const SAME_KIND = new Set([
  'STATE_MANAGEMENT',
  'LEADERSHIP',
  'POLITICAL_THEORY',
  'IT',
  'FOREIGN_LANGUAGE',
  'DEFENCE_SECURITY',
]);
/** An education gap is a training need only from this level up (postgraduate study). */
const POSTGRADUATE_FROM = 'THAC_SI';

export interface ProgrammeNeed {
  programmeKind: string;
  level: string | null;
}

/**
 * The programme that closes a gap, or null when no programme does (e.g. a missing university
 * degree is not fostering). `educationRank` orders the levels of level_EDUCATION.
 */
export function programmeOfGap(
  req: RuleRequirement,
  educationRank: Map<string, number>,
): ProgrammeNeed | null {
  if (req.type === 'annual_periods') return { programmeKind: 'KNOWLEDGE_UPDATE', level: null };
  if (SAME_KIND.has(req.kind)) return { programmeKind: req.kind, level: req.minLevel };
  if (req.kind === 'EDUCATION') {
    const rank = educationRank.get(req.minLevel);
    const from = educationRank.get(POSTGRADUATE_FROM);
    if (rank !== undefined && from !== undefined && rank >= from)
      return { programmeKind: 'POSTGRADUATE', level: req.minLevel };
  }
  return null;
}

/** `1.4.27` -> [27, 4, 1]: a unit and its ancestors, nearest first (paths are ids, ADR 002). */
const upwards = (path: string) => path.split('.').map(Number).reverse();

interface UnitInfo {
  id: number;
  path: string;
  level: string;
  active: boolean;
  working: number;
}

/**
 * The participating units under `root` and their reviewers. A unit participates when it is active,
 * of level commune or agency, and someone works in it or below it; its reviewer is its nearest
 * participating ancestor, else the root. `owner(unitId)` finds the proposal unit that speaks for
 * any unit of the subtree (itself or its nearest participating ancestor).
 */
export async function participatingUnits(q: Queryable, root: { id: number; path: string }) {
  const units = rowsOf<UnitInfo>(
    await q.execute(sql`select u.id, u.path::text as path, u.level, u.valid_to is null as active,
        coalesce(w.n, 0)::int as working
      from org_units u
      left join (select unit_id, count(*) as n from people where status = 'WORKING' group by unit_id) w
        on w.unit_id = u.id
      where u.path <@ ${root.path}::ltree`),
  );
  const staffed = new Set<number>();
  for (const u of units) if (u.working > 0) for (const id of upwards(u.path)) staffed.add(id);
  const part = new Set(
    units
      .filter(
        (u) => u.id !== root.id && u.active && PARTICIPATING_LEVELS.includes(u.level) && staffed.has(u.id),
      )
      .map((u) => u.id),
  );
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const owner = (unitId: number): number | undefined => {
    const path = pathOf.get(unitId);
    return path ? upwards(path).find((id) => part.has(id)) : undefined;
  };
  const proposals = [...part].map((unitId) => ({
    unitId,
    reviewerUnitId:
      upwards(pathOf.get(unitId)!)
        .slice(1)
        .find((id) => part.has(id)) ?? root.id,
  }));
  return { proposals, owner };
}

/** A bound array parameter (drizzle would otherwise spread a JS array into a list). */
const arr = (values: readonly (string | number | null)[], type: 'int' | 'text'): SQL =>
  sql`${sql.param(values)}::${sql.raw(type)}[]`;

const CHUNK = 50_000;

/**
 * Create the proposals of a new campaign and pre-fill them from the gaps on `asOf`. Returns the
 * counts. Lines of the same person and programme (two rules wanting the same course) are merged,
 * keeping the highest priority.
 */
export async function prefillCampaign(
  q: Queryable,
  opts: {
    campaignId: number;
    root: { id: number; path: string };
    asOf: string;
    actorId: number;
    actorName: string;
  },
) {
  const started = performance.now();
  const { proposals, owner } = await participatingUnits(q, opts.root);
  const created = rowsOf<{ id: number; unitId: number }>(
    await q.execute(sql`insert into needs_proposals (campaign_id, unit_id, reviewer_unit_id)
      select ${opts.campaignId}, t.unit_id, t.reviewer_id
      from unnest(${arr(
        proposals.map((p) => p.unitId),
        'int',
      )}, ${arr(
        proposals.map((p) => p.reviewerUnitId),
        'int',
      )}) as t(unit_id, reviewer_id)
      returning id, unit_id as "unitId"`),
  );
  const proposalOf = new Map(created.map((p) => [Number(p.unitId), Number(p.id)]));

  const gaps = await listGapsForUnits(q, { scopePath: opts.root.path, asOf: opts.asOf });
  const eduRows = await q
    .select({ code: codeItems.code, meta: codeItems.meta })
    .from(codeItems)
    .where(sql`${codeItems.list} = 'level_EDUCATION'`);
  const educationRank = new Map(eduRows.map((r) => [r.code, Number(r.meta.rank ?? 0)]));

  const lines = new Map<
    string,
    { proposalId: number; personId: number; need: ProgrammeNeed; priority: number; ruleCode: string }
  >();
  let skipped = 0;
  for (const g of gaps) {
    const need = programmeOfGap(g.requirement, educationRank);
    const ownerUnit = owner(g.unitId);
    const proposalId = ownerUnit === undefined ? undefined : proposalOf.get(ownerUnit);
    if (!need || proposalId === undefined) {
      skipped++;
      continue;
    }
    const priority = g.status === 'missing' ? 1 : 2;
    const key = `${proposalId}|${g.personId}|${need.programmeKind}|${need.level ?? ''}`;
    const seen = lines.get(key);
    if (!seen || priority < seen.priority)
      lines.set(key, { proposalId, personId: g.personId, need, priority, ruleCode: g.ruleCode });
  }
  const all = [...lines.values()];
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = all.slice(i, i + CHUNK);
    await q.execute(sql`insert into needs_lines
        (proposal_id, person_id, programme_kind, level, priority, quantity, source, rule_code)
      select t.proposal_id, t.person_id, t.kind, t.level, t.priority, 1, 'gap', t.rule_code
      from unnest(${arr(
        part.map((l) => l.proposalId),
        'int',
      )}, ${arr(
        part.map((l) => l.personId),
        'int',
      )}, ${arr(
        part.map((l) => l.need.programmeKind),
        'text',
      )}, ${arr(
        part.map((l) => l.need.level),
        'text',
      )}, ${arr(
        part.map((l) => l.priority),
        'int',
      )}, ${arr(
        part.map((l) => l.ruleCode),
        'text',
      )}) as t(proposal_id, person_id, kind, level, priority, rule_code)`);
  }
  await q.execute(sql`insert into needs_events (proposal_id, action, actor_id, actor_name)
    select id, 'prefill', ${opts.actorId || null}::int, ${opts.actorName} from needs_proposals
    where campaign_id = ${opts.campaignId}`);
  return {
    proposals: created.length,
    gaps: gaps.length,
    lines: all.length,
    skipped,
    ms: Math.round(performance.now() - started),
  };
}
