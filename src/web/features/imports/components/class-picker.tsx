import { Select } from 'antd';
import { useState } from 'react';
import { CLASS_STATUS_LABELS } from '../../../../contracts/classes';
import { useLang } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useClasses } from '../../classes/api/classes';

/** A class of the actor's scope, searched by code or name (accents ignored) on the server. */
export function ClassPicker(props: {
  id?: string;
  value?: number;
  onChange: (id: number | undefined) => void;
}) {
  const [lang] = useLang();
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q);
  const { data, isFetching } = useClasses({ q: search || undefined, page: 1, pageSize: 30 });
  return (
    <Select
      id={props.id}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      value={props.value}
      onChange={(v) => props.onChange(v ?? undefined)}
      options={(data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.code} — ${c.name} (${CLASS_STATUS_LABELS[c.status][lang]}, ${c.seatsTaken}/${c.capacity})`,
      }))}
    />
  );
}
