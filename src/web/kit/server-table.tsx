import { Card, Table, type TableColumnType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { QueryErrorResult } from '../components/results';
import { useLang, useT } from '../lib/i18n';
import { type PageData, pagerTotal } from './paged-total';
import { toSort, withServerSort, withSorters } from './sort';

/** "10.000" or "hơn 10.000" / "more than 10,000", in the language of the screen. */
export function useTotalText(): (data: PageData<unknown> | undefined) => string {
  const t = useT();
  const [lang] = useLang();
  return (data) => {
    const n = (data?.total ?? 0).toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
    return data?.totalIsLowerBound ? t('moreThan', { n }) : n;
  };
}

/** What a server-paged list query gives (a TanStack query of `{ items, total }`). */
export interface PagedQuery<T> {
  data?: PageData<T>;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

interface Props<T> extends Omit<TableProps<T>, 'pagination' | 'dataSource' | 'loading'> {
  query: PagedQuery<T>;
  /** The first load failed: show this instead of the error page (e.g. in a drawer). */
  errorView?: ReactNode;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  /** "Tổng: N" under the table. */
  showTotal: (total: number, range: [number, number]) => ReactNode;
  /** Offer these page sizes (default: the size is fixed). */
  pageSizeOptions?: number[];
  /** Extra pagination props (position...). */
  paginationExtra?: Omit<NonNullable<Exclude<TableProps<T>['pagination'], false>>, 'current' | 'total'>;
  /** Draw the table in a padless Card (default) or bare, inside a card of the caller. */
  bare?: boolean;
  /** The column keys the server sorts by (the list's whitelisted `sort` keys). */
  sortKeys?: readonly string[];
  /** The current `sort` ("name", "-startsOn"). */
  sort?: string;
  /** The reader clicked a column header: the new `sort` (undefined: the list's own order). */
  onSortChange?: (sort: string | undefined) => void;
}

/** A table wider than the screen (a phone) scrolls sideways instead of squeezing its columns. */
const WIDE = { x: true } as const;

/**
 * A list paged on the server: the failed first load shows the error with a retry, later failures keep
 * the rows; loading while fetching; page and total from the query. Columns and texts are the page's.
 */
export function ServerTable<T extends object>({
  query,
  page,
  pageSize,
  onPageChange,
  showTotal,
  pageSizeOptions,
  paginationExtra,
  bare,
  errorView,
  sortKeys,
  sort,
  onSortChange,
  ...table
}: Props<T>) {
  if (query.error && !query.data)
    return errorView ?? <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  const el = (
    <Table<T>
      rowKey="id"
      size="small"
      scroll={WIDE}
      {...table}
      columns={sortKeys ? withServerSort(table.columns, sortKeys, sort) : table.columns}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action === 'sort') onSortChange?.(toSort(sorter));
      }}
      dataSource={query.data?.items ?? []}
      loading={query.isPending || query.isFetching}
      pagination={{
        current: page,
        pageSize,
        total: pagerTotal(query.data, page, pageSize),
        showSizeChanger: !!pageSizeOptions,
        pageSizeOptions,
        showTotal,
        // A new page size starts again from the first page.
        onChange: (p, size) => onPageChange(size !== pageSize ? 1 : p, size),
        style: { padding: '0 12px' },
        ...paginationExtra,
      }}
    />
  );
  return bare ? (
    el
  ) : (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      {el}
    </Card>
  );
}

/** The "STT" column: the row's number in the whole list, not in the page (offset 0 for an unpaged list). */
export function rowNumberColumn<T>(title: string, offset: number, width = 60): TableColumnType<T> {
  return {
    title,
    key: 'stt',
    width,
    align: 'right',
    className: 'tabular',
    render: (_v, _r, i) => offset + i + 1,
  };
}

interface ListProps<T> extends Omit<TableProps<T>, 'pagination'> {
  /** Page the rows in the browser, this many to a page (default: one unpaged table). */
  pageSize?: number;
  /** With `pageSize`, the reader may choose among these sizes. */
  pageSizeOptions?: number[];
  /** "Tổng: N" under the table; without it the pager hides while one page holds every row. */
  showTotal?: (total: number) => ReactNode;
}

/**
 * A list the server sends whole: a small table keyed by `id`, without a pager, or paged in the
 * browser when given `pageSize`. Every column showing a field sorts in the browser (kit/sort.ts).
 */
export function ListTable<T extends object>({
  pageSize,
  pageSizeOptions,
  showTotal,
  ...props
}: ListProps<T>) {
  const pagination: TableProps<T>['pagination'] = pageSize
    ? {
        defaultPageSize: pageSize,
        showSizeChanger: !!pageSizeOptions,
        pageSizeOptions,
        hideOnSinglePage: !showTotal,
        showTotal,
        style: { padding: '0 12px' },
      }
    : false;
  return (
    <Table<T>
      rowKey="id"
      size="small"
      scroll={WIDE}
      pagination={pagination}
      {...props}
      columns={withSorters(props.columns)}
    />
  );
}
