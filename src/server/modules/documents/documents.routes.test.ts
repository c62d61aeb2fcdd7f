import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { fixedClock, type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { enrolWithResult, makeClass, makeSchool, type School } from '../../test/fixtures/certificates';
import { makePerson, makeUnit } from '../../test/fixtures/org';
import { docxParagraphs, pagesText } from '../../test/read-back';
import { DEFAULT_TEMPLATES } from './documents.defaults';

const template = (kind: keyof typeof DEFAULT_TEMPLATES, over: Record<string, unknown> = {}) => {
  const { source: _s, ...t } = DEFAULT_TEMPLATES[kind];
  return {
    ...t,
    parentBody: 'UBND tỉnh Thái Nguyên',
    issuingBody: 'Trung tâm Chính trị',
    symbol: 'QĐ-TTCT',
    ...over,
  };
};

describe.each(testBackends())('official documents (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock('2027-07-05T08:00:00Z') });
  let s: School;
  let classId: number;
  let names: string[];
  const personIds: number[] = [];
  const issue = (who: Session, id: number, body: Record<string, unknown>) =>
    t.call(who, { method: 'POST', url: `/api/documents/class/${id}/issue`, payload: body });
  const get = (who: Session, url: string) => t.call(who, { method: 'GET', url });

  beforeAll(async () => {
    s = await makeSchool(t);
    classId = await makeClass(t, s);
    names = ['Nguyễn Thị Ánh', 'Trần Văn Bình', 'Lê Thị Cúc'];
    for (const fullName of names) {
      const p = await makePerson(t.handle.db, t.communeA, { fullName });
      personIds.push(p.id);
      await enrolWithResult(t.handle.db, classId, p, { passed: true, grade: 'KHA' });
    }
    for (const k of ['class_opening', 'class_sending', 'summons'] as const) {
      const res = await t.call(s.officer, {
        method: 'PUT',
        url: `/api/documents/templates/${k}`,
        payload: template(k),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('numbers decisions per issuing body and year, refuses a second one unless asked, and re-prints the same paper', async () => {
    const first = await issue(s.officer, classId, { kind: 'class_opening' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ number: '01/QĐ-TTCT', seq: 1, year: 2027, issuedOn: '2027-07-05' });
    const twice = await issue(s.officer, classId, { kind: 'class_opening' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('Đã ban hành Quyết định số 01/QĐ-TTCT ngày 05/07/2027');
    const again = await issue(s.officer, classId, { kind: 'class_opening', again: true });
    expect(again.json().number).toBe('02/QĐ-TTCT');
    const other = await makeClass(t, s);
    expect((await issue(s.officer, other, { kind: 'class_opening' })).json().number).toBe('03/QĐ-TTCT');
    // A new year starts again at 01.
    const next = await issue(s.officer, other, { kind: 'class_sending', issuedOn: '2028-01-04' });
    expect(next.json()).toMatchObject({ number: '01/QĐ-TTCT', year: 2028 });

    const url = `/api/documents/issued/${first.json().id}/file?format=pdf`;
    const before = await pagesText((await get(s.officer, url)).rawPayload);
    for (const text of [
      'UBND TỈNH THÁI NGUYÊN',
      'TRUNG TÂM CHÍNH TRỊ',
      'Số: 01/QĐ-TTCT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thái Nguyên, ngày 05 tháng 7 năm 2027',
      'QUYẾT ĐỊNH',
      'Về việc mở lớp Lớp trung cấp lý luận chính trị',
      'Nơi nhận:',
      'KT. THỦ TRƯỞNG',
    ])
      expect(before[0]).toContain(text);
    // The template changes afterwards: the issued decision re-prints as it was.
    const edit = await t.call(s.officer, {
      method: 'PUT',
      url: '/api/documents/templates/class_opening',
      payload: template('class_opening', { summary: 'Về việc tổ chức lớp {{class.name}}' }),
    });
    expect(edit.statusCode).toBe(200);
    expect(await pagesText((await get(s.officer, url)).rawPayload)).toEqual(before);
    const draft = await pagesText(
      (await get(s.officer, `/api/documents/class/${classId}/print?kind=class_opening`)).rawPayload,
    );
    expect(draft[0]).toContain('Về việc tổ chức lớp');
    expect(draft[0]).toContain('Số: /QĐ-TTCT');

    const list = await get(s.officer, `/api/documents/class/${classId}/issued`);
    expect(list.json().items.map((d: { number: string }) => d.number)).toEqual(['02/QĐ-TTCT', '01/QĐ-TTCT']);
    const audits = rowsOf<{ action: string }>(
      await t.handle.db.execute(
        sql`select action from audit_log where entity in ('issued_document', 'document_template') order by id`,
      ),
    ).map((a) => a.action);
    expect(audits.filter((a) => a === 'document.issue')).toHaveLength(4);
    expect(audits.filter((a) => a === 'document_template.update')).toHaveLength(4);
  }, 120_000);

  it('gives distinct consecutive numbers when issues race', async () => {
    const id = await makeClass(t, s);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        issue(s.officer, id, { kind: 'results_decision', issuedOn: '2027-12-20', again: true }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
    const seqs = answers.map((a) => a.json().seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual([4, 5, 6, 7, 8, 9]);
    const [c] = rowsOf<{ lastSeq: number }>(
      await t.handle.db.execute(sql`select last_seq as "lastSeq" from document_counters where year = 2027`),
    );
    expect(Number(c.lastSeq)).toBe(9);
  });

  it('prints the sending decision with its annex as .docx, and the summons a page per learner', async () => {
    const sent = await issue(s.officer, classId, { kind: 'class_sending' });
    const docx = await get(s.officer, `/api/documents/issued/${sent.json().id}/file?format=docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const paras = await docxParagraphs(docx.rawPayload);
    expect(paras).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(paras).toContain(`Số: ${sent.json().number}`);
    expect(paras).toContain('PHỤ LỤC');
    for (const n of names) expect(paras).toContain(n);
    expect(paras.join(' ')).toContain('Cử 3 cán bộ, công chức, viên chức');

    const all = await pagesText(
      (await get(s.officer, `/api/documents/class/${classId}/print?kind=summons`)).rawPayload,
    );
    expect(all).toHaveLength(3);
    expect(all[0]).toContain('GIẤY TRIỆU TẬP');
    for (const n of names) expect(all.filter((p) => p.includes(`Ông/Bà: ${n}`))).toHaveLength(1);
    const one = await get(
      s.officer,
      `/api/documents/class/${classId}/print?kind=summons&personId=${personIds[1]}`,
    );
    expect(await pagesText(one.rawPayload)).toEqual([expect.stringContaining(`Ông/Bà: ${names[1]}`)]);
    const list = await pagesText(
      (await get(s.officer, `/api/documents/class/${classId}/print?kind=learner_list`)).rawPayload,
    );
    expect(list[0]).toContain('DANH SÁCH TRÍCH NGANG HỌC VIÊN');
    for (const n of names) expect(list.join(' ')).toContain(n);
    const transcript = await pagesText(
      (await get(s.officer, `/api/documents/class/${classId}/print?kind=transcript`)).rawPayload,
    );
    expect(transcript[0]).toContain('BẢNG ĐIỂM');
  }, 120_000);

  it('answers 404 to another subtree, 403 to who sees the class but does not manage it, 400 to a plan kind', async () => {
    const elsewhere = await makeUnit(t.handle.db, { name: 'Tỉnh Khác' });
    const stranger = await t.as('training_officer', elsewhere);
    const commune = await t.as('unit_officer', t.communeA);
    const [d] = (await get(s.officer, `/api/documents/class/${classId}/issued`)).json().items;
    for (const url of [
      `/api/documents/class/${classId}/print?kind=summons`,
      `/api/documents/class/${classId}/issued`,
      `/api/documents/issued/${d.id}/file`,
    ]) {
      expect((await get(stranger, url)).statusCode, url).toBe(404);
      expect((await get(commune, url)).statusCode, url).toBe(403);
      expect((await t.call(null, { method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect((await issue(stranger, classId, { kind: 'class_opening', again: true })).statusCode).toBe(404);
    expect((await issue(commune, classId, { kind: 'class_opening', again: true })).statusCode).toBe(403);
    expect((await issue(s.officer, classId, { kind: 'plan_approval' })).statusCode).toBe(400);
    expect((await issue(s.officer, classId, { kind: 'learner_list' })).statusCode).toBe(400);
    const put = await t.call(commune, {
      method: 'PUT',
      url: '/api/documents/templates/summons',
      payload: template('summons'),
    });
    expect(put.statusCode).toBe(403);
  });

  it('refuses an unknown placeholder and previews an edited template', async () => {
    const bad = await t.call(s.officer, {
      method: 'PUT',
      url: '/api/documents/templates/summons',
      payload: template('summons', { body: ['Ông/Bà: {{person.ten}}'] }),
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'body.0' });
    expect(bad.json().error.details.fields[0].message).toContain('{{person.ten}}');
    const preview = await t.call(s.officer, {
      method: 'POST',
      url: '/api/documents/templates/preview',
      payload: { kind: 'class_opening', template: template('class_opening', { title: 'QUYẾT ĐỊNH MỞ LỚP' }) },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().pages[0]).toMatchObject({
      title: 'QUYẾT ĐỊNH MỞ LỚP',
      header: { number: 'Số: 05/QĐ-TTCT' },
    });
    const list = await get(s.officer, '/api/documents/templates');
    const summons = list.json().items.find((x: { kind: string }) => x.kind === 'summons');
    expect(summons).toMatchObject({ symbol: 'QĐ-TTCT', issuingBody: 'Trung tâm Chính trị' });
  });

  it('issues the plan approval decision with the plan lines and the signer recorded on approval', async () => {
    const [plan] = rowsOf<{ id: number }>(
      await t.handle.db.execute(sql`insert into annual_plans (unit_id, year, title, status)
        values (${t.root.id}, 2028, 'Kế hoạch đào tạo, bồi dưỡng năm 2028', 'approved') returning id`),
    );
    await t.handle.db.execute(sql`insert into plan_lines (plan_id, programme_kind, classes, trainees, periods)
      values (${plan.id}, 'QLNN', 3, 150, 120)`);
    await t.handle.db.execute(sql`insert into annual_plan_versions (plan_id, version, title, decision_no, decision_date, signer_name, signer_title)
      values (${plan.id}, 1, 'Kế hoạch đào tạo, bồi dưỡng năm 2028', '45/QĐ-UBND', '2027-07-01', 'Phạm Quốc Khánh', 'Phó Chủ tịch')`);
    const res = await t.call(s.officer, {
      method: 'POST',
      url: `/api/documents/plan/${plan.id}/issue`,
      payload: { kind: 'plan_approval' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ subject: 'plan', subjectId: plan.id, signerName: 'Phạm Quốc Khánh' });
    const pages = await pagesText(
      (await get(s.officer, `/api/documents/issued/${res.json().id}/file`)).rawPayload,
    );
    expect(pages[0]).toContain(`Số: ${res.json().number}`);
    expect(pages[0]).toContain('Về việc phê duyệt Kế hoạch đào tạo, bồi dưỡng năm 2028');
    expect(pages[0]).toContain('Phạm Quốc Khánh');
    expect(pages.join(' ')).toContain('PHỤ LỤC');
    const commune = await t.as('training_officer', t.communeA);
    expect((await get(commune, `/api/documents/plan/${plan.id}/issued`)).statusCode).toBe(404);
    const viewer = await t.as('viewer', t.root);
    expect((await get(viewer, `/api/documents/plan/${plan.id}/issued`)).statusCode).toBe(403);
  });
});
