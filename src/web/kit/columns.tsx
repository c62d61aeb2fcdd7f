import { type TableColumnType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../lib/dates';

/** The fields of T that hold a V. */
type KeysOf<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];

/** An amount as the lists write it (1.250.000). */
export const formatAmount = (n: number) => n.toLocaleString('vi-VN');

/**
 * Columns several lists share, each a TableColumnType built from the page's own title; the rest of a
 * column (sorting, a fixed side) may be spread over it.
 */

/** A record's code, a link to the record. */
export function codeLinkColumn<T extends { code: string }>(
  title: ReactNode,
  href: (r: T) => string,
  width: number,
): TableColumnType<T> {
  return { title, key: 'code', width, render: (_v, r) => <Link to={href(r)}>{r.code}</Link> };
}

/** The least width of a name column: a class or delegation name stays readable at 1366 px. */
export const NAME_MIN_WIDTH = 220;

/** A record's name, a link to the record, with a secondary line under it. */
export function nameLinkColumn<T extends { name: string }>(
  title: ReactNode,
  href: (r: T) => string,
  sub: (r: T) => ReactNode,
): TableColumnType<T> {
  return {
    title,
    key: 'name',
    minWidth: NAME_MIN_WIDTH,
    render: (_v, r) => (
      <div className="name-cell">
        <Link to={href(r)}>{r.name}</Link>
        <div>
          <Typography.Text type="secondary">{sub(r)}</Typography.Text>
        </div>
      </div>
    ),
  };
}

/** From one date to another ("01/03/2026 – 05/03/2026"). */
export function dateRangeColumn<T>(
  title: ReactNode,
  from: KeysOf<T, string | null>,
  to: KeysOf<T, string | null>,
  width = 190,
): TableColumnType<T> {
  return {
    title,
    key: 'dates',
    width,
    className: 'tabular',
    render: (_v, r) => `${formatDate(r[from] as string | null)} – ${formatDate(r[to] as string | null)}`,
  };
}

/** An amount, right-aligned. */
export function amountColumn<T>(title: ReactNode, dataIndex: keyof T & string, key: string, width = 140) {
  return {
    title,
    dataIndex,
    key,
    width,
    align: 'right',
    className: 'tabular',
    render: (v: number) => formatAmount(v),
  } satisfies TableColumnType<T>;
}
