/** A page of a server list: `total` is a lower bound when `totalIsLowerBound` (ADR 032). */
export interface PageData<T> {
  items: T[];
  total: number;
  totalIsLowerBound?: boolean;
}

/**
 * The total to give the pager. A "more than N" total grows with the pages read, one past the
 * current page while full pages come back, so "next" stays enabled until the rows run out.
 */
export function pagerTotal(data: PageData<unknown> | undefined, page: number, pageSize: number): number {
  if (!data) return 0;
  if (!data.totalIsLowerBound) return data.total;
  const seen = (page - 1) * pageSize + data.items.length;
  return Math.max(data.total, data.items.length === pageSize ? seen + 1 : seen);
}
