import { describe, expect, it } from 'vitest';
import { IsoDate } from '../../../contracts/common';
import { fixedClock, useTestApp } from '../app';
import { testBackends } from '../db';
import { csvOf, upload } from '../fixtures/imports';
import { makePerson, makeUnit } from '../fixtures/org';

/** The findings of the fuzzer (ADR 029), each pinned: the 400/409 it now gets, and what did not change. */
describe.each(testBackends())('input bounds (%s)', (backend) => {
  const t = useTestApp(backend, { clock: fixedClock() });
  const fieldsOf = (body: { error: { details?: { fields?: unknown } } }) => {
    const fields = body.error.details?.fields as { field: string }[] | undefined;
    return fields && [...new Set(fields.map((f) => f.field))];
  };
  const unitCount = async () => (await t.handle.db.query.orgUnits.findMany()).length;

  it('refuses ids beyond int4 and booleans where ids go, in path, query and body', async () => {
    const s = await t.as('admin', t.root);
    const person = await makePerson(t.handle.db, t.communeA);
    for (const url of ['/api/people/2147483648', '/api/people?unitId=2147483648', '/api/people/1.5']) {
      const res = await t.call(s, { method: 'GET', url });
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
    }
    // Digits are still an id; the largest int4 is a valid id that is simply not there.
    expect((await t.call(s, { method: 'GET', url: `/api/people/${person.id}` })).statusCode).toBe(200);
    expect((await t.call(s, { method: 'GET', url: '/api/people/2147483647' })).statusCode).toBe(404);
    const before = await unitCount();
    const body = { name: 'Phòng Mới', level: 'commune', kind: 'ADMIN_AREA', validFrom: '2026-01-01' };
    for (const parentId of [true, 2147483648, 2 ** 53, -1, 1.5]) {
      const res = await t.call(s, { method: 'POST', url: '/api/org/units', payload: { ...body, parentId } });
      expect([parentId, res.statusCode, fieldsOf(res.json())]).toEqual([parentId, 400, ['parentId']]);
    }
    expect(await unitCount()).toBe(before);
  });

  it('refuses NUL bytes and lone surrogates with 400 naming the field; nothing is written', async () => {
    const s = await t.as('admin', t.root);
    const before = await unitCount();
    const body = { parentId: t.root.id, level: 'commune', kind: 'ADMIN_AREA', validFrom: '2026-01-01' };
    for (const name of ['a\u0000b', 'x\ud800y', 'x\udc00']) {
      const res = await t.call(s, { method: 'POST', url: '/api/org/units', payload: { ...body, name } });
      expect([res.statusCode, fieldsOf(res.json())]).toEqual([400, ['name']]);
    }
    // A pair of surrogates is a real character (an emoji), not refused by the guard.
    const ok = await t.call(s, {
      method: 'POST',
      url: '/api/org/units',
      payload: { ...body, name: 'Tổ 😀' },
    });
    expect(ok.statusCode).toBe(200);
    expect(await unitCount()).toBe(before + 1);
    const q = await t.call(s, { method: 'GET', url: '/api/people?q=%00' });
    expect([q.statusCode, fieldsOf(q.json())]).toEqual([400, ['q']]);
    const note = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${t.communeB.id}/rename`,
      payload: { name: 'Phường Mới', effectiveDate: '2026-02-01', note: '\ud800' },
    });
    expect([note.statusCode, fieldsOf(note.json())]).toEqual([400, ['note']]);
    const nested = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${t.communeB.id}/split`,
      payload: { effectiveDate: '2026-02-01', parts: [{ name: 'A' }, { name: 'B\u0000' }] },
    });
    expect([nested.statusCode, fieldsOf(nested.json())]).toEqual([400, ['parts[1].name']]);
    const unit = await t.call(s, { method: 'GET', url: `/api/org/units/${t.communeB.id}` });
    expect(unit.json().name).toBe(t.communeB.name);
    // A path that is not UTF-8 once decoded gets the one error shape too.
    const bad = await t.call(s, { method: 'GET', url: '/api/people/%ED%A0%80' });
    expect([bad.statusCode, Object.keys(bad.json().error)]).toEqual([400, ['code', 'message', 'details']]);
  });

  it('answers a duplicate org-unit code with 409 DUPLICATE naming the field, on create, rename and split', async () => {
    const s = await t.as('admin', t.root);
    const body = { parentId: t.root.id, level: 'commune', kind: 'ADMIN_AREA', validFrom: '2026-01-01' };
    const first = await t.call(s, {
      method: 'POST',
      url: '/api/org/units',
      payload: { ...body, name: 'Xã Một', code: 'DUP01' },
    });
    expect(first.statusCode).toBe(200);
    const before = await unitCount();
    const again = await t.call(s, {
      method: 'POST',
      url: '/api/org/units',
      payload: { ...body, name: 'Xã Hai', code: 'DUP01' },
    });
    expect([again.statusCode, again.json().error.code, fieldsOf(again.json())]).toEqual([
      409,
      'DUPLICATE',
      ['code'],
    ]);
    expect(again.json().error.message).toMatch(/Mã đơn vị đã tồn tại/);
    const other = await makeUnit(t.handle.db, { parent: t.root, name: 'Xã Khác' });
    const rename = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${other.id}/rename`,
      payload: { name: 'Xã Khác Mới', code: 'DUP01', effectiveDate: '2026-02-01' },
      headers: { 'x-dtbd-lang': 'en' },
    });
    expect([rename.statusCode, rename.json().error.code, fieldsOf(rename.json())]).toEqual([
      409,
      'DUPLICATE',
      ['code'],
    ]);
    expect(rename.json().error.message).toBe('Unit code already exists (code).');
    const split = await t.call(s, {
      method: 'POST',
      url: `/api/org/units/${other.id}/split`,
      payload: {
        effectiveDate: '2026-02-01',
        parts: [{ name: 'Phần A', code: 'DUP01' }, { name: 'Phần B' }],
      },
    });
    expect([split.statusCode, split.json().error.code]).toEqual([409, 'DUPLICATE']);
    // Nothing of the refused changes is kept.
    expect(await unitCount()).toBe(before + 1);
    const kept = await t.call(s, { method: 'GET', url: `/api/org/units/${other.id}` });
    expect([kept.json().name, kept.json().code, kept.json().validTo]).toEqual(['Xã Khác', null, null]);
  });

  it('accepts dates from 1900-01-01 to 2100-12-31 that exist on the calendar, and no others', () => {
    for (const d of ['1900-01-01', '2024-02-29', '2100-12-31'])
      expect(IsoDate.safeParse(d).success).toBe(true);
    for (const d of [
      '1899-12-31',
      '2101-01-01',
      '9999-12-31',
      '0001-01-01',
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
    ])
      expect([d, IsoDate.safeParse(d).success]).toEqual([d, false]);
  });

  it('answers a postgraduate check before the first commitment rule (2017) with 400 on startsOn', async () => {
    const s = await t.as('admin', t.root);
    const person = await makePerson(t.handle.db, t.communeA);
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/postgraduate/check',
      payload: { personId: person.id, startsOn: '2010-09-01', expectedEndsOn: '2013-09-01' },
    });
    expect([res.statusCode, fieldsOf(res.json())]).toEqual([400, ['startsOn']]);
    const ok = await t.call(s, {
      method: 'POST',
      url: '/api/postgraduate/check',
      payload: { personId: person.id, startsOn: '2026-09-01', expectedEndsOn: '2028-09-01' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a corrupt or empty upload with 400 and leaves no batch', async () => {
    const s = await t.as('admin', t.root);
    const list = async () => (await t.call(s, { method: 'GET', url: '/api/imports' })).json().total;
    const before = await list();
    for (const [payload, code] of [
      [Buffer.from('PK\u0003\u0004garbage'), 'FILE_UNREADABLE'],
      [Buffer.alloc(0), 'VALIDATION_FAILED'],
    ] as const) {
      const res = await t.call(s, {
        method: 'POST',
        url: '/api/imports?kind=people&fileName=ds.xlsx',
        headers: { 'content-type': 'application/octet-stream' },
        payload,
      });
      expect([res.statusCode, res.json().error.code]).toEqual([400, code]);
    }
    expect(await list()).toBe(before);
  });

  it('refuses an import whose cell holds a NUL byte, naming row and column, and leaves no batch', async () => {
    const s = await t.as('admin', t.root);
    const list = async () => (await t.call(s, { method: 'GET', url: '/api/imports' })).json().total;
    const before = await list();
    const head = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Đối tượng'];
    const row = (name: string) => csvOf([head, [name, '12/03/1980', 'Nam', '', 'CC']]);
    const bad = await upload(t, s, 'people', row('Nguyễn\u0000 Thử'), { unitId: t.communeA.id });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'FILE_UNREADABLE']);
    expect(bad.json().error.message).toMatch(/dòng 2, cột "Họ và tên" chứa ký tự NUL/);
    expect(await list()).toBe(before);
    const good = await upload(t, s, 'people', row('Nguyễn Thử'), { unitId: t.communeA.id });
    expect([good.statusCode, good.json().validRows]).toEqual([200, 1]);
  });
});
