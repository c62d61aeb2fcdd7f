import { describe, expect, it } from 'vitest';
import { compareValues, toSort, withServerSort, withSorters } from './sort';

describe('compareValues', () => {
  it('orders Vietnamese names as readers do, numbers by size, empty last', () => {
    const names = ['Đỗ', 'Dương', 'Ánh', 'An', 'Bình', null, 'Anh'];
    expect([...names].sort(compareValues)).toEqual(['An', 'Anh', 'Ánh', 'Bình', 'Dương', 'Đỗ', null]);
    expect([10, 9, null, 100].sort(compareValues)).toEqual([9, 10, 100, null]);
  });
});

describe('withSorters', () => {
  it('sorts columns that show a field, keeps row numbers and explicit choices', () => {
    type R = { name: string; n: number };
    const cols = withSorters<R>([
      { key: 'stt', title: 'STT' },
      { key: 'name', dataIndex: 'name', title: 'Tên' },
      { key: 'n', dataIndex: 'n', title: 'Số', sorter: false },
      { key: 'x', title: 'Thao tác' },
    ]);
    expect(cols?.map((c) => typeof (c as { sorter?: unknown }).sorter)).toEqual([
      'undefined',
      'function',
      'boolean',
      'undefined',
    ]);
    const sorter = (cols ?? [])[1] as unknown as { sorter: (a: R, b: R) => number };
    expect(sorter.sorter({ name: 'Đào', n: 1 }, { name: 'Dung', n: 2 })).toBeGreaterThan(0);
  });
});

describe('server sort', () => {
  it('marks the sorted column and reads the change back', () => {
    const cols = withServerSort(
      [{ key: 'name' }, { key: 'code' }, { key: 'other' }],
      ['name', 'code'],
      '-name',
    );
    expect(cols?.map((c) => [c.sorter, (c as { sortOrder?: unknown }).sortOrder])).toEqual([
      [true, 'descend'],
      [true, null],
      [undefined, undefined],
    ]);
    expect(toSort({ columnKey: 'name', order: 'ascend' })).toBe('name');
    expect(toSort({ columnKey: 'name', order: 'descend' })).toBe('-name');
    expect(toSort({ columnKey: 'name', order: undefined })).toBeUndefined();
  });
});
