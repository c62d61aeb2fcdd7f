import { Select } from 'antd';
import { filterCodeOption, useCodeOptions } from '../lib/codes';

interface Props {
  id?: string;
  /** The code list, e.g. `rank` or `level_EDUCATION`. */
  list: string | null | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
  /** Offer only the items valid on this ISO date (dated lists such as `category`, ADR 043). */
  at?: string | null;
}

/** A Select over one code list, labels in the UI language, accent-free search. */
export function CodeSelect({
  id,
  list,
  value,
  onChange,
  placeholder,
  allowClear = true,
  disabled,
  style,
  at,
  ...rest
}: Props) {
  const options = useCodeOptions(list, value, at);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      options={options}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ filterOption: (input, option) => filterCodeOption(input, option) }}
      popupMatchSelectWidth={false}
    />
  );
}
