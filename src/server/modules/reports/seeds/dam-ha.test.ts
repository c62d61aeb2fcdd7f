/**
 * The seeds' figures (issue 16, ADR 045): Đầm Hà district's 128 classes for 16,006 trainees,
 * "101% of the set plan" (../shared/seeds 002). The district's units, staff and annual plan go in
 * through the product's imports (the plan by its words: unit and programme kinds by name), the
 * plan is submitted and approved, the classes are opened on the plan's lines (one insert) and
 * their learners imported as rosters; the figures are read back from the shipped plan vs actual report: no
 * copied layout, no hand sum.
 */
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../../contracts/reports';
import { classes } from '../../../db/schema/index';
import { fixedClock, type Session, type TestContext, useTestApp } from '../../../test/app';
import {
  DAM_HA,
  DAM_HA_LINES,
  DAM_HA_STAFF,
  DAM_HA_YEAR,
  damHaClassSizes,
  damHaPeopleSheet,
  damHaPlanSheet,
  damHaRosterSheet,
  damHaUnitsSheet,
} from '../../../test/dam-ha';
import { testBackends } from '../../../test/db';
import { importSheet as importAny, unitByCode } from '../../../test/fixtures/reports-seeds';
import { searchOf } from '../../classes/classes.record';

/** A Đầm Hà sheet through the product's import, committed whole. */
const importSheet = (
  t: TestContext,
  s: Session,
  kind: string,
  rows: unknown[][],
  extra: Record<string, number>,
) => importAny(t, s, kind, rows, extra, 'dam-ha');

const day = (n: number) => new Date(Date.UTC(DAM_HA_YEAR, 0, 8) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(testBackends())(
  'the Đầm Hà figures through imports and the plan vs actual report (%s)',
  (kind) => {
    const t = useTestApp(kind, { clock: fixedClock('2025-01-14T08:00:00Z') });

    it('reads 128 classes, 16,006 trainees, 101% of plan', { timeout: 600_000 }, async () => {
      const s = await t.as('training_officer', t.root);
      const post = async (url: string, payload: unknown) => {
        const res = await t.call(s, { method: 'POST', url, payload: payload as object });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        return res.json();
      };
      await importSheet(t, s, 'units', damHaUnitsSheet(), { unitId: t.root.id });
      const district = await unitByCode(t, s, 'DH');
      await importSheet(t, s, 'people', damHaPeopleSheet(), { unitId: district.id });

      // The district office imports its plan and submits it; the province approves it.
      const office = await t.as('unit_officer', district);
      await importSheet(t, office, 'plans', damHaPlanSheet(), { unitId: district.id });
      const plans = (await t.call(office, { method: 'GET', url: `/api/plans?year=${DAM_HA_YEAR}` })).json();
      expect(plans.items).toHaveLength(1);
      const plan = (await t.call(office, { method: 'GET', url: `/api/plans/${plans.items[0].id}` })).json();
      expect(plan.totals).toMatchObject({ lines: 4, classes: DAM_HA.classes, trainees: DAM_HA.planned });
      const sub = await t.call(office, { method: 'POST', url: `/api/plans/${plan.id}/submit`, payload: {} });
      expect(sub.statusCode, sub.body).toBe(200);
      await post(`/api/plans/${plan.id}/approve`, {
        decisionNo: '15/QĐ-UBND',
        decisionDate: `${DAM_HA_YEAR}-01-05`,
        signerName: 'Vũ Quốc Hùng',
        signerTitle: 'Phó Chủ tịch',
      });

      // The classes on the plan's lines, open for nomination, written in one insert (the class
      // routes are tried elsewhere; 128 of them through HTTP were a third of this test's time),
      // then their learners imported as rosters, as the district would.
      const rows: (typeof classes.$inferInsert)[] = [];
      const sizes: number[] = [];
      for (const l of DAM_HA_LINES) {
        const line = plan.lines.find((x: { programmeKind: string }) => x.programmeKind === l.kind);
        const programme = await post('/api/programmes', {
          code: l.programme.code,
          nameVi: l.programme.name,
          nameEn: l.programme.name,
          kind: l.kind,
          periods: l.programme.periods,
          mode: 'in_person',
          organiserLevels: ['province', 'commune'],
          topics: [],
          effectiveFrom: '2020-01-01',
        });
        for (const size of damHaClassSizes(l)) {
          const n = rows.length + 1;
          const code = `DH ${String(n).padStart(3, '0')}/${DAM_HA_YEAR}`;
          const name = `${l.programme.name} - lớp ${n}`;
          rows.push({
            code,
            year: DAM_HA_YEAR,
            name,
            searchName: searchOf(code, name),
            programmeId: programme.id,
            organiserUnitId: district.id,
            planLineId: line.id,
            startsOn: day(2 * n),
            endsOn: day(2 * n + l.programme.days - 1),
            mode: 'in_person',
            capacity: size,
            status: 'open_for_nomination',
          });
          sizes.push(size);
        }
      }
      const opened = await t.handle.db.insert(classes).values(rows).returning({ id: classes.id });
      let next = 0;
      for (const [i, c] of opened.entries()) {
        await importSheet(t, s, 'roster', damHaRosterSheet(next, sizes[i]), {
          classId: c.id,
          unitId: district.id,
        });
        next = (next + sizes[i]) % DAM_HA_STAFF;
      }

      const res = await t.call(s, {
        method: 'GET',
        url: `/api/reports/plan-actual?year=${DAM_HA_YEAR}&unitId=${district.id}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json() as ReportTable;
      expect(report.totals!.cells).toMatchObject({
        planned_classes: DAM_HA.classes,
        opened: DAM_HA.classes,
        classes_pct: 100,
        planned_trainees: DAM_HA.planned,
        seats: DAM_HA.trainees,
        trainees_pct: 101,
      });
      expect(Math.round(Number(report.totals!.cells.trainees_pct))).toBe(DAM_HA.pct);
      // One subtotal (the district's plan) and its four lines, as imported.
      expect(report.rows.map((r) => [r.cells.item, r.cells.planned_trainees, r.cells.seats])).toEqual([
        [`1. Huyện Đầm Hà: Kế hoạch đào tạo, bồi dưỡng năm ${DAM_HA_YEAR}`, DAM_HA.planned, DAM_HA.trainees],
        ['Cập nhật kiến thức', 11_000, 11_105],
        ['Lý luận chính trị', 2_000, 2_041],
        ['Theo vị trí việc làm', 1_850, 1_860],
        ['Quốc phòng - an ninh', 1_000, 1_000],
      ]);
    });
  },
);
