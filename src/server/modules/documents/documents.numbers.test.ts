/**
 * ADR 053: decisions reuse the number recorded on approval (plan; nominations approved by one
 * decision), the summons is numbered from the same register with its own symbol and the list of
 * learners prints as its annex, and the certificate register prints per institution for a period.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import {
  enrolWithResult,
  makeClass,
  makeSchool,
  openRegister,
  type School,
} from '../../test/fixtures/certificates';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { pagesText } from '../../test/read-back';

const counters = async (q: Queryable) =>
  rowsOf<{ unitId: number; year: number; lastSeq: number }>(
    await q.execute(
      sql`select unit_id as "unitId", year, last_seq as "lastSeq" from document_counters order by 1, 2`,
    ),
  );

describe.each(testBackends())('document numbers and the register (%s)', (backend) => {
  const t = useTestApp(backend, { clock: fixedClock('2027-07-05T08:00:00Z') });
  let s: School;
  const get = (who: Session, url: string) => t.call(who, { method: 'GET', url });
  const issue = (who: Session, subject: string, id: number, body: Record<string, unknown>) =>
    t.call(who, { method: 'POST', url: `/api/documents/${subject}/${id}/issue`, payload: body });
  const text = async (who: Session, url: string) => {
    const res = await get(who, url);
    expect(res.statusCode, res.body).toBe(200);
    return pagesText(res.rawPayload);
  };

  beforeAll(async () => {
    s = await makeSchool(t);
    const summons = await t.call(s.officer, {
      method: 'PUT',
      url: '/api/documents/templates/summons',
      payload: (await get(s.officer, '/api/documents/templates'))
        .json()
        .items.filter((x: { kind: string }) => x.kind === 'summons')
        .map(
          ({
            kind: _k,
            unitId: _u,
            unitName: _n,
            source: _s,
            placeholders: _p,
            ...body
          }: Record<string, unknown>) => ({
            ...body,
            symbol: 'GTT-TTCT',
          }),
        )[0],
    });
    expect(summons.statusCode, summons.body).toBe(200);
  });

  it('issues the plan approval under the number recorded on approval, drawing none from the register', async () => {
    const plan = async (title: string, year: number) =>
      rowsOf<{ id: number }>(
        await t.handle.db.execute(sql`insert into annual_plans (unit_id, year, title, status)
          values (${t.root.id}, ${year}, ${title}, 'approved') returning id`),
      )[0].id;
    const recorded = await plan('Kế hoạch có quyết định', 2028);
    await t.handle.db.execute(sql`insert into annual_plan_versions (plan_id, version, title, decision_no, decision_date, signer_name, signer_title)
      values (${recorded}, 1, 'Kế hoạch có quyết định', '45/QĐ-UBND', '2027-06-20', 'Phạm Quốc Khánh', 'Phó Chủ tịch')`);
    const bare = await plan('Kế hoạch chưa ghi quyết định', 2029);
    await t.handle.db.execute(
      sql`insert into annual_plan_versions (plan_id, version, title) values (${bare}, 1, 'Kế hoạch chưa ghi quyết định')`,
    );

    const draft = await text(s.officer, `/api/documents/plan/${recorded}/print?kind=plan_approval`);
    expect(draft[0]).toContain('Số: 45/QĐ-UBND');
    expect(draft[0]).toContain('ngày 20 tháng 6 năm 2027');
    const before = await counters(t.handle.db);
    const res = await issue(s.officer, 'plan', recorded, { kind: 'plan_approval', issuedOn: '2027-07-05' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      number: '45/QĐ-UBND',
      seq: null,
      year: 2027,
      issuedOn: '2027-06-20',
      symbol: 'QĐ-UBND',
      signerName: 'Phạm Quốc Khánh',
    });
    expect(await counters(t.handle.db)).toEqual(before);
    const pages = await text(s.officer, `/api/documents/issued/${res.json().id}/file`);
    expect(pages[0]).toContain('Số: 45/QĐ-UBND');
    expect(pages.join(' ')).toContain('(Kèm theo Quyết định số 45/QĐ-UBND ngày 20/06/2027');

    const drawn = await issue(s.officer, 'plan', bare, { kind: 'plan_approval' });
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json().seq).toBeGreaterThan(0);
    expect(drawn.json().number).toBe(`${String(drawn.json().seq).padStart(2, '0')}/QĐ`);
  });

  it('reuses the nominations’ decision for the sending decision only when it is clearly one decision', async () => {
    const one = await makeClass(t, s, { to: 'running' });
    const mixed = await makeClass(t, s, { to: 'running' });
    for (const [classId, numbers] of [
      [one, ['12/QĐ-SNV', '12/QĐ-SNV']],
      [mixed, ['12/QĐ-SNV', '13/QĐ-SNV']],
    ] as const)
      for (const [k, no] of numbers.entries()) {
        const p = await makePerson(t.handle.db, t.communeA, { fullName: `Học Viên ${classId}-${k}` });
        const n = await enrolWithResult(t.handle.db, classId, p, { passed: true, grade: 'KHA' });
        await t.handle.db.execute(sql`update class_nominations set decision_no = ${no}, decision_date = '2027-02-20',
          signer_name = 'Hoàng Văn Sở', signer_title = 'Giám đốc' where id = ${n}`);
      }
    const reused = await issue(s.officer, 'class', one, { kind: 'class_sending' });
    expect(reused.json()).toMatchObject({
      number: '12/QĐ-SNV',
      seq: null,
      issuedOn: '2027-02-20',
      signerName: 'Hoàng Văn Sở',
    });
    const drawn = await issue(s.officer, 'class', mixed, { kind: 'class_sending' });
    expect(drawn.json()).toMatchObject({
      number: expect.stringMatching(/^\d{2}\/QĐ$/),
      issuedOn: '2027-07-05',
    });
    expect(drawn.json().seq).toBeGreaterThan(0);
  });

  it('numbers the summons from the register with its own symbol; the list of learners is its unnumbered annex', async () => {
    const classId = await makeClass(t, s, { to: 'running' });
    for (const fullName of ['Vũ Thị Lan', 'Đinh Văn Minh']) {
      const p = await makePerson(t.handle.db, t.communeA, { fullName });
      await enrolWithResult(t.handle.db, classId, p, { passed: true, grade: 'KHA' });
    }
    const opening = await issue(s.officer, 'class', classId, { kind: 'class_opening' });
    const summons = await issue(s.officer, 'class', classId, { kind: 'summons' });
    expect(summons.statusCode, summons.body).toBe(200);
    expect(summons.json()).toMatchObject({
      kind: 'summons',
      seq: opening.json().seq + 1,
      number: `${String(opening.json().seq + 1).padStart(2, '0')}/GTT-TTCT`,
    });
    const twice = await issue(s.officer, 'class', classId, { kind: 'summons' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain(`Đã ban hành Giấy triệu tập số ${summons.json().number}`);
    const pages = await text(s.officer, `/api/documents/issued/${summons.json().id}/file`);
    expect(pages).toHaveLength(2);
    for (const p of pages) expect(p).toContain(`Số: ${summons.json().number}`);
    const list = await text(s.officer, `/api/documents/class/${classId}/print?kind=learner_list`);
    expect(list[0]).toContain(`(Kèm theo Giấy triệu tập số ${summons.json().number} ngày 05/07/2027`);
    expect(list[0]).not.toMatch(/Số:/);
    expect((await issue(s.officer, 'class', classId, { kind: 'learner_list' })).statusCode).toBe(400);
  });

  it('prints the certificate register of the institution for a period, all its classes, for its keepers only', async () => {
    const register = await openRegister(t, s);
    const classes = [await makeClass(t, s), await makeClass(t, s)];
    const holders = ['Lò Văn Một', 'Mai Thị Hai', 'Bế Văn Ba'];
    for (const [k, fullName] of holders.entries()) {
      const p = await makePerson(t.handle.db, t.communeA, { fullName });
      await enrolWithResult(t.handle.db, classes[k % 2], p, { passed: true, grade: 'KHA' });
    }
    for (const [k, id] of classes.entries()) {
      const res = await t.call(s.staff, {
        method: 'POST',
        url: `/api/classes/${id}/certificates/issue`,
        payload: { issuedOn: k === 0 ? '2027-07-01' : '2027-07-03' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const url = `/api/documents/registers/${register.id}/print`;
    const all = (await text(s.staff, url)).join(' ');
    for (const h of holders) expect(all).toContain(h);
    expect(all).toContain('SỔ CẤP CHỨNG CHỈ');
    expect(all).toContain('Trường Chính trị Nguyễn Văn Cừ: chứng chỉ tất cả các năm');
    expect(all).toContain('Tổng số: 3 chứng chỉ.');
    const late = (await text(s.officer, `${url}?from=2027-07-02&to=2027-07-31`)).join(' ');
    expect(late).toContain('cấp từ ngày 02/07/2027 đến ngày 31/07/2027');
    expect(late).toContain('Tổng số: 1 chứng chỉ.');
    expect(late).toContain('Mai Thị Hai');
    expect(late).not.toContain('Lò Văn Một');
    const docx = await get(s.staff, `${url}?format=docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect((await get(s.staff, `${url}?from=2027-08-01&to=2027-07-01`)).statusCode).toBe(400);

    const elsewhere = await makeUnit(t.handle.db, { name: 'Tỉnh Khác' });
    expect((await get(await t.as('training_officer', elsewhere), url)).statusCode).toBe(404);
    expect((await get(await t.as('unit_officer', t.communeA), url)).statusCode).toBe(403);
    expect((await t.call(null, { method: 'GET', url })).statusCode).toBe(401);
  }, 120_000);
});
