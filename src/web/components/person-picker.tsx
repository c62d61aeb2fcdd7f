import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { PersonListItem } from '../../contracts/people';
import { api, type Paged } from '../lib/api-client';
import { useCodeLabel } from '../lib/codes';
import { formatDate } from '../lib/dates';
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

type Named = Pick<PersonOption, 'fullName' | 'birthDate' | 'post' | 'postCode' | 'unitName'>;

/**
 * "Name · birth date · post · unit": enough to tell two people of the same name apart (issue 17).
 * Missing parts are left out.
 */
export function usePersonLabel(): (p: Named) => string {
  const label = useCodeLabel();
  return (p) =>
    [
      p.fullName,
      p.birthDate ? formatDate(p.birthDate) : null,
      p.postCode ? label('post', p.postCode) : p.post,
      p.unitName,
    ]
      .filter(Boolean)
      .join(' · ');
}

function usePersonName(id: number | null | undefined) {
  return useQuery({
    queryKey: ['person-picker', 'name', id],
    queryFn: ({ signal }) => api.get<Named & { id: number }>(`/people/${id}`, { signal }),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

interface Props {
  id?: string;
  value?: number | null;
  /** The id and the option's label (name, birth date, post, unit), for callers that show who was picked. */
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
  const labelOf = usePersonLabel();
  const options = useMemo(() => {
    const list = (data ?? []).map((p) => ({ value: p.id, label: labelOf(p) }));
    if (value && current.data && !list.some((o) => o.value === value))
      list.unshift({ value, label: labelOf(current.data) });
    return list;
  }, [data, value, current.data, labelOf]);

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

/**
 * Several people by name (server search, accents optional): the chosen stay while the search
 * changes; each option and tag reads name, birth date, post and unit.
 */
export function PersonMultiPicker({
  id,
  value,
  onChange,
  placeholder,
}: {
  id?: string;
  value: { id: number; label: string }[];
  onChange: (value: { id: number; label: string }[]) => void;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const { data, isFetching } = usePersonSearch(debounced);
  const labelOf = usePersonLabel();
  const options = useMemo(() => {
    const found = (data ?? []).map((p) => ({ value: p.id, label: labelOf(p) }));
    const kept = value
      .filter((v) => !found.some((f) => f.value === v.id))
      .map((v) => ({ value: v.id, label: v.label }));
    return [...kept, ...found];
  }, [data, value, labelOf]);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value.map((v) => v.id)}
      onChange={(ids: number[], opts) => {
        const list = (Array.isArray(opts) ? opts : [opts]) as { value: number; label: string }[];
        onChange(ids.map((v) => ({ id: v, label: list.find((o) => o?.value === v)?.label ?? String(v) })));
      }}
      options={options}
      placeholder={placeholder}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
