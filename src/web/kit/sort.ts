/**
 * Sorting of list tables (ADR 041). ListTable (rows in the browser) sorts every column that shows a
 * field (`dataIndex`) by its value: numbers as numbers, texts in Vietnamese reading order
 * (viCompare), empty last. ServerTable sorts by the server's whitelisted keys (`sort` in the URL).
 */
import type { TableColumnsType, TableColumnType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { viCompare } from '../../contracts/text';

/** Two cell values in reading order: empty last, numbers by size, texts the Vietnamese way. */
export function compareValues(a: unknown, b: unknown): number {
  const ea = a == null || a === '';
  const eb = b == null || b === '';
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return viCompare(String(a), String(b));
}

/** A column sorted in the browser by a value of the row (for columns that render, not show a field). */
export function sortBy<T>(get: (row: T) => unknown): Pick<TableColumnType<T>, 'sorter'> {
  return { sorter: (a, b) => compareValues(get(a), get(b)) };
}

function fieldOf<T>(row: T, index: unknown): unknown {
  const path = Array.isArray(index) ? index : [index];
  let v: unknown = row;
  for (const k of path) v = v == null ? v : (v as Record<string, unknown>)[String(k)];
  return v;
}

/**
 * Every column that shows a field and says nothing about sorting becomes sortable by that field;
 * `sorter: false` keeps a column unsorted (row numbers, actions).
 */
export function withSorters<T>(columns: TableColumnsType<T> | undefined): TableColumnsType<T> | undefined {
  return columns?.map((c) => {
    if ('children' in c && c.children) return { ...c, children: withSorters(c.children) ?? [] };
    const col = c as TableColumnType<T>;
    if (col.sorter !== undefined || col.dataIndex === undefined || col.key === 'stt') return c;
    return {
      ...col,
      sorter: (a: T, b: T) => compareValues(fieldOf(a, col.dataIndex), fieldOf(b, col.dataIndex)),
    };
  });
}

/**
 * Server sorting: columns whose key is one of `keys` get a sorter, showing the current `sort`
 * ("name" or "-name"); `toSort` turns the table's sorter change back into that parameter.
 */
export function withServerSort<T>(
  columns: TableColumnsType<T> | undefined,
  keys: readonly string[],
  sort: string | undefined,
): TableColumnsType<T> | undefined {
  const current = sort?.replace(/^-/, '');
  const order: SortOrder = sort ? (sort.startsWith('-') ? 'descend' : 'ascend') : null;
  return columns?.map((c) => {
    const key = String(c.key ?? '');
    if (!keys.includes(key)) return c;
    return { ...c, sorter: true, sortOrder: current === key ? order : null };
  });
}

export function toSort(sorter: unknown): string | undefined {
  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as
    | { columnKey?: unknown; order?: SortOrder }
    | undefined;
  if (!s?.order || s.columnKey == null) return undefined;
  return s.order === 'descend' ? `-${String(s.columnKey)}` : String(s.columnKey);
}
