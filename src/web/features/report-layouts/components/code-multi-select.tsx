import { Select } from 'antd';
import { filterCodeOption, useCodeOptions } from '../../../lib/codes';

/** Several codes of one list (a row selector's categories, ranks, tiers). Empty = any. */
export function CodeMultiSelect({
  list,
  value,
  onChange,
  placeholder,
  id,
}: {
  list: string;
  value?: string[];
  onChange?: (v: string[] | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  const options = useCodeOptions(list);
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      style={{ width: '100%' }}
      placeholder={placeholder}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v.length ? v : undefined)}
      options={options}
      showSearch={{ filterOption: (input, option) => filterCodeOption(input, option) }}
      popupMatchSelectWidth={false}
    />
  );
}
