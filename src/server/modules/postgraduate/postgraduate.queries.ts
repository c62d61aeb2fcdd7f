/** Reading sponsorships with the person, the sponsoring unit's path and the institution's name. */
import { type SQL, sql } from 'drizzle-orm';
import type { SPONSORSHIP_SORT_KEYS } from '../../../contracts/postgraduate';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';

export interface SponsorshipRow {
  id: number;
  personId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  personUnitPath: string;
  field: string;
  level: 'THAC_SI' | 'TIEN_SI';
  institutionId: number | null;
  institutionName: string;
  country: string;
  startsOn: string;
  expectedEndsOn: string;
  actualEndsOn: string | null;
  funding: Record<string, number>;
  decisionNo: string | null;
  planLineId: number | null;
  status: 'studying' | 'graduated' | 'no_diploma' | 'dropped_out';
  eligibleAtStart: boolean;
  diplomaNo: string | null;
  diplomaDate: string | null;
  outcomeNote: string | null;
  leftOn: string | null;
  leftReason: string | null;
  qualificationId: number | null;
  note: string | null;
  version: number;
}

const SELECT = sql`select s.id, s.person_id as "personId", p.full_name as "fullName", s.unit_id as "unitId",
    u.name as "unitName", u.path::text as "unitPath", pu.path::text as "personUnitPath", s.field, s.level,
    s.institution_id as "institutionId", coalesce(i.name, s.institution_name) as "institutionName", s.country,
    s.starts_on::text as "startsOn", s.expected_ends_on::text as "expectedEndsOn",
    s.actual_ends_on::text as "actualEndsOn", s.funding, s.decision_no as "decisionNo", s.status,
    s.plan_line_id as "planLineId",
    s.eligible_at_start as "eligibleAtStart", s.diploma_no as "diplomaNo", s.diploma_date::text as "diplomaDate",
    s.outcome_note as "outcomeNote", s.left_on::text as "leftOn", s.left_reason as "leftReason",
    s.qualification_id as "qualificationId", s.note, s.version, p.sort_key
  from postgrad_sponsorships s
  join people p on p.id = s.person_id
  join org_units pu on pu.id = p.unit_id
  join org_units u on u.id = s.unit_id
  left join institutions i on i.id = s.institution_id`;

const norm = (r: SponsorshipRow): SponsorshipRow => ({
  ...r,
  id: Number(r.id),
  personId: Number(r.personId),
  unitId: Number(r.unitId),
  institutionId: r.institutionId === null ? null : Number(r.institutionId),
  qualificationId: r.qualificationId === null ? null : Number(r.qualificationId),
  planLineId: r.planLineId === null ? null : Number(r.planLineId),
});

export async function findSponsorship(q: Queryable, id: number): Promise<SponsorshipRow | undefined> {
  const [row] = rowsOf<SponsorshipRow>(await q.execute(sql`${SELECT} where s.id = ${id}`));
  return row ? norm(row) : undefined;
}

type SponsorshipSortKey = (typeof SPONSORSHIP_SORT_KEYS)[number];

/** The list's sort keys over the selected row `x` (texts in Vietnamese order). */
const SORT_EXPRS: Record<SponsorshipSortKey, SQL> = {
  fullName: sql`x.sort_key collate "C"`,
  field: viOrder(sql`x.field`),
  institution: viOrder(sql`x."institutionName"`),
  startsOn: sql`x."startsOn"`,
};

export async function pageSponsorships(
  q: Queryable,
  where: SQL[],
  page: { offset: number; limit: number },
  sort?: SponsorshipSortKey | `-${SponsorshipSortKey}`,
) {
  const order = sortedBy(sort, SORT_EXPRS, sql`x."startsOn" desc, x.sort_key collate "C", x.id`);
  const rows = rowsOf<SponsorshipRow & { total: number }>(
    await q.execute(sql`select *, count(*) over () as total from (${SELECT} where ${sql.join(where, sql` and `)}) x
      order by ${order} limit ${page.limit} offset ${page.offset}`),
  );
  return { rows: rows.map(norm), total: rows.length ? Number(rows[0].total) : 0 };
}

export async function sponsorshipsOfPerson(q: Queryable, personId: number) {
  return rowsOf<SponsorshipRow>(
    await q.execute(sql`${SELECT} where s.person_id = ${personId} order by s.starts_on desc, s.id desc`),
  ).map(norm);
}
