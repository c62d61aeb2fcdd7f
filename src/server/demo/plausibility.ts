/**
 * Classes a training office would reject on sight (issue 16), judged by the programme's own data:
 * a length outside its typical days, an organiser whose level may not organise it, a start before
 * the programme is in force (nothing on 2025's laws taught in 2024). The demo is tested against it.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { queryRows } from './sql-util';

export interface Implausible {
  code: string;
  programme: string;
  why: 'length' | 'organiser' | 'not_in_force';
  detail: string;
}

export async function implausibleClasses(db: Queryable): Promise<Implausible[]> {
  return queryRows<Implausible>(
    db,
    sql`select c.code, p.name_vi as programme, w.why, w.detail
      from classes c join programmes p on p.id = c.programme_id join org_units u on u.id = c.organiser_unit_id
      cross join lateral (values
        ('length', (c.ends_on - c.starts_on + 1) || ' ngày, cần ' || p.typical_days_min || '–' || p.typical_days_max,
          p.typical_days_min is not null and (c.ends_on - c.starts_on + 1 < p.typical_days_min
            or c.ends_on - c.starts_on + 1 > p.typical_days_max)),
        ('organiser', u.level || ' không thuộc ' || array_to_string(p.organiser_levels, ', '),
          not ((case when u.level in ('district', 'commune') then 'commune' else u.level end) = any(p.organiser_levels))),
        ('not_in_force', c.starts_on::text || ' trước ' || p.effective_from::text, c.starts_on < p.effective_from)
      ) as w(why, detail, bad)
      where w.bad and c.status <> 'cancelled'
      order by c.code`,
  );
}
