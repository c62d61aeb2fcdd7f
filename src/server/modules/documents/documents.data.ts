/** What the documents of a class or plan are made from: read-only queries over the features. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { ClassRow } from '../classes/classes.queries';
import { policyAt } from '../policies/policies';
import { gradeLabel } from '../results/results.rules';

export interface LearnerFacts {
  nominationId: number;
  personId: number;
  name: string;
  birthDate: string | null;
  sex: string;
  post: string;
  unit: string;
  qualifications: string;
}

/** The learners of a class (approved nominations) in roster order, with their particulars in words. */
export async function classLearners(q: Queryable, classId: number): Promise<LearnerFacts[]> {
  return rowsOf<LearnerFacts>(
    await q.execute(sql`select n.id as "nominationId", p.id as "personId", p.full_name as name,
        p.birth_date::text as "birthDate", coalesce(g.label_vi, p.gender) as sex,
        coalesce(ps.label_vi, p.post, '') as post, u.name as unit,
        coalesce((select string_agg(coalesce(l.label_vi, q.level) || coalesce(' ' || q.major, ''), '; ' order by q.kind, q.id)
          from qualifications q left join code_items l on l.list = 'level_' || q.kind and l.code = q.level
          where q.person_id = p.id and q.deleted_at is null), '') as qualifications
      from class_nominations n join people p on p.id = n.person_id join org_units u on u.id = n.unit_id
      left join code_items g on g.list = 'gender' and g.code = p.gender
      left join code_items ps on ps.list = 'post' and ps.code = p.post_code
      where n.class_id = ${classId} and n.status = 'approved' order by p.sort_key, p.id`),
  ).map((r) => ({ ...r, nominationId: Number(r.nominationId), personId: Number(r.personId) }));
}

export interface ResultFacts {
  nominationId: number;
  average: number | null;
  attendancePct: number;
  passed: boolean;
  grade: string;
}

/** The computed results of a class by nomination, grades in words (the province's bands). */
export async function classResultsOf(q: Queryable, c: ClassRow): Promise<Map<number, ResultFacts>> {
  const bands = (await policyAt(q, 'class.grade_bands', c.endsOn, c.organiserPath)).value;
  const rows = rowsOf<{
    nominationId: number;
    average: string | null;
    attendancePct: string;
    passed: boolean;
    grade: string;
  }>(
    await q.execute(sql`select nomination_id as "nominationId", average::text, attendance_pct::text as "attendancePct",
        passed, grade from class_results where class_id = ${c.id}`),
  );
  return new Map(
    rows.map((r) => [
      Number(r.nominationId),
      {
        nominationId: Number(r.nominationId),
        average: r.average === null ? null : Number(r.average),
        attendancePct: Number(r.attendancePct),
        passed: r.passed,
        grade: gradeLabel(r.grade, bands).vi,
      },
    ]),
  );
}

/** The certificates of a class in number order (the register's lines for that class). */
export async function classCertificatesOf(q: Queryable, classId: number) {
  return rowsOf<{
    number: string;
    holderName: string;
    holderBirthDate: string | null;
    programmeName: string;
    gradeVi: string;
    issuedOn: string;
    status: string;
    nominationId: number;
  }>(
    await q.execute(sql`select number, holder_name as "holderName", holder_birth_date::text as "holderBirthDate",
        programme_name as "programmeName", grade_vi as "gradeVi", issued_on::text as "issuedOn", status,
        nomination_id as "nominationId"
      from certificates where class_id = ${classId} order by issued_on, id`),
  ).map((r) => ({ ...r, nominationId: Number(r.nominationId) }));
}

/** An org unit's name and its parent's (the header's issuing body and the body above it). */
export async function unitNames(q: Queryable, unitId: number) {
  return rowsOf<{ name: string; parentName: string | null; path: string }>(
    await q.execute(sql`select u.name, p.name as "parentName", u.path::text as path
      from org_units u left join org_units p on p.id = u.parent_id where u.id = ${unitId}`),
  )[0];
}

export interface PlanFacts {
  id: number;
  title: string;
  year: number;
  status: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  parentUnitId: number | null;
  version: number;
  lines: {
    programme: string;
    target: string;
    level: string;
    classes: number;
    trainees: number;
    periods: number | null;
  }[];
  /** The approving decision recorded on approval (ADR 038), when any. */
  decision: {
    no: string | null;
    date: string | null;
    signerName: string | null;
    signerTitle: string | null;
  } | null;
}

