/** Pick the lecturer record a lecturer's login is linked to (ADR 038), searched by name. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';

interface Props {
  value?: number | null;
  onChange?: (v: number | null) => void;
  /** The name of the lecturer linked now, shown before any search. */
  currentName?: string | null;
  placeholder?: string;
}

export function LecturerSelect({ value, onChange, currentName, placeholder }: Props) {
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const found = useQuery({
    queryKey: ['users', 'lecturer-options', debounced],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: { id: number; fullName: string; workplace: string | null }[] }>('/lecturers', {
          signal,
          query: { q: debounced || undefined, pageSize: 50 },
        })
      ).items,
    placeholderData: keepPreviousData,
  });
  const options = [
    ...(value && currentName ? [{ value, label: currentName }] : []),
    ...(found.data ?? [])
      .filter((l) => l.id !== value || !currentName)
      .map((l) => ({ value: l.id, label: l.workplace ? `${l.fullName} (${l.workplace})` : l.fullName })),
  ];
  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder}
    />
  );
}
