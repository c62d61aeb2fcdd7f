import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  type Paged,
  patchSearch,
  readPage,
  readPageSize,
  readUrlFilters,
  type UrlPatch,
  type UrlSchema,
  type UrlValues,
  withPage,
} from './url-filters';

/**
 * The filters of a list page, read from and written to the URL (see url-filters.ts). Declare the
 * schema at module level so it is stable. `set` changes filters (back to page 1; `replace` for typing,
 * so every keystroke is not a history entry); `paging` goes to a ServerTable as it is. With `pageSizes`
 * the reader may choose the page size (kept in the URL as `size`; the first is the default).
 */
export function useUrlFilters<S extends UrlSchema>(
  schema: S,
  { pageSize: fixed = 50, pageSizes }: { pageSize?: number; pageSizes?: readonly number[] } = {},
) {
  const [params, setParams] = useSearchParams();
  const pageSize = pageSizes ? readPageSize(params, pageSizes) : fixed;
  const filters: Paged<UrlValues<S>> = useMemo(
    () => ({ ...readUrlFilters(schema, params), page: readPage(params), pageSize }),
    [schema, params, pageSize],
  );
  const set = useCallback(
    (patch: UrlPatch<S>, replace = false) => setParams(patchSearch(schema, params, patch), { replace }),
    [schema, params, setParams],
  );
  const setPage = useCallback(
    (page: number, size: number) =>
      setParams(withPage(params, page, pageSizes ? { pageSize: size, sizes: pageSizes } : undefined)),
    [params, setParams, pageSizes],
  );
  const paging = {
    page: filters.page,
    pageSize,
    onPageChange: setPage,
    ...(pageSizes ? { pageSizeOptions: [...pageSizes] } : {}),
  };
  return { filters, set, paging, params, setParams, offset: (filters.page - 1) * pageSize };
}

/**
 * URL state of a page that has its own pure read/write pair (like gaps-url.ts): the value the URL
 * holds, `patch` to change part of it (`replace` for typing, so keystrokes are not history entries).
 * Pass module-level functions.
 */
export function useUrlState<F>(read: (sp: URLSearchParams) => F, write: (value: F) => URLSearchParams) {
  const [params, setParams] = useSearchParams();
  const value = useMemo(() => read(params), [read, params]);
  const patch = useCallback(
    (change: Partial<F>, replace = false) => setParams(write({ ...read(params), ...change }), { replace }),
    [read, write, params, setParams],
  );
  return { value, patch, params, setParams };
}
