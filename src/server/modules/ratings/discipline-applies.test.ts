/**
 * "Bãi nhiệm" by the category held on the decision's date (ADR 063): cadres (CB) from 1 July
 * 2025; before it CB or commune cadres (CBX); civil servants and public employees never. Other
 * forms apply to everyone. A refused write leaves the person's records as they were.
 */
import { describe, expect, it } from 'vitest';
import { CODE_LISTS } from '../../../contracts/codes';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makePerson } from '../../test/fixtures/org';
import { categoriesOn } from './discipline-applies';

describe('categoriesOn', () => {
  const meta = CODE_LISTS.discipline_form.find((c) => c.code === 'BAI_NHIEM')?.meta ?? {};
  it('reads the period of the date, and nothing for a form without a rule', () => {
    expect(categoriesOn(meta, '2025-06-30')?.categories).toEqual(['CB', 'CBX']);
    expect(categoriesOn(meta, '2025-07-01')?.categories).toEqual(['CB']);
    expect(categoriesOn({ appliesTo: ['CB'] }, '2001-01-01')?.categories).toEqual(['CB']);
    expect(categoriesOn({}, '2025-07-01')).toBeNull();
  });
});

describe.each(testBackends())('Bãi nhiệm is for cadres on the decision date (%s)', (kind) => {
  const t = useTestApp(kind);
  const removal = (decidedOn: string) => ({
    kind: 'discipline',
    form: 'BAI_NHIEM',
    decidedOn,
    decisionNo: '12/NQ-HĐND',
    reason: 'Bãi nhiệm theo nghị quyết',
  });
  const record = (s: Session, personId: number, payload: object, lang = 'vi') =>
    t.call(s, {
      method: 'POST',
      url: `/api/people/${personId}/rewards-discipline`,
      payload,
      headers: { 'x-dtbd-lang': lang },
    });
  const listOf = async (s: Session, personId: number) =>
    (await t.call(s, { method: 'GET', url: `/api/people/${personId}/rewards-discipline` })).json().items;

  it('records it for a cadre, and for a commune cadre (CBX) before 1 July 2025', async () => {
    const s = await t.as('training_officer', t.root);
    const cadre = await makePerson(t.handle.db, t.communeA, { category: 'CB' });
    expect((await record(s, cadre.id, removal('2026-03-02'))).statusCode).toBe(200);
    expect((await record(s, cadre.id, removal('2024-03-02'))).statusCode).toBe(200);
    const commune = await makePerson(t.handle.db, t.communeA, { category: 'CBX' });
    const early = await record(s, commune.id, removal('2025-06-30'));
    expect(early.statusCode, early.body).toBe(200);
  });

  it('refuses civil servants and public employees, naming the rule, and writes nothing', async () => {
    const s = await t.as('training_officer', t.root);
    for (const category of ['CC', 'VC']) {
      const p = await makePerson(t.handle.db, t.communeA, { category });
      const before = await listOf(s, p.id);
      for (const day of ['2024-05-10', '2026-05-10']) {
        const res = await record(s, p.id, removal(day));
        expect(res.statusCode, res.body).toBe(400);
        const [field] = res.json().error.details.fields;
        expect(field.field).toBe('form');
        expect(field.message).toContain('"Bãi nhiệm"');
        expect(field.message).toContain(
          day === '2024-05-10'
            ? 'chỉ áp dụng cho "Cán bộ", "Cán bộ, công chức cấp xã"'
            : 'chỉ áp dụng cho "Cán bộ" (căn cứ: Luật Cán bộ, công chức số 80/2025',
        );
        expect(field.message).toContain(category === 'CC' ? 'là "Công chức"' : 'là "Viên chức"');
      }
      const en = await record(s, p.id, removal('2026-05-10'), 'en');
      expect(en.json().error.details.fields[0].message).toContain('applies only to');
      expect(await listOf(s, p.id)).toEqual(before);
      // Other forms apply to everyone.
      const reprimand = { ...removal('2026-05-10'), form: 'KHIEN_TRACH' };
      expect((await record(s, p.id, reprimand)).statusCode).toBe(200);
    }
  });

  it('reads a commune cadre (CBX) without a cadre post as a civil servant from 1 July 2025', async () => {
    const s = await t.as('training_officer', t.root);
    const commune = await makePerson(t.handle.db, t.communeA, { category: 'CBX' });
    const late = await record(s, commune.id, removal('2025-07-01'));
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details.fields[0].message).toContain('01/07/2025');
    expect(await listOf(s, commune.id)).toEqual([]);
  });
});
