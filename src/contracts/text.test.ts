import { describe, expect, it } from 'vitest';
import { cleanText, foldText, nameSortKey, splitName } from './text';

describe('foldText', () => {
  it.each([
    ['Nguyễn Văn Hùng', 'nguyen van hung'],
    ['ĐẶNG THỊ ĐÀO', 'dang thi dao'],
    ['Nguyễn Văn Hùng'.normalize('NFD'), 'nguyen van hung'],
    ['  Lê   Thị  Ánh ', 'le thi anh'],
    ["H'Mông", "h'mong"],
  ])('%s -> %s', (input, expected) => expect(foldText(input)).toBe(expected));
});

describe('cleanText', () => {
  it('normalises NFD to NFC and trims', () => {
    const nfd = ' Trần  Thị '.normalize('NFD');
    expect(cleanText(nfd)).toBe('Trần Thị');
    expect(cleanText(nfd)).toBe(cleanText(nfd).normalize('NFC'));
  });
});

describe('nameSortKey (rosters sort by given name, then middle, then family)', () => {
  const sorted = (names: string[]) => [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
  it('orders by given name first', () => {
    expect(sorted(['Nguyễn Văn Bình', 'Trần Thị An', 'Lê Cường'])).toEqual([
      'Trần Thị An',
      'Nguyễn Văn Bình',
      'Lê Cường',
    ]);
  });
  it('follows the Vietnamese alphabet: a < ă < â, d < đ, o < ô < ơ, u < ư', () => {
    expect(sorted(['Lê Ân', 'Lê Ăn', 'Lê An'])).toEqual(['Lê An', 'Lê Ăn', 'Lê Ân']);
    expect(sorted(['Lê Đức', 'Lê Dung'])).toEqual(['Lê Dung', 'Lê Đức']);
    expect(sorted(['Lê Ơn', 'Lê Ôn', 'Lê On'])).toEqual(['Lê On', 'Lê Ôn', 'Lê Ơn']);
    expect(sorted(['Lê Ưng', 'Lê Uyên'])).toEqual(['Lê Uyên', 'Lê Ưng']);
  });
  it('breaks ties on tones (none, huyền, hỏi, ngã, sắc, nặng), then middle and family name', () => {
    expect(sorted(['Lê Mạnh', 'Lê Mánh', 'Lê Mành', 'Lê Manh'])).toEqual([
      'Lê Manh',
      'Lê Mành',
      'Lê Mánh',
      'Lê Mạnh',
    ]);
    expect(sorted(['Trần Văn Hùng', 'Nguyễn Văn Hùng', 'Nguyễn Đức Hùng'])).toEqual([
      'Nguyễn Đức Hùng',
      'Nguyễn Văn Hùng',
      'Trần Văn Hùng',
    ]);
  });
  it('gives NFC and NFD input the same key', () => {
    expect(nameSortKey('Phạm Thị Ánh'.normalize('NFD'))).toBe(nameSortKey('Phạm Thị Ánh'));
  });
  it('splits names', () => {
    expect(splitName('Nguyễn Thị Minh Khai')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Minh',
      given: 'Khai',
    });
    expect(splitName('Hùng')).toEqual({ family: '', middle: '', given: 'Hùng' });
  });
});
