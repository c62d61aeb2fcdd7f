import { describe, expect, it } from 'vitest';
import { filterInWords, subtitleInWords } from './layout-words';

describe('layout words', () => {
  it('drops a subtitle that only names the layout code, keeps others', () => {
    expect(subtitleInWords('Mẫu BNV_DTBD_NAM')).toBeUndefined();
    expect(subtitleInWords('Layout TINH_2026')).toBeUndefined();
    expect(subtitleInWords('Kỳ báo cáo 2026')).toBe('Kỳ báo cáo 2026');
    expect(subtitleInWords('Mẫu Tỉnh')).toBe('Mẫu Tỉnh');
  });

  it('names the layout by its name in the filter line, leaves other values whole', () => {
    const f = { label: 'Mẫu báo cáo', value: 'BNV_DTBD_NAM — Biểu thống kê đào tạo, bồi dưỡng hằng năm' };
    expect(filterInWords(f)).toEqual({
      label: 'Mẫu báo cáo',
      value: 'Biểu thống kê đào tạo, bồi dưỡng hằng năm',
    });
    const unit = { label: 'Đơn vị', value: 'Xã Đầm Hà — thôn A' };
    expect(filterInWords(unit)).toEqual(unit);
  });
});
