/**
 * A plain table for paper: one header row repeated on every page, rows never split, no scroll,
 * no sticky or fixed columns (antd's screen tables draw their header as a separate table, which
 * paper cannot repeat). Lists render it inside PrintDocument's `paper`.
 */
import type { ReactNode } from 'react';

export interface PrintColumn<T> {
  key: string;
  title: string;
  /** The cell as text (codes already turned into words). */
  value: (row: T, index: number) => ReactNode;
  align?: 'left' | 'right' | 'center';
}

export function PrintTable<T>({
  columns,
  rows,
  rowKey,
  caption,
}: {
  columns: PrintColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Under the table: e.g. "Dòng 1–50 / 3.000 (trang đang xem)". */
  caption?: string;
}) {
  return (
    <>
      <table className="print-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} style={c.align ? { textAlign: c.align } : undefined}>
                  {c.value(r, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {caption ? <div className="print-caption">{caption}</div> : null}
    </>
  );
}
