/**
 * Migration 0038 (ADR 049): a database installed before the legal references were checked is
 * corrected as a fresh install reads: the 2x commitment before 1 July 2025, the 15-day report's
 * article, rules from the day Decree 101/2017 took effect, programmes' bases; each correction of
 * a record audited; what was right (a province's own rows, older programmes) left alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../db/migrate';
import { auditLog, policyValues, programmes, standardRules } from '../../db/schema/index';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { createProgramme } from '../../test/fixtures/catalogue';

const migrationSql = () =>
  `begin;\n${readFileSync(path.join(MIGRATIONS_DIR, '0038_legal_sources_checked.sql'), 'utf8').replaceAll(
    '--> statement-breakpoint',
    '',
  )}\ncommit;`;

describe.each(testBackends())('migration 0038: legal sources checked (%s)', (kind) => {
  const t = useTestApp(kind);
  let officer: Session;

  beforeAll(async () => {
    officer = await t.as('training_officer', t.root);
  });

  it('corrects the shipped rows an older install holds, audits each record changed, and leaves the rest', async () => {
    const db = t.handle.db;
    // What an older install held.
    const [multiplier] = await db
      .update(policyValues)
      .set({ value: 3, note: 'Cam kết phục vụ ít nhất gấp 3 lần thời gian đào tạo.' })
      .where(
        and(
          eq(policyValues.builtIn, true),
          eq(policyValues.code, 'postgrad.commitment_multiplier'),
          eq(policyValues.effectiveFrom, '2017-10-15'),
        ),
      )
      .returning();
    await db
      .update(policyValues)
      .set({ legalSource: 'Thông tư 03/2023/TT-BNV' })
      .where(and(eq(policyValues.builtIn, true), eq(policyValues.code, 'abroad.report_due_days')));
    const [province] = await db
      .insert(policyValues)
      .values({
        code: 'postgrad.commitment_multiplier',
        ownerUnitId: t.root.id,
        value: 3,
        effectiveFrom: '2017-10-15',
        legalSource: 'Quyết định 9/2018/QĐ-UBND của tỉnh',
      })
      .returning();
    await db
      .update(standardRules)
      .set({ effectiveFrom: '2017-09-01' })
      .where(
        and(eq(standardRules.builtIn, true), eq(standardRules.code, 'SM_CVC'), eq(standardRules.version, 1)),
      );
    const sc = await createProgramme(t, officer, { code: 'LLCT-SC-X' });
    const cv = await createProgramme(t, officer, { code: 'QLNN-CV-X' });
    const old = await createProgramme(t, officer, { code: 'QLNN-CV-2018' });
    await db
      .update(programmes)
      .set({ legalBasis: 'Hướng dẫn của Ban Tuyên giáo Trung ương' })
      .where(eq(programmes.id, sc.id));
    await db
      .update(programmes)
      .set({
        legalBasis: 'Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)',
        effectiveFrom: '2025-07-01',
      })
      .where(eq(programmes.id, cv.id));
    await db
      .update(programmes)
      .set({ legalBasis: 'Nghị định 101/2017/NĐ-CP', effectiveFrom: '2018-01-01' })
      .where(eq(programmes.id, old.id));
    const ids = [sc.id, cv.id, old.id];
    const read = async () => ({
      policies: await db.select().from(policyValues).orderBy(asc(policyValues.id)),
      rules: await db.select().from(standardRules).orderBy(asc(standardRules.id)),
      programmes: await db
        .select()
        .from(programmes)
        .where(inArray(programmes.id, ids))
        .orderBy(asc(programmes.id)),
    });
    const before = await read();

    await t.handle.exec(migrationSql());
    const after = await read();
    const noTime = <T extends { updatedAt?: unknown }>(r: T) => ({ ...r, updatedAt: undefined });

    expect(after.policies).toEqual(
      before.policies.map((p) =>
        p.id === multiplier.id
          ? {
              ...p,
              value: 2,
              note: 'Cam kết phục vụ ít nhất gấp 2 lần thời gian đào tạo (Nghị định 171/2025 nâng lên gấp 3 lần); áp dụng cho khóa học bắt đầu trước 01/7/2025.',
            }
          : p.builtIn && p.code === 'abroad.report_due_days'
            ? {
                ...p,
                legalSource: 'Thông tư 03/2023/TT-BNV, Điều 12 khoản 2',
                note: 'Chậm nhất sau 15 ngày kể từ ngày đoàn về nước, học viên gửi báo cáo cho cơ quan quyết định thành lập đoàn và cơ quan, đơn vị sử dụng mình.',
              }
            : p,
      ),
    );
    expect(after.policies.find((p) => p.id === province.id)).toEqual(province);
    expect(after.rules).toEqual(
      before.rules.map((r) =>
        r.builtIn && r.effectiveFrom === '2017-09-01' ? { ...r, effectiveFrom: '2017-10-15' } : r,
      ),
    );
    expect(after.rules.filter((r) => r.effectiveFrom === '2017-09-01')).toHaveLength(0);
    expect(after.programmes.map(noTime)).toEqual(
      [
        { ...before.programmes[0], legalBasis: 'Hướng dẫn của Ban Tuyên giáo và Dân vận Trung ương' },
        {
          ...before.programmes[1],
          legalBasis: 'Nghị định 171/2025/NĐ-CP: bồi dưỡng theo tiêu chuẩn ngạch, chức vụ, chức danh',
        },
        before.programmes[2],
      ].map(noTime),
    );
    const audited = await db
      .select({
        action: auditLog.action,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(inArray(auditLog.action, ['policy.backfill', 'programme.backfill']))
      .orderBy(asc(auditLog.id));
    expect(audited).toEqual([
      {
        action: 'policy.backfill',
        entityId: String(multiplier.id),
        before: { value: 3, legalSource: multiplier.legalSource },
        after: { value: 2, legalSource: 'Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)' },
      },
      {
        action: 'programme.backfill',
        entityId: String(sc.id),
        before: { legalBasis: 'Hướng dẫn của Ban Tuyên giáo Trung ương' },
        after: { legalBasis: 'Hướng dẫn của Ban Tuyên giáo và Dân vận Trung ương' },
      },
      {
        action: 'programme.backfill',
        entityId: String(cv.id),
        before: { legalBasis: 'Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)' },
        after: {
          legalBasis: 'Nghị định 171/2025/NĐ-CP: bồi dưỡng theo tiêu chuẩn ngạch, chức vụ, chức danh',
        },
      },
    ]);

    // Run again: nothing more changes and nothing more is audited.
    await t.handle.exec(migrationSql());
    expect((await read()).policies).toEqual(after.policies);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.action, ['policy.backfill', 'programme.backfill'])),
    ).toHaveLength(3);
  });
});
