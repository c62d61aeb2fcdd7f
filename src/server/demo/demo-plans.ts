/**
 * Demo plans: the province's multi-year programme 2026-2030 with targets, its approved 2026 plan
 * (about twenty lines, version 1 frozen) and its draft 2027 plan, plus a commune's draft 2027 plan.
 * Figures are invented but sized like Quảng Ninh's (domain.md). Each table is written with one
 * INSERT ... SELECT over a JSON array (set-based), whatever the number of lines.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { DEMO_COMMUNE } from './demo-users';
import { queryRows } from './sql-util';

type Line = [
  kind: string,
  level: string | null,
  target: string | null,
  classes: number,
  trainees: number,
  periods: number | null,
  perTrainee: number,
  note?: string,
];

/** Budget of a line in VND: mostly the provincial budget, a fifth from the units; learners pay for language courses. */
function budget(kind: string, trainees: number, perTrainee: number): Record<string, number> {
  const total = trainees * perTrainee * 1000;
  if (kind === 'FOREIGN_LANGUAGE') return { NST: total / 2, HOC_VIEN: total / 2 };
  if (kind === 'ABROAD') return { NSTW: total * 0.3, NST: total * 0.6, KHAC: total * 0.1 };
  if (kind === 'POSTGRADUATE') return { NST: total * 0.7, HOC_VIEN: total * 0.3 };
  return { NST: total * 0.8, NSDV: total * 0.2 };
}

const TIER = 'leadership_tier';
const CAT = 'category';
// kind, level, target group "list:code", classes, trainees, periods per class, thousand VND per trainee
const LINES_2026: Line[] = [
  [
    'POLITICAL_THEORY',
    'CAO_CAP',
    null,
    2,
    160,
    null,
    18_000,
    'Hệ không tập trung, Học viện Chính trị khu vực I',
  ],
  ['POLITICAL_THEORY', 'TRUNG_CAP', null, 8, 640, null, 6_000, 'Trường Chính trị Nguyễn Văn Cừ'],
  ['POLITICAL_THEORY', 'SO_CAP', `${CAT}:CC`, 10, 800, 200, 1_500],
  ['STATE_MANAGEMENT', 'CVCC', null, 1, 60, 320, 12_000],
  ['STATE_MANAGEMENT', 'CVC', null, 4, 240, 240, 6_000],
  ['STATE_MANAGEMENT', 'CV', null, 6, 360, 160, 3_500],
  ['LEADERSHIP', 'SO', `${TIER}:SO`, 1, 50, 80, 8_000],
  ['LEADERSHIP', 'PHONG', `${TIER}:PHONG`, 5, 300, 160, 4_000, 'Chương trình 4 tuần theo Nghị định 171/2025'],
  ['COMMUNE_TITLE', null, `${CAT}:CC`, 10, 600, 40, 1_200],
  ['JOB_POSITION', null, `${CAT}:CC`, 8, 400, 40, 1_000],
  ['KNOWLEDGE_UPDATE', null, `${CAT}:CB`, 2, 150, 24, 1_500, 'Cán bộ diện Ban Thường vụ Tỉnh ủy quản lý'],
  ['IT', 'CO_BAN', null, 6, 300, 40, 800],
  ['IT', 'NANG_CAO', null, 2, 80, 60, 1_500, 'Chuyển đổi số, chính quyền số'],
  ['FOREIGN_LANGUAGE', 'BAC_3', null, 3, 120, 120, 4_000],
  ['DEFENCE_SECURITY', 'DT2', null, 1, 80, 80, 3_000],
  ['DEFENCE_SECURITY', 'DT3', null, 2, 160, 64, 2_000],
  ['DEFENCE_SECURITY', 'DT4', `${CAT}:CC`, 4, 300, 48, 1_000],
  ['SOFT_SKILLS', null, null, 3, 150, 24, 900, 'Kỹ năng tiếp công dân, giải quyết khiếu nại'],
  ['POSTGRADUATE', 'THAC_SI', null, 0, 25, null, 90_000, 'Cử đi học tại các trường đại học'],
  ['ABROAD', null, `${TIER}:SO`, 2, 40, null, 120_000, 'Bồi dưỡng ngắn hạn ở nước ngoài'],
];