/** A plan with its live lines (kinds, target groups and levels in words) and its last approval. */
export async function planFacts(q: Queryable, planId: number): Promise<PlanFacts | undefined> {
  const [p] = rowsOf<Omit<PlanFacts, 'lines' | 'decision'>>(
    await q.execute(sql`select a.id, a.title, a.year, a.status, a.unit_id as "unitId", u.name as "unitName",
        u.path::text as "unitPath", u.parent_id as "parentUnitId", a.version
      from annual_plans a join org_units u on u.id = a.unit_id where a.id = ${planId}`),
  );
  if (!p) return undefined;
  const lines = rowsOf<PlanFacts['lines'][number]>(
    await q.execute(sql`select coalesce(k.label_vi, l.programme_kind) as programme,
        coalesce(tg.label_vi, l.target_code, 'Mọi đối tượng') as target, coalesce(lv.label_vi, l.level, '') as level,
        l.classes, l.trainees, l.periods
      from plan_lines l
      left join code_items k on k.list = 'programme_kind' and k.code = l.programme_kind
      left join code_items tg on tg.list = l.target_list and tg.code = l.target_code
      left join code_items lv on lv.code = l.level and lv.list like 'level_%'
        and lv.list = (select min(x.list) from code_items x where x.code = l.level and x.list like 'level_%')
      where l.plan_id = ${planId} and l.removed_at is null order by l.id`),
  ).map((l) => ({ ...l, classes: Number(l.classes), trainees: Number(l.trainees) }));
  const [d] = rowsOf<{
    no: string | null;
    date: string | null;
    signerName: string | null;
    signerTitle: string | null;
  }>(
    await q.execute(sql`select decision_no as no, decision_date::text as date, signer_name as "signerName",
        signer_title as "signerTitle" from annual_plan_versions where plan_id = ${planId} order by version desc limit 1`),
  );
  return {
    ...p,
    id: Number(p.id),
    unitId: Number(p.unitId),
    parentUnitId: p.parentUnitId === null ? null : Number(p.parentUnitId),
    lines,
    decision: d ?? null,
  };
}

/** A decision recorded on approval (number, date, signer), reused by the decision printed for it. */
export interface RecordedDecision {
  no: string;
  date: string | null;
  signerName: string | null;
  signerTitle: string | null;
}

/**
 * The decision sending the class's learners to study, when the nominations were approved by one
 * decision (ADR 053): every approved nomination records the same number and the same date (or
 * none). Anything less (some without, two numbers, two dates) is not clearly one decision: none.
 */
export async function classBatchDecision(q: Queryable, classId: number): Promise<RecordedDecision | null> {
  const [r] = rowsOf<{
    n: number;
    withNo: number;
    nos: number;
    dates: number;
    datesSet: number;
    signers: number;
    signersSet: number;
    no: string | null;
    date: string | null;
    signerName: string | null;
    signerTitle: string | null;
  }>(
    await q.execute(sql`select count(*)::int as n, count(decision_no)::int as "withNo",
        count(distinct decision_no)::int as nos, count(distinct decision_date)::int as dates,
        count(decision_date)::int as "datesSet", count(distinct signer_name)::int as signers,
        count(signer_name)::int as "signersSet", min(decision_no) as no, min(decision_date)::text as date,
        min(signer_name) as "signerName", min(signer_title) as "signerTitle"
      from class_nominations where class_id = ${classId} and status = 'approved'`),
  );
  if (!r || r.n === 0 || r.withNo !== r.n || r.nos !== 1 || !r.no) return null;
  if (!(r.datesSet === 0 || (r.datesSet === r.n && r.dates === 1))) return null;
  const oneSigner = r.signersSet === r.n && r.signers === 1;
  return {
    no: r.no,
    date: r.date,
    signerName: oneSigner ? r.signerName : null,
    signerTitle: oneSigner ? r.signerTitle : null,
  };
}

/** The last summons issued for a class (the learners' list prints as its annex). */
export async function lastSummons(q: Queryable, classId: number) {
  return rowsOf<{ number: string; issuedOn: string }>(
    await q.execute(sql`select number, issued_on::text as "issuedOn" from issued_documents
      where subject = 'class' and subject_id = ${classId} and kind = 'summons' order by id desc limit 1`),
  )[0];
}
