import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, codeAliases } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { seedCodeLists } from './seed-codes';

interface Alias {
  id: number;
  code: string;
  alias: string;
  builtIn: boolean;
  createdBy: string | null;
}

describe.each(testBackends())('code list aliases (%s)', (kind) => {
  const t = useTestApp(kind);
  const url = (list: string) => `/api/codes/${list}/aliases`;

  it('lists the default aliases of a list, in the order of its codes', async () => {
    const admin = await t.as('admin', t.root);
    const res = await t.call(admin, { method: 'GET', url: url('annual_rating') });
    expect(res.statusCode).toBe(200);
    const items: Alias[] = res.json().items;
    expect(items.map((a) => a.code)[0]).toBe('EXCELLENT');
    expect(items.find((a) => a.alias === 'Tốt')).toMatchObject({
      code: 'GOOD',
      builtIn: true,
      createdBy: null,
    });
    expect((await t.call(admin, { method: 'GET', url: url('no_such_list') })).statusCode).toBe(404);
  });

  it('adds an alias (NFC, audited); refuses an unknown code, a label of another code and a repeat', async () => {
    const admin = await t.as('admin', t.root);
    const add = await t.call(admin, {
      method: 'POST',
      url: url('ethnicity'),
      payload: { alias: 'Tày Bắc'.normalize('NFD'), code: 'TAY' },
    });
    expect(add.statusCode).toBe(200);
    const a: Alias & { aliasKey: string } = add.json();
    expect(a).toMatchObject({ alias: 'Tày Bắc', aliasKey: 'tay bac', code: 'TAY', builtIn: false });
    expect(a.createdBy).toBeTruthy();
    const [log] = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'code_alias.create'), eq(auditLog.entityId, String(a.id))));
    expect(log.after).toMatchObject({ list: 'ethnicity', code: 'TAY', alias: 'Tày Bắc' });

    const post = (payload: object) => t.call(admin, { method: 'POST', url: url('ethnicity'), payload });
    const repeat = await post({ alias: 'TAY  BAC', code: 'KINH' });
    expect(repeat.statusCode).toBe(409);
    expect(repeat.json().error.message).toContain('Tày Bắc');
    const label = await post({ alias: 'muong', code: 'TAY' });
    expect(label.statusCode).toBe(409);
    expect(label.json().error.message).toBe(
      '"muong" là mã hoặc tên của MUONG (Mường), không dùng làm từ đồng nghĩa của TAY được.',
    );
    const en = await t.call(admin, {
      method: 'POST',
      url: url('ethnicity'),
      headers: { 'x-dtbd-lang': 'en' },
      payload: { alias: 'Kinh', code: 'KINH' },
    });
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toBe(
      '"Kinh" is already the code or a label of KINH (Kinh): no alias needed.',
    );
    const unknown = await post({ alias: 'Xyz', code: 'NO_SUCH' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect(unknown.json().error.message).toContain('NO_SUCH');
    expect((await post({ alias: ' - ', code: 'TAY' })).statusCode).toBe(400);
    expect((await post({ alias: '', code: 'TAY' })).statusCode).toBe(400);
    // Nothing of the refused ones was written.
    const rows = await t.handle.db.select().from(codeAliases).where(eq(codeAliases.list, 'ethnicity'));
    expect(rows.map((r) => r.alias)).toEqual(['Tày Bắc']);
  });

  it('deletes an alias (audited); a deleted default stays deleted when the bootstrap runs again', async () => {
    const admin = await t.as('admin', t.root);
    const items: Alias[] = (await t.call(admin, { method: 'GET', url: url('annual_rating') })).json().items;
    const tot = items.find((a) => a.alias === 'Tốt')!;
    expect(
      (await t.call(admin, { method: 'DELETE', url: `${url('annual_rating')}/${tot.id}` })).json(),
    ).toEqual({
      ok: true,
    });
    expect(
      (await t.call(admin, { method: 'DELETE', url: `${url('annual_rating')}/${tot.id}` })).statusCode,
    ).toBe(404);
    // Another list's URL does not reach it.
    const other = items.find((a) => a.alias === 'HTXSNV')!;
    expect((await t.call(admin, { method: 'DELETE', url: `${url('gender')}/${other.id}` })).statusCode).toBe(
      404,
    );
    await seedCodeLists(t.handle.db);
    const after: Alias[] = (await t.call(admin, { method: 'GET', url: url('annual_rating') })).json().items;
    expect(after.map((a) => a.alias)).not.toContain('Tốt');
    expect(after).toHaveLength(items.length - 1);
    const [log] = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'code_alias.delete'), eq(auditLog.entityId, String(tot.id))));
    expect(log.before).toMatchObject({ alias: 'Tốt', code: 'GOOD' });
    // Added again (to another code), the row comes back.
    const again = await t.call(admin, {
      method: 'POST',
      url: url('annual_rating'),
      payload: { alias: 'tốt', code: 'EXCELLENT' },
    });
    expect(again.json()).toMatchObject({ id: tot.id, code: 'EXCELLENT', alias: 'tốt', builtIn: false });
  });

  it('only admins see or change aliases', async () => {
    const admin = await t.as('admin', t.root);
    const [a] = (await t.call(admin, { method: 'GET', url: url('gender') })).json().items as Alias[];
    for (const role of ['training_officer', 'unit_officer', 'viewer'] as const) {
      const s = await t.as(role, t.root);
      expect((await t.call(s, { method: 'GET', url: url('gender') })).statusCode, role).toBe(403);
      expect(
        (await t.call(s, { method: 'POST', url: url('gender'), payload: { alias: 'Đàn ông', code: 'M' } }))
          .statusCode,
        role,
      ).toBe(403);
      expect((await t.call(s, { method: 'DELETE', url: `${url('gender')}/${a.id}` })).statusCode, role).toBe(
        403,
      );
    }
    expect((await t.call(null, { method: 'GET', url: url('gender') })).statusCode).toBe(401);
    const left = await t.handle.db.select().from(codeAliases).where(eq(codeAliases.id, a.id));
    expect(left[0].deletedAt).toBeNull();
  });
});