const LINES_2027: Line[] = [
  ['POLITICAL_THEORY', 'CAO_CAP', null, 2, 170, null, 18_500],
  ['POLITICAL_THEORY', 'TRUNG_CAP', null, 9, 700, null, 6_200],
  ['STATE_MANAGEMENT', 'CVC', null, 5, 280, 240, 6_200],
  ['STATE_MANAGEMENT', 'CV', null, 6, 350, 160, 3_600],
  ['LEADERSHIP', 'PHONG', `${TIER}:PHONG`, 6, 330, 160, 4_100],
  ['COMMUNE_TITLE', null, `${CAT}:CC`, 12, 700, 40, 1_250],
  ['KNOWLEDGE_UPDATE', null, `${CAT}:CB`, 2, 160, 24, 1_500],
  ['IT', 'NANG_CAO', null, 4, 160, 60, 1_500, 'Dự kiến tăng theo Đề án chuyển đổi số'],
  ['FOREIGN_LANGUAGE', 'BAC_3', null, 3, 120, 120, 4_100],
  ['DEFENCE_SECURITY', 'DT3', null, 2, 150, 64, 2_000],
  ['SOFT_SKILLS', null, null, 4, 200, 24, 900],
  ['POSTGRADUATE', 'THAC_SI', null, 0, 30, null, 95_000],
];

const LINES_COMMUNE_2027: Line[] = [
  ['COMMUNE_TITLE', null, `${CAT}:CC`, 1, 45, 40, 1_200],
  ['IT', 'CO_BAN', null, 1, 40, 40, 800],
  ['SOFT_SKILLS', null, null, 1, 35, 16, 700, 'Kỹ năng tiếp công dân'],
];

const toJson = (lines: Line[]) =>
  JSON.stringify(
    lines.map(([kind, level, target, classes, trainees, periods, perTrainee, note]) => ({
      kind,
      level,
      target_list: target?.split(':')[0] ?? null,
      target_code: target?.split(':')[1] ?? null,
      classes,
      trainees,
      periods,
      budget: budget(kind, trainees, perTrainee),
      note: note ?? null,
    })),
  );

// Targets of the programme over 2026-2030 (year null) and for its first two years.
const TARGETS = [
  [null, 'POLITICAL_THEORY', 'CAO_CAP', 800, 10],
  [null, 'POLITICAL_THEORY', 'TRUNG_CAP', 3_500, 45],
  [null, 'STATE_MANAGEMENT', 'CVC', 1_200, 20],
  [null, 'LEADERSHIP', 'PHONG', 1_500, 25],
  [null, 'COMMUNE_TITLE', null, 3_000, 50],
  [null, 'IT', 'NANG_CAO', 600, 15],
  [null, 'POSTGRADUATE', 'THAC_SI', 150, null],
  [2026, 'POLITICAL_THEORY', 'TRUNG_CAP', 650, 8],
  [2026, 'IT', null, 400, 8],
  [2027, 'POLITICAL_THEORY', 'TRUNG_CAP', 700, 9],
] as const;

/** Insert one plan with its lines and events; returns its id. */
async function insertPlan(
  db: Queryable,
  p: {
    unitId: number;
    year: number;
    title: string;
    multiyearId: number | null;
    lines: Line[];
    userId: number | null;
  },
) {
  const [plan] = await queryRows<{ id: number }>(
    db,
    sql`insert into annual_plans (unit_id, year, title, multiyear_id, created_by, created_at, updated_at)
      values (${p.unitId}, ${p.year}, ${p.title}, ${p.multiyearId}, ${p.userId}, make_date(${p.year - 1}, 11, 20),
        make_date(${p.year - 1}, 12, 10)) returning id`,
  );
  await db.execute(sql`insert into plan_lines (plan_id, programme_kind, target_list, target_code, level, classes,
      trainees, periods, budget, note, created_at, updated_at)
    select ${plan.id}, x.kind, x.target_list, x.target_code, x.level, x.classes, x.trainees, x.periods, x.budget,
      x.note, make_date(${p.year - 1}, 11, 20), make_date(${p.year - 1}, 12, 10)
    from jsonb_to_recordset(${toJson(p.lines)}::jsonb) as x(kind text, level text, target_list text,
      target_code text, classes int, trainees int, periods int, budget jsonb, note text)`);
  return plan.id;
}

/** The decision approving the demo's 2026 plan (fictional signer). */
export const PLAN_2026_DECISION = {
  no: '86/QĐ-UBND',
  date: '2026-01-15',
  signerName: 'Đặng Minh Khoa',
  signerTitle: 'Phó Chủ tịch UBND tỉnh',
};
const DECISION_WORDS = `Quyết định số ${PLAN_2026_DECISION.no} ngày 15/01/2026`;

