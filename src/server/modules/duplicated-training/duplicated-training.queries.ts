/** Reading the classes of a year and, one class at a time, the seat holders the actor may see. */
import { sql } from 'drizzle-orm';
import { SEAT_HOLDING } from '../../../contracts/nominations';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { classVisibleSql } from '../classes/classes.policy';

export interface YearClass {
  id: number;
  code: string;
  name: string;
  startsOn: string;
  organiserPath: string;
  institutionPath: string | null;
  budget: Record<string, number>;
  programmeId: number;
  programmePeriods: number;
  grantsKind: string | null;
  grantsLevel: string | null;
}

/** The classes of a year the actor sees (classVisibleSql), cancelled ones left out, in date order. */
export async function visibleClassesOfYear(q: Queryable, actor: Actor, year: number): Promise<YearClass[]> {
  return rowsOf<YearClass>(
    await q.execute(sql`select c.id, c.code, c.name, c.starts_on::text as "startsOn",
        o.path::text as "organiserPath", iu.path::text as "institutionPath", c.budget,
        p.id as "programmeId", p.periods as "programmePeriods",
        p.grants_kind as "grantsKind", p.grants_level as "grantsLevel"
      from classes c
      join programmes p on p.id = c.programme_id
      join org_units o on o.id = c.organiser_unit_id
      left join institutions i on i.id = c.institution_id
      left join org_units iu on iu.id = i.org_unit_id
      where c.year = ${year} and c.status <> 'cancelled' and ${classVisibleSql(actor)}
      order by c.starts_on, c.code, c.id`),
  );
}

export interface SeatHolder {
  nominationId: number;
  personId: number;
  personName: string;
  /** The person's current unit lies in the actor's subtree. */
  personInScope: boolean;
  unitName: string;
  status: 'pending' | 'approved';
  /** Every seat holder of the class, shown or not (the divisor of the cost per trainee). */
  classHolders: number;
}

/**
 * The seat-holding nominations of one class: all of them when `allUnits` (the actor manages the
 * class), else those sent by units of the actor's subtree; `underPath` narrows to a unit's
 * subtree. One statement, so the count of holders matches the rows read.
 */
export async function seatHoldersOf(
  q: Queryable,
  actor: Actor,
  classId: number,
  opts: { allUnits: boolean; underPath: string | null },
): Promise<SeatHolder[]> {
  const statuses = sql`${sql.param([...SEAT_HOLDING])}::text[]`;
  return rowsOf<SeatHolder>(
    await q.execute(sql`select * from (
        select n.id as "nominationId", n.person_id as "personId", p.full_name as "personName",
          (pu.path <@ ${actor.scopePath}::ltree) as "personInScope", nu.name as "unitName", n.status,
          count(*) over ()::int as "classHolders", nu.path as unit_path, p.sort_key
        from class_nominations n
        join people p on p.id = n.person_id
        join org_units pu on pu.id = p.unit_id
        join org_units nu on nu.id = n.unit_id
        where n.class_id = ${classId} and n.status = any(${statuses})) x
      where (${opts.allUnits}::boolean or unit_path <@ ${actor.scopePath}::ltree)
        and (${opts.underPath}::ltree is null or unit_path <@ ${opts.underPath}::ltree)
      order by sort_key collate "C", "nominationId"`),
  );
}
