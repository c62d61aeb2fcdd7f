import { describe, expect, it } from 'vitest';
import { aliasKey, unknownCodeMessage } from '../../../contracts/code-aliases';
import { CODE_LISTS, levelListOf, QUALIFICATION_LEVELS } from '../../../contracts/codes';
import { DEFAULT_ALIASES, defaultAliasRows } from './aliases.defaults';
import { buildLookup, describeUnknown, editDistance, resolveCode } from './resolve';

const items = (list: { code: string; vi: string; en: string }[]) =>
  list.map((i) => ({ code: i.code, labelVi: i.vi, labelEn: i.en }));
const aliasesOf = (list: string) => defaultAliasRows().filter((a) => a.list === list);
const lookupOf = (list: string, its: { code: string; vi: string; en: string }[]) =>
  buildLookup(list, items(its), aliasesOf(list));

const pt = lookupOf('level_POLITICAL_THEORY', QUALIFICATION_LEVELS.POLITICAL_THEORY);
const edu = lookupOf('level_EDUCATION', QUALIFICATION_LEVELS.EDUCATION);
const lang = lookupOf('level_FOREIGN_LANGUAGE', QUALIFICATION_LEVELS.FOREIGN_LANGUAGE);
const rating = lookupOf('annual_rating', CODE_LISTS.annual_rating);
const ethnicity = lookupOf('ethnicity', CODE_LISTS.ethnicity);

describe('aliasKey', () => {
  it('drops accents, case, punctuation and extra spaces; NFD reads as NFC', () => {
    expect(aliasKey('  Cao   cấp (LLCT) ')).toBe('cao cap llct');
    expect(aliasKey('Cao cấp LLCT'.normalize('NFD'))).toBe('cao cap llct');
    expect(aliasKey('ĐẠI HỌC')).toBe('dai hoc');
    expect(aliasKey('QP-AN')).toBe('qp an');
    expect(aliasKey('Bậc 3 (B1)')).toBe('bac 3 b1');
  });
});

describe('resolveCode', () => {
  it('takes the exact code, the code in any case, a label without accents, then an alias', () => {
    expect(resolveCode(pt, 'CAO_CAP')).toBe('CAO_CAP');
    expect(resolveCode(pt, 'cao_cap')).toBe('CAO_CAP');
    expect(resolveCode(pt, 'Cao cap')).toBe('CAO_CAP');
    expect(resolveCode(pt, 'CAO CẤP')).toBe('CAO_CAP');
    expect(resolveCode(pt, 'Cao cấp LLCT')).toBe('CAO_CAP');
    expect(resolveCode(pt, 'Cao cấp LLCT'.normalize('NFD'))).toBe('CAO_CAP');
    expect(resolveCode(pt, 'cc   llct')).toBe('CAO_CAP');
    expect(resolveCode(pt, 'Trung cấp lý luận chính trị')).toBe('TRUNG_CAP');
    expect(resolveCode(edu, 'Cử nhân')).toBe('DAI_HOC');
    expect(resolveCode(edu, 'cu nhan')).toBe('DAI_HOC');
    expect(resolveCode(edu, 'ThS')).toBe('THAC_SI');
    expect(resolveCode(lang, 'B1')).toBe('BAC_3');
    expect(resolveCode(lang, 'Bậc 3 (B1)')).toBe('BAC_3');
    expect(resolveCode(rating, 'Tốt')).toBe('GOOD');
    expect(resolveCode(rating, 'HTXSNV')).toBe('EXCELLENT');
    expect(resolveCode(rating, 'không hoàn thành')).toBe('FAILED');
    expect(resolveCode(rating, 'Good')).toBe('GOOD');
  });

  it('does not guess: unknown, ambiguous or other-list text stays unresolved', () => {
    expect(resolveCode(pt, 'Cử nhân')).toBeNull(); // a degree of the education list, not this one
    expect(resolveCode(pt, 'LLCT')).toBeNull(); // names the kind, not a level
    expect(resolveCode(pt, 'Cao')).toBeNull();
    expect(resolveCode(edu, 'B1')).toBeNull();
    expect(resolveCode(rating, 'Khá')).toBeNull();
  });

  it('an alias of an inactive code resolves nothing; a code beats a label beats an alias', () => {
    const l = buildLookup(
      'x',
      [
        { code: 'A', labelVi: 'Một', labelEn: 'One' },
        { code: 'B', labelVi: 'b', labelEn: 'Two' },
      ],
      [
        { code: 'GONE', aliasKey: 'mot' },
        { code: 'B', aliasKey: 'mot' },
        { code: 'A', aliasKey: 'hai' },
      ],
    );
    expect(resolveCode(l, 'Một')).toBe('A');
    expect(resolveCode(l, 'b')).toBe('B');
    expect(resolveCode(l, 'Hai')).toBe('A');
  });
});

