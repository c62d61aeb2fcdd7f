/**
 * The demo catalogue: ~28 programmes with topics, the institutions (the provincial political
 * school linked to its org unit) and ~40 lecturers with periods taught in the two previous
 * years. A handful of multi-row inserts; the catalogue is small.
 */
import { sql } from 'drizzle-orm';
import { nameSortKey } from '../../contracts/text';
import type { Queryable } from '../db/client';
import {
  institutions,
  lecturerHours,
  lecturerInstitutions,
  lecturers,
  programmes,
  programmeTopics,
} from '../db/schema/index';
import { institutionSearchName, lecturerSearchName } from '../modules/catalogue/institutions.queries';
import { programmeSearchName } from '../modules/catalogue/programmes.queries';
import { DEMO_PROGRAMMES, SHARED_TOPICS } from './catalogue-data';
import { DEMO_INSTITUTIONS, DEMO_INVITED, SCHOOL_SUBJECTS } from './catalogue-people-data';
import { SCHOOL_NAME } from './quang-ninh';
import { queryRows } from './sql-util';

export interface DemoCatalogueResult {
  programmes: number;
  institutions: number;
  lecturers: number;
}

/**
 * A programme's plausible length in calendar days (issue 16): at least its teaching days at 8
 * periods a day, at most seven times that (taught part-time, one day a week). So Cao cấp LLCT's
 * 1,520 periods take 190 days to about three and a half years, never 7 weeks.
 */
export function typicalDays(periods: number): { typicalDaysMin: number; typicalDaysMax: number } {
  const teachingDays = Math.max(1, Math.ceil(periods / 8));
  return { typicalDaysMin: teachingDays, typicalDaysMax: teachingDays * 7 };
}

export async function seedDemoCatalogue(
  db: Queryable,
  opts: { today?: Date } = {},
): Promise<DemoCatalogueResult> {
  const [root] = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM org_units WHERE parent_id IS NULL AND level = 'province' ORDER BY id LIMIT 1`,
  );
  if (!root) throw new Error('seedDemoCatalogue: no province root unit');
  const rootId = Number(root.id);
  const [school] = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM org_units WHERE name = ${SCHOOL_NAME} AND valid_to IS NULL ORDER BY id LIMIT 1`,
  );
  const schoolId = school ? Number(school.id) : null;
  const year = (opts.today ?? new Date()).getFullYear();

  const saved = await db
    .insert(programmes)
    .values(
      DEMO_PROGRAMMES.map((p) => ({
        ownerUnitId: rootId,
        code: p.code,
        nameVi: p.nameVi,
        nameEn: p.nameEn,
        searchName: programmeSearchName(p),
        kind: p.kind,
        level: p.level,
        periods: p.periods,
        mode: p.mode,
        grantsKind: p.grants?.[0] ?? null,
        grantsLevel: p.grants?.[1] ?? null,
        organiserLevels: p.organisers,
        legalBasis: p.legalBasis,
        ...typicalDays(p.periods),
        // Content named after a year (new laws of 2025) is taught from then; the rest long before.
        effectiveFrom: /2025/.test(p.nameVi) ? '2025-07-01' : '2018-01-01',
      })),
    )
    .returning({ id: programmes.id, code: programmes.code });
  const idOf = new Map(saved.map((r) => [r.code, r.id]));
  // A topic given as [code, periods] reuses the name it has elsewhere: the same code is the same content.
  const topicNames = new Map(Object.entries(SHARED_TOPICS));
  for (const t of DEMO_PROGRAMMES.flatMap((p) => p.topics)) if (t.length === 3) topicNames.set(t[0], t[1]);
  await db.insert(programmeTopics).values(
    DEMO_PROGRAMMES.flatMap((p) =>
      p.topics.map((t, i) => {
        const [topicCode, name, periods] = t.length === 3 ? t : [t[0], topicNames.get(t[0]), t[1]];
        if (!name) throw new Error(`demo topic ${topicCode} has no name`);
        return { programmeId: idOf.get(p.code)!, position: i + 1, topicCode, name, periods };
      }),
    ),
  );

  const inst = await db
    .insert(institutions)
    .values(
      DEMO_INSTITUTIONS.map((i) => ({
        ownerUnitId: rootId,
        kind: i.kind,
        name: i.name,
        shortName: i.shortName,
        searchName: institutionSearchName(i),
        address: i.address,
        phone: i.phone ?? null,
        website: i.website ?? null,
        orgUnitId: i.isOrgUnit ? schoolId : null,
      })),
    )
    .returning({ id: institutions.id, shortName: institutions.shortName });
  const instOf = new Map(inst.map((r) => [r.shortName!, r.id]));

  // The school's own lecturers are people working in the school; the school keeps them.
  const staff = schoolId
    ? await queryRows<{ id: number; full_name: string }>(
        db,
        sql`SELECT p.id, p.full_name FROM people p JOIN org_units u ON u.id = p.unit_id
          WHERE u.path <@ (SELECT path FROM org_units WHERE id = ${schoolId}) AND p.status = 'WORKING'
          ORDER BY p.id LIMIT ${SCHOOL_SUBJECTS.length}`,
      )
    : [];
  const rows = [
    ...DEMO_INVITED.map(([fullName, workplace, degree, academicTitle, , subjects]) => ({
      ownerUnitId: rootId,
      kind: 'invited',
      personId: null,
      fullName,
      searchName: lecturerSearchName({ fullName, workplace, subjects }),
      sortKey: nameSortKey(fullName),
      workplace,
      degree,
      academicTitle,
      subjects,
    })),
    ...staff.map((s, i) => ({
      ownerUnitId: schoolId!,
      kind: 'internal',
      personId: Number(s.id),
      fullName: s.full_name,
      searchName: lecturerSearchName({
        fullName: s.full_name,
        workplace: SCHOOL_NAME,
        subjects: SCHOOL_SUBJECTS[i],
      }),
      sortKey: nameSortKey(s.full_name),
      workplace: SCHOOL_NAME,
      degree: i % 3 === 0 ? 'TIEN_SI' : 'THAC_SI',
      academicTitle: null,
      subjects: SCHOOL_SUBJECTS[i],
    })),
  ];
  const lects = await db.insert(lecturers).values(rows).returning({ id: lecturers.id });
  const links = [
    ...DEMO_INVITED.flatMap(([, , , , shortNames], i) =>
      shortNames.map((s) => ({ lecturerId: lects[i].id, institutionId: instOf.get(s)! })),
    ),
    ...staff.map((_, i) => ({
      lecturerId: lects[DEMO_INVITED.length + i].id,
      institutionId: instOf.get('TCT NVC')!,
    })),
  ].filter((l) => l.institutionId);
  if (links.length) await db.insert(lecturerInstitutions).values(links);
  // Periods taught in the two previous years: school staff teach most, invited lecturers a few modules.
  await db.insert(lecturerHours).values(
    lects.flatMap((l, i) =>
      [year - 2, year - 1].map((y, k) => ({
        lecturerId: l.id,
        year: y,
        source: 'manual',
        periods: rows[i].kind === 'internal' ? 180 + ((i * 37 + k * 23) % 120) : 16 + ((i * 13 + k * 7) % 48),
        note: 'Số liệu trước khi dùng hệ thống',
      })),
    ),
  );
  return { programmes: saved.length, institutions: inst.length, lecturers: lects.length };
}
