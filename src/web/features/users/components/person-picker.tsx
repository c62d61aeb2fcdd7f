import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { usePersonName, usePersonSearch } from '../api/users';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
}

/** Find a staff record by name (server search, accents optional). */
export function PersonPicker({ id, value, onChange, placeholder }: Props) {
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
      onChange={(v) => onChange?.((v as number | undefined) ?? null)}
      options={options}
      placeholder={placeholder}
      allowClear
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
