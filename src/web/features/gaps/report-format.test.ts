import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatShare,
  legalSourceText,
  purposesOf,
  splitExplanation,
  unitChain,
} from './report-format';

describe('formatting', () => {
  it('shows shares with one decimal, in the language of the screen', () => {
    expect(formatShare(1419, 2922, 'vi')).toBe('48,6%');
    expect(formatShare(1419, 2922, 'en')).toBe('48.6%');
    expect(formatShare(3, 0, 'vi')).toBe('');
    expect(formatShare(3, null, 'en')).toBe('');
  });

  it('groups counts the Vietnamese way', () => {
    expect(formatCount(100000)).toBe('100.000');
  });
});

describe('unitChain', () => {
  const units = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 27, parentId: 2 },
    { id: 9, parentId: 1 },
  ];

  it('walks up to the scope root', () => {
    expect(unitChain(units, [1], 27).map((u) => u.id)).toEqual([1, 2, 27]);
  });

  it('stops at the scope root of a user below the province', () => {
    expect(unitChain(units, [2], 27).map((u) => u.id)).toEqual([2, 27]);
  });

  it('is empty for a unit it does not know', () => {
    expect(unitChain(units, [1], 404)).toEqual([]);
  });
});

describe('legalSourceText', () => {
  it('joins document, article and note', () => {
    expect(legalSourceText({ document: 'Nghị định 171/2025/NĐ-CP' })).toBe('Nghị định 171/2025/NĐ-CP');
    expect(legalSourceText({ document: 'Quy định 350-QĐ/TW', article: 'Điều 5', note: 'cần xác minh' })).toBe(
      'Quy định 350-QĐ/TW, Điều 5 (cần xác minh)',
    );
  });
});

describe('purposesOf', () => {
  const known = {
    POLITICAL_THEORY_INTERMEDIATE: { vi: 'Trung cấp lý luận chính trị', en: 'Intermediate political theory' },
    POSTGRADUATE: { vi: 'Đào tạo sau đại học', en: 'Postgraduate study' },
  };
  const rule = (purpose: string, titleVi: string) => ({ purpose, titleVi, titleEn: `${titleVi} (en)` });

  it('lists each purpose once, known ones first in their order, then local ones by name', () => {
    const rules = [
      rule('POSTGRADUATE', 'Sau đại học: ngân sách'),
      rule('QN_FOREIGN', 'Bồi dưỡng ở nước ngoài'),
      rule('POLITICAL_THEORY_INTERMEDIATE', 'Trung cấp: lãnh đạo'),
      rule('POLITICAL_THEORY_INTERMEDIATE', 'Trung cấp: đảng viên'),
      rule('QN_ENGLISH', 'Bồi dưỡng tiếng Anh'),
    ];
    expect(purposesOf(rules, known, 'vi')).toEqual([
      { value: 'POLITICAL_THEORY_INTERMEDIATE', label: 'Trung cấp lý luận chính trị' },
      { value: 'POSTGRADUATE', label: 'Đào tạo sau đại học' },
      { value: 'QN_FOREIGN', label: 'Bồi dưỡng ở nước ngoài' },
      { value: 'QN_ENGLISH', label: 'Bồi dưỡng tiếng Anh' },
    ]);
    expect(purposesOf(rules, known, 'en').map((p) => p.label)).toEqual([
      'Intermediate political theory',
      'Postgraduate study',
      'Bồi dưỡng ở nước ngoài (en)',
      'Bồi dưỡng tiếng Anh (en)',
    ]);
  });
});

describe('splitExplanation', () => {
  const title = 'Lãnh đạo cấp xã cần lý luận chính trị trung cấp trở lên';

  it('keeps the source and what is needed', () => {
    expect(
      splitExplanation(
        `Chưa đáp ứng "${title}" (Quy định 89 (văn bản cần xác minh)): cần Lý luận chính trị: Trung cấp trở lên.`,
        title,
      ),
    ).toEqual({
      need: 'Cần Lý luận chính trị: Trung cấp trở lên.',
      source: 'Quy định 89 (văn bản cần xác minh)',
    });
    expect(
      splitExplanation(
        `Not yet meeting "${title}" (Decree 171): needs X; still within the allowed time.`,
        title,
      ),
    ).toEqual({ need: 'Needs X; still within the allowed time.', source: 'Decree 171' });
  });

  it('gives the whole text back when worded otherwise', () => {
    const other = `Thiếu "${title}" theo Quy định 89.`;
    expect(splitExplanation(other, title)).toEqual({ need: other });
    expect(splitExplanation('Chưa đáp ứng.', title)).toEqual({ need: 'Chưa đáp ứng.' });
    const unbalanced = `Chưa đáp ứng "${title}" (Quy định 89: cần X.`;
    expect(splitExplanation(unbalanced, title)).toEqual({ need: unbalanced });
  });
});
