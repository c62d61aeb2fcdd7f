/**
 * The SQL of a layout (ADR 021). `membersSql`: which people each row counts (one VALUES list of
 * the rows' selectors joined once to the staff of the subtree). `factsSql`: for each column, the
 * people its measure counts (one branch per measure kind present, not one per cell). A cell is
 * `count(distinct person)` of members joined to facts on the person.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { LayoutColumn, LayoutRow } from '../../../../contracts/report-layouts';
import type { PostFilters } from '../../../../contracts/reports';
import { categoryAtSql } from '../../codes/categories';
import { andPostFilter, hasPostFilter, postAtSql } from '../../codes/post-filters';
import { OPENED } from '../../plans/plan-actual';
import type { Codebook } from '../../standards/codebook';
import { arr } from '../../standards/gaps.sql';
import { UNIT_TIERS } from '../framework';
import { heldSql, keysAtLeast } from '../qualification-structure/held.sql';

export interface LayoutScope {
  path: string;
  from: string;
  to: string;
  /** The report's post filters (ADR 048): every row counts only people of that group / post. */
  posts?: PostFilters;
}

const list = (v: readonly string[] | undefined) => (v?.length ? arr(v, 'text') : sql`null::text[]`);

/**
 * SQL `k, person_id`: the people of the subtree (any status) in each row's group: the category
 * and the post each held on the report's reference date (`to`; the category through the mapping of
 * ADR 043, the post as ADR 061), the rest by their current record. Both are read once per person
 * (the `offset 0` keeps it so); the post filters and the rows' post groups use that post.
 */
export function membersSql(rows: LayoutRow[], s: LayoutScope): SQL {
  const values = rows.map(
    (r) =>
      sql`(${r.key}::text, ${list(r.selector.category)}, ${list(r.selector.level)}, ${list(r.selector.rank)}, ${list(r.selector.leadershipTier)}, ${list(r.selector.postGroup)})`,
  );
  // The dated post costs a subquery per person: read it only when a filter or a row asks for it.
  const byPost = hasPostFilter(s.posts ?? {}) || rows.some((r) => r.selector.postGroup?.length);
  const post = byPost ? postAtSql('p', sql`${s.to}::date`) : sql`p.post_code`;
  return sql`select r.k, p.id as person_id
    from (select * from (select p.id, p.rank, p.leadership_tier, ${post} as post_code,
            ut.tier, ${categoryAtSql('p', sql`${s.to}::date`)} as category
          from people p join org_units u on u.id = p.unit_id join ${UNIT_TIERS} ut on ut.id = u.id
          where u.path <@ ${s.path}::ltree offset 0) p0 where true${andPostFilter(sql`p0.post_code`, s.posts ?? {})}) p
    left join code_items pc on pc.list = 'post' and pc.code = p.post_code
    join (values ${sql.join(values, sql`, `)}) as r(k, cats, levels, ranks, tiers, pgroups)
      on (r.cats is null or p.category = any(r.cats)) and (r.levels is null or p.tier = any(r.levels))
        and (r.ranks is null or p.rank = any(r.ranks)) and (r.tiers is null or p.leadership_tier = any(r.tiers))
        and (r.pgroups is null or pc.meta->>'group' = any(r.pgroups))`;
}

/** SQL `c, person_id, detail`: who each column counts (detail for trained and abroad: the class or delegation). */
export function factsSql(columns: LayoutColumn[], book: Codebook, s: LayoutScope): SQL | null {
  const branches: SQL[] = [];
  const working = sql`select p.id from people p join org_units u on u.id = p.unit_id
    where p.status = 'WORKING' and u.path <@ ${s.path}::ltree`;

  const held = columns.flatMap((c) =>
    c.measure.measure === 'staff'
      ? [sql`(${c.key}::text, null::text[])`]
      : c.measure.measure === 'holds'
        ? [sql`(${c.key}::text, ${arr(keysAtLeast(book, c.measure.kind, c.measure.minLevel), 'text')})`]
        : [],
  );
  if (held.length)
    branches.push(sql`select c.c, w.id as person_id, null::text as detail
      from (${working}) w left join (${heldSql(working)}) h on h.person_id = w.id
      join (values ${sql.join(held, sql`, `)}) as c(c, keys) on c.keys is null or coalesce(h.held && c.keys, false)`);

  const trained = columns.flatMap((c) =>
    c.measure.measure === 'trained'
      ? [sql`(${c.key}::text, ${c.measure.programmeKind}::text, ${c.measure.level ?? null}::text)`]
      : [],
  );
  if (trained.length)
    branches.push(sql`select c.c, n.person_id, cl.name as detail
      from class_nominations n join classes cl on cl.id = n.class_id join programmes pr on pr.id = cl.programme_id
      join (values ${sql.join(trained, sql`, `)}) as c(c, kind, level)
        on pr.kind = c.kind and (c.level is null or pr.level = c.level)
      where n.status = 'approved' and cl.status in (${sql.raw(OPENED)})
        and cl.ends_on between ${s.from}::date and ${s.to}::date`);

  const abroad = columns.filter((c) => c.measure.measure === 'abroad').map((c) => sql`(${c.key}::text)`);
  if (abroad.length)
    branches.push(sql`select c.c, m.person_id, d.name || ' (' || d.country || ')' as detail
      from abroad_members m join abroad_delegations d on d.id = m.delegation_id
      cross join (values ${sql.join(abroad, sql`, `)}) as c(c)
      where d.status <> 'cancelled' and d.departs_on between ${s.from}::date and ${s.to}::date`);

  const rated = columns.flatMap((c) =>
    c.measure.measure === 'rated' ? [sql`(${c.key}::text, ${c.measure.minRating}::text)`] : [],
  );
  // The report's year is the year its period ends in; "or better" follows the code list's order.
  if (rated.length)
    branches.push(sql`select c.c, r.person_id, ci.label_vi as detail
      from annual_ratings r join code_items ci on ci.list = 'annual_rating' and ci.code = r.rating
      join (values ${sql.join(rated, sql`, `)}) as c(c, min_rating)
        on ci.sort <= (select m.sort from code_items m where m.list = 'annual_rating' and m.code = c.min_rating)
      where r.year = extract(year from ${s.to}::date)::int`);

  return branches.length ? sql.join(branches, sql` union all `) : null;
}