describe('default aliases', () => {
  const lists: Record<string, { code: string; vi: string; en: string }[]> = {
    ...CODE_LISTS,
    ...Object.fromEntries(Object.entries(QUALIFICATION_LEVELS).map(([k, v]) => [levelListOf(k), v])),
  };
  it('point to built-in codes, never shadow a code or label, and never repeat a key', () => {
    for (const [list, byCode] of Object.entries(DEFAULT_ALIASES)) {
      const its = lists[list];
      expect(its, list).toBeDefined();
      const taken = new Map(its.flatMap((i) => [i.code, i.vi, i.en].map((x) => [aliasKey(x), i.code])));
      const seen = new Set<string>();
      for (const [code, aliases] of Object.entries(byCode)) {
        expect(
          its.map((i) => i.code),
          `${list} ${code}`,
        ).toContain(code);
        for (const a of aliases) {
          const k = aliasKey(a);
          expect(taken.get(k), `${list}: ${a}`).toBeUndefined();
          expect(seen.has(k), `${list}: ${a} twice`).toBe(false);
          seen.add(k);
        }
      }
    }
  });
});

describe('describeUnknown', () => {
  it('short list: every accepted label, and the close ones as suggestions', () => {
    const d = describeUnknown(pt, 'Cao cao', 'Trình độ', 'Lý luận chính trị');
    expect(d).toMatchObject({
      typed: 'Cao cao',
      column: 'Trình độ',
      of: 'Lý luận chính trị',
      accepted: ['Sơ cấp', 'Trung cấp', 'Cao cấp', 'Cử nhân chính trị'],
      total: 4,
    });
    expect(d.suggestions[0]).toBe('Cao cấp');
    expect(unknownCodeMessage(d, 'vi')).toBe(
      'Không hiểu "Cao cao" ở cột "Trình độ" (Lý luận chính trị). Có thể ý bạn là: "Cao cấp". ' +
        'Các giá trị được nhận: "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân chính trị". ' +
        'Có thể ghi mã, tên hoặc một từ đồng nghĩa quản trị viên đã khai báo.',
    );
    expect(unknownCodeMessage(d, 'en')).toContain('"Cao cao" is not understood in column "Trình độ"');
    expect(describeUnknown(rating, 'xyzxyzxyz', 'Xếp loại').suggestions).toEqual([]);
  });

  it('long list: only the five closest', () => {
    const many = buildLookup(
      'big',
      Array.from({ length: 20 }, (_, i) => ({
        code: `C${i}`,
        labelVi: `Nhãn số ${i}`,
        labelEn: `Label ${i}`,
      })),
      [],
    );
    const d = describeUnknown(many, 'Nhan so 7x', 'Cột');
    expect(d.accepted).toEqual([]);
    expect(d.total).toBe(20);
    expect(d.suggestions).toHaveLength(5);
    expect(d.suggestions[0]).toBe('Nhãn số 7');
    expect(unknownCodeMessage(d, 'vi')).toContain('Danh mục có 20 giá trị');
    expect(describeUnknown(ethnicity, 'Tayy', 'Dân tộc').suggestions).toContain('Tày');
  });

  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});
