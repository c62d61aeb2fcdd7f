import { describe, expect, it } from 'vitest';
import { fileNameOf, formatBytes } from './download';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, else the plain one', () => {
    expect(
      fileNameOf(`attachment; filename="Co_cau.xlsx"; filename*=UTF-8''C%C6%A1%20c%E1%BA%A5u.xlsx`),
    ).toBe('Cơ cấu.xlsx');
    expect(fileNameOf('attachment; filename="danh-sach-can-bo.xlsx"')).toBe('danh-sach-can-bo.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('formatBytes', () => {
  it('writes sizes in the number format of the language', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024, 'vi')).toBe('5 MB');
  });
});
