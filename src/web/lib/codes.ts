import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { validAt } from '../../contracts/categories';
import type { CodeItem as CodeItemSchema } from '../../contracts/code-items';
import { foldText } from '../../contracts/text';
import { api } from './api-client';
import { useLang } from './i18n';

export type CodeItem = z.infer<typeof CodeItemSchema>;
export type CodeLists = Record<string, CodeItem[]>;

export const codesQueryKey = ['codes'] as const;

export function useCodes() {
  return useQuery({
    queryKey: codesQueryKey,
    queryFn: ({ signal }) => api.get<{ lists: CodeLists }>('/codes', { signal }).then((r) => r.lists),
    staleTime: 10 * 60_000,
  });
}

/** Label of one code in the UI language; unknown codes show as themselves. */
export function useCodeLabel(): (list: string, code: string | null | undefined) => string {
  const { data } = useCodes();
  const [lang] = useLang();
  const index = useMemo(() => {
    const m = new Map<string, CodeItem>();
    for (const [list, items] of Object.entries(data ?? {}))
      for (const it of items) m.set(`${list}\u0000${it.code}`, it);
    return m;
  }, [data]);
  return useCallback(
    (list, code) => {
      if (code === null || code === undefined || code === '') return '—';
      const it = index.get(`${list}\u0000${code}`);
      if (!it) return code;
      return lang === 'vi' ? it.labelVi : it.labelEn;
    },
    [index, lang],
  );
}

export interface CodeOption {
  value: string;
  label: string;
  /** Accent-free label for search. */
  search: string;
  disabled?: boolean;
}

/**
 * Options of one list for a Select. Inactive items, and with `at` (ISO date) items whose dated
 * meta (validFrom / validTo, ADR 043) excludes that day, are left out, except `keep` (the value a
 * record already holds, so editing it does not blank the field; it shows disabled).
 */
export function useCodeOptions(
  list: string | null | undefined,
  keep?: string | null,
  at?: string | null,
): CodeOption[] {
  const { data } = useCodes();
  const [lang] = useLang();
  return useMemo(() => {
    const items = (list && data?.[list]) || [];
    return items
      .filter((it) => (it.active && (!at || validAt(it.meta, at))) || it.code === keep)
      .map((it) => {
        const label = lang === 'vi' ? it.labelVi : it.labelEn;
        const usable = it.active && (!at || validAt(it.meta, at));
        return { value: it.code, label, search: foldText(`${label} ${it.code}`), disabled: !usable };
      });
  }, [data, list, lang, keep, at]);
}

/** Select `filterOption` that ignores accents and case. */
export function filterCodeOption(input: string, option?: { search?: string; label?: unknown }): boolean {
  const hay = option?.search ?? foldText(String(option?.label ?? ''));
  return hay.includes(foldText(input));
}
