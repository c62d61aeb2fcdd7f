/**
 * The people list as .xlsx in the staff-list import layout (same headers, dd/mm/yyyy dates),
 * with the list's filters: exported rows import back as they were (ADR 018). Code columns are
 * written in words ("Nữ", "Kinh", "Công chức"), which the import reads back (ADR 041). Rows are
 * read in keyset pages of 2,000 in roster order and streamed, so memory stays flat.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { orgUnits, people } from '../../db/schema/index';
import type { ListColumn } from '../../lib/xlsx-write';
import { loadCodeWords } from '../codes/resolve';
import { PEOPLE_COLUMNS } from './people.columns';
import { conditions, type PeopleFilter } from './people.queries';

const PAGE = 2_000;

export const EXPORT_COLUMNS: ListColumn[] = PEOPLE_COLUMNS.map((c) => ({
  key: c.key,
  label: c.vi,
  kind: c.type === 'date' ? 'date' : 'text',
}));

/** The code columns of the layout and their lists. */
const CODE_COLUMNS = PEOPLE_COLUMNS.filter((c) => c.type === 'code' && c.list).map((c) => ({
  key: c.key,
  list: c.list as string,
}));

export async function* exportRows(q: Queryable, f: PeopleFilter): AsyncGenerator<Record<string, unknown>> {
  const word = await loadCodeWords(
    q,
    CODE_COLUMNS.map((c) => c.list),
  );
  let after: { sortKey: string; id: number } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? sql`(${people.sortKey} collate "C", ${people.id}) > (${after.sortKey} collate "C", ${after.id})`
      : undefined;
    const rows = await q
      .select({ p: people, unitCode: orgUnits.code })
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(and(...conditions(f, true), keyset))
      .orderBy(sql`${people.sortKey} collate "C"`, people.id)
      .limit(PAGE);
    for (const { p, unitCode } of rows) {
      const record: Record<string, unknown> = {
        full_name: p.fullName,
        birth_date: p.birthDate,
        gender: p.gender,
        ethnicity: p.ethnicity,
        pid: p.personalId,
        party_member: p.partyMember ? 'Có' : 'Không',
        party_join_date: p.partyJoinDate,
        category: p.category,
        rank: p.rank,
        post_code: p.postCode,
        post: p.post,
        leadership_tier: p.leadershipTier,
        appointed_on: p.appointedOn,
        unit_code: unitCode,
        management_authority: p.managementAuthority,
        planning_title: p.planningTitle,
        status: p.status,
        service_start: p.serviceStart,
      };
      for (const c of CODE_COLUMNS) record[c.key] = word(c.list, record[c.key] as string | null);
      yield record;
    }
    if (rows.length < PAGE) return;
    const last: typeof people.$inferSelect = rows[rows.length - 1].p;
    after = { sortKey: last.sortKey, id: last.id };
  }
}
