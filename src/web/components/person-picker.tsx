import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { PersonListItem } from '../../contracts/people';
import { api, type Paged } from '../lib/api-client';
import { useDebouncedValue } from '../lib/use-debounced-value';

type PersonOption = z.infer<typeof PersonListItem>;

/** People matching a name (server search, accents optional), at least 2 characters. */
function usePersonSearch(q: string) {
  return useQuery<PersonOption[]>({
    queryKey: ['person-picker', 'search', q],
    queryFn: ({ signal }) =>
      api.get<Paged<PersonOption>>('/people', { signal, query: { q, pageSize: 20 } }).then((r) => r.items),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

function usePersonName(id: number | null | undefined) {
  return useQuery({
    queryKey: ['person-picker', 'name', id],
    queryFn: ({ signal }) =>
      api.get<{ id: number; fullName: string; unitName: string }>(`/people/${id}`, { signal }),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

interface Props {
  id?: string;
  value?: number | null;
  /** The id and the option's label ("name — unit"), for callers that show who was picked. */
  onChange?: (value: number | null, label?: string) => void;
  placeholder?: string;
  disabled?: boolean;
}

/** Find a staff record by name (server search, accents optional). Used by users, lecturers and nominations. */
export function PersonPicker({ id, value, onChange, placeholder, disabled }: Props) {
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const { data, isFetching } = usePersonSearch(debounced);
  const current = usePersonName(value);
  const options = useMemo(() => {
    const list = (data ?? []).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }));
    if (value && current.data && !list.some((o) => o.value === value))
      list.unshift({ value, label: `${current.data.fullName} — ${current.data.unitName}` });
    return list;
  }, [data, value, current.data]);

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v, option) =>
        onChange?.((v as number | undefined) ?? null, (option as { label?: string } | undefined)?.label)
      }
      options={options}
      placeholder={placeholder}
      allowClear
      disabled={disabled}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