/** Seed the demo plans on the demo province (call once, after the demo users exist). */
export async function seedDemoPlans(db: Queryable): Promise<void> {
  const [root] = await queryRows<{ id: number }>(
    db,
    sql`select id from org_units where parent_id is null and level = 'province' order by id limit 1`,
  );
  if (!root) return;
  const [commune] = await queryRows<{ id: number }>(
    db,
    sql`select id from org_units where name = ${DEMO_COMMUNE} and valid_to is null limit 1`,
  );
  const officer = (
    await queryRows<{ id: number; name: string }>(
      db,
      sql`select id, display_name as name from users where username = 'sonoivu'`,
    )
  )[0] ?? { id: null, name: 'Sở Nội vụ' };

  const [programme] = await queryRows<{ id: number }>(
    db,
    sql`insert into multiyear_programmes (unit_id, code, name, search_name, from_year, to_year, decision_no,
        decision_date, status, note, created_by)
      values (${root.id}, 'ĐA-ĐTBD-2630',
        'Đề án đào tạo, bồi dưỡng cán bộ, công chức, viên chức tỉnh Quảng Ninh giai đoạn 2026-2030',
        'da-dtbd-2630 de an dao tao, boi duong can bo, cong chuc, vien chuc tinh quang ninh giai doan 2026-2030',
        2026, 2030, '125/QĐ-UBND', '2026-01-20', 'issued', 'Dữ liệu minh họa', ${officer.id})
      returning id`,
  );
  await db.execute(sql`insert into multiyear_targets (programme_id, year, programme_kind, level, trainees, classes)
    select ${programme.id}, x.year, x.kind, x.level, x.trainees, x.classes
    from jsonb_to_recordset(${JSON.stringify(
      TARGETS.map(([year, kind, level, trainees, classes]) => ({ year, kind, level, trainees, classes })),
    )}::jsonb) as x(year int, kind text, level text, trainees int, classes int)`);

  // 2026: approved on 15/01/2026, version 1 frozen.
  const plan2026 = await insertPlan(db, {
    unitId: root.id,
    year: 2026,
    title: 'Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2026',
    multiyearId: programme.id,
    lines: LINES_2026,
    userId: officer.id,
  });
  await db.execute(
    sql`update annual_plans set status = 'approved', updated_at = '2026-01-15' where id = ${plan2026}`,
  );
  // The approving decision is recorded in its fields (ADR 038), so the plan approval document
  // is printed and issued under it (ADR 053).
  const d = PLAN_2026_DECISION;
  const [v1] = await queryRows<{ id: number }>(
    db,
    sql`insert into annual_plan_versions (plan_id, version, title, approved_at, approved_by, approved_by_name,
        decision_no, decision_date, signer_name, signer_title, comment)
      select id, 1, title, '2026-01-15T03:00:00Z', ${officer.id}, ${officer.name},
        ${d.no}, ${d.date}, ${d.signerName}, ${d.signerTitle}, ${DECISION_WORDS}
      from annual_plans where id = ${plan2026} returning id`,
  );
  await db.execute(sql`insert into annual_plan_version_lines (version_id, line_id, programme_kind, target_list,
      target_code, level, classes, trainees, periods, budget, note, source)
    select ${v1.id}, id, programme_kind, target_list, target_code, level, classes, trainees, periods, budget, note, source
    from plan_lines where plan_id = ${plan2026}`);

  // 2027: the province's draft, and a commune's own draft.
  const plan2027 = await insertPlan(db, {
    unitId: root.id,
    year: 2027,
    title: 'Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2027 (dự thảo)',
    multiyearId: programme.id,
    lines: LINES_2027,
    userId: officer.id,
  });
  const communePlan = commune
    ? await insertPlan(db, {
        unitId: commune.id,
        year: 2027,
        title: `Kế hoạch đào tạo, bồi dưỡng năm 2027 của ${DEMO_COMMUNE}`,
        multiyearId: programme.id,
        lines: LINES_COMMUNE_2027,
        userId: null,
      })
    : null;

  // Who did what: created, submitted and approved (2026); created (2027).
  await db.execute(sql`insert into annual_plan_events (plan_id, version, action, actor_id, actor_name, comment, at)
    select x.plan_id, 1, x.action, ${officer.id}, ${officer.name}, x.comment, x.at
    from jsonb_to_recordset(${JSON.stringify([
      { plan_id: plan2026, action: 'create', comment: null, at: '2025-11-20T02:00:00Z' },
      { plan_id: plan2026, action: 'submit', comment: null, at: '2025-12-10T02:00:00Z' },
      {
        plan_id: plan2026,
        action: 'approve',
        comment: DECISION_WORDS,
        at: '2026-01-15T03:00:00Z',
      },
      { plan_id: plan2027, action: 'create', comment: null, at: '2026-11-20T02:00:00Z' },
      ...(communePlan
        ? [{ plan_id: communePlan, action: 'create', comment: null, at: '2026-11-21T02:00:00Z' }]
        : []),
    ])}::jsonb) as x(plan_id int, action text, comment text, at timestamptz)`);
}
