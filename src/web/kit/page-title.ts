/**
 * The browser tab's title, "<page> – dtbd", set in one place (the shell) from the menu entry the
 * page belongs to, so every page gets its own title without setting it by hand.
 */
import { useEffect } from 'react';

export const APP_TITLE = 'dtbd';

/** "<page> – dtbd"; the bare app name when the page has no name. */
export function pageTitle(page: string | null | undefined): string {
  const p = page?.trim();
  return p ? `${p} – ${APP_TITLE}` : APP_TITLE;
}

/**
 * The entry whose path is the longest prefix of `pathname` ("/classes/12" -> "/classes"), or
 * undefined when none is.
 */
export function entryFor<E extends { path: string }>(pathname: string, entries: readonly E[]): E | undefined {
  let best: E | undefined;
  for (const e of entries)
    if (
      (pathname === e.path || pathname.startsWith(`${e.path}/`)) &&
      (!best || e.path.length > best.path.length)
    )
      best = e;
  return best;
}

/** Sets document.title to "<page> – dtbd" while the page is shown. */
export function usePageTitle(page: string | null | undefined): void {
  useEffect(() => {
    document.title = pageTitle(page);
  }, [page]);
}
