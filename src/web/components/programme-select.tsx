import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, type Paged } from '../lib/api-client';
import { useLang } from '../lib/i18n';
import { useDebouncedValue } from '../lib/use-debounced-value';

interface ProgrammeOption {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  active: boolean;
}

/**
 * A programme of the catalogue, searched on the server as one types (programmes in use only). The
 * record's current programme stays offered even when it is no longer in use. For a Form.Item.
 */
export function ProgrammeSelect({
  current,
  id,
  value,
  onChange,
  placeholder,
  allowClear,
}: {
  /** The programme the record has now (`code – name`). */
  current?: { value: number; label: string } | null;
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
}) {
  const [lang] = useLang();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const programmes = useQuery({
    queryKey: ['programmes', 'options', q],
    queryFn: ({ signal }) =>
      api.get<Paged<ProgrammeOption>>('/programmes', { signal, query: { q: q || undefined, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });
  const options = [
    ...(current ? [current] : []),
    ...(programmes.data?.items ?? [])
      .filter((p) => p.active && p.id !== current?.value)
      .map((p) => ({ value: p.id, label: `${p.code} – ${lang === 'vi' ? p.nameVi : p.nameEn}` })),
  ];
  return (
    <Select
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear={allowClear}
      placeholder={placeholder}
      options={options}
      loading={programmes.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
    />
  );
}
