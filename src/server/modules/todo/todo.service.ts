/**
 * The to-do page (ADR 042): what waits for the actor in their subtree, counted, each with the page
 * where it is done. A reader: it counts the features' records and writes none. Counts that other
 * services already define (overdue trip reports, standards coming due) come from those services,
 * so the numbers match the pages the links open.
 */
import { type SQL, sql } from 'drizzle-orm';
import { can, type Permission } from '../../../contracts/roles';
import { GapsSummaryQuery } from '../../../contracts/standards';
import type { Todo, TodoKey } from '../../../contracts/todo';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { addDays, type Clock, todayOf } from '../../lib/dates';
import { createAbroadReportsService } from '../abroad/abroad.reports';
import { createGapsService } from '../standards/gaps.service';

/** "Starting soon": classes that start within this many days. */
export const SOON_DAYS = 30;

export function createTodoService({ db, clock }: { db: Db; clock: Clock }) {
  const abroad = createAbroadReportsService({ db, clock });
  const gaps = createGapsService({ db, clock });

  const count = async (q: SQL) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]?.n ?? 0);

  return {
    async get(actor: Actor): Promise<Todo> {
      const today = todayOf(clock);
      const soon = addDays(today, SOON_DAYS);
      const scope = actor.scopePath;
      // Each entry counts by one statement (`sql`) or, where another page defines the number, by
      // that page's service (`count`), so the two never disagree.
      const entries: ({ key: TodoKey; when: Permission; link: string } & (
        | { sql: SQL; count?: never }
        | { count: () => Promise<number>; sql?: never }
      ))[] = [
        {
          key: 'nominationsToDecide',
          when: 'classes.manage',
          link: '/classes?status=open_for_nomination',
          sql: sql`select count(*)::int as n from class_nominations n join classes c on c.id = n.class_id
              join org_units o on o.id = c.organiser_unit_id
              left join institutions i on i.id = c.institution_id left join org_units iu on iu.id = i.org_unit_id
              where n.status = 'pending' and c.status not in ('finished', 'closed', 'cancelled')
                and (o.path <@ ${scope}::ltree or iu.path <@ ${scope}::ltree)`,
        },
        {
          key: 'myNominationsWaiting',
          when: 'nominations.propose',
          link: '/classes',
          sql: sql`select count(*)::int as n from class_nominations n join org_units u on u.id = n.unit_id
              join classes c on c.id = n.class_id
              where n.status in ('pending', 'waitlisted') and u.path <@ ${scope}::ltree
                and c.status not in ('finished', 'closed', 'cancelled')`,
        },
        {
          key: 'classesOpen',
          when: 'nominations.propose',
          link: '/classes?status=open_for_nomination',
          sql: sql`select count(*)::int as n from classes c join org_units o on o.id = c.organiser_unit_id
              where c.status = 'open_for_nomination'
                and (c.nomination_deadline is null or c.nomination_deadline >= ${today}::date)
                and (o.path <@ ${scope}::ltree or o.path @> ${scope}::ltree)`,
        },
        {
          key: 'proposalsToSubmit',
          when: 'needs.propose',
          link: '/needs',
          sql: sql`select count(*)::int as n from needs_proposals p join needs_campaigns c on c.id = p.campaign_id
              join org_units u on u.id = p.unit_id
              where c.status = 'open' and p.status in ('draft', 'returned') and u.path <@ ${scope}::ltree`,
        },
        {
          key: 'proposalsToReview',
          when: 'needs.review',
          link: '/needs',
          sql: sql`select count(*)::int as n from needs_proposals p join needs_campaigns c on c.id = p.campaign_id
              join org_units r on r.id = p.reviewer_unit_id
              where c.status = 'open' and p.status = 'submitted' and r.path <@ ${scope}::ltree`,
        },
        {
          key: 'plansToReview',
          when: 'plans.manage',
          link: '/plans',
          sql: sql`select count(*)::int as n from annual_plans p join org_units u on u.id = p.unit_id
              where p.status = 'submitted' and u.path <@ ${scope}::ltree and u.id <> ${actor.scopeUnitId}`,
        },
        {
          key: 'reportsOverdue',
          when: 'abroad.read',
          link: '/abroad/overdue',
          count: async () => (await abroad.overdue(actor)).items.length,
        },
        {
          key: 'classesStarting',
          when: 'nominations.propose',
          link: '/classes',
          sql: sql`select count(distinct c.id)::int as n from classes c
              join class_nominations n on n.class_id = c.id join org_units u on u.id = n.unit_id
              where n.status = 'approved' and u.path <@ ${scope}::ltree
                and c.starts_on between ${today}::date and ${soon}::date and c.status <> 'cancelled'`,
        },
        {
          key: 'standardsDue',
          when: 'standards.read',
          link: '/standards/gaps',
          count: async () =>
            (await gaps.summary(actor, GapsSummaryQuery.parse({ unitId: actor.scopeUnitId }))).totals.due,
        },
      ];
      const mine = entries.filter((e) => can(actor.role, e.when));
      const items = [];
      // One after another: on PGlite there is one connection anyway, on PostgreSQL it spares the pool.
      for (const e of mine)
        items.push({ key: e.key, count: e.sql ? await count(e.sql) : await e.count(), link: e.link });
      return { asOf: today, soonDays: SOON_DAYS, items };
    },
  };
}
