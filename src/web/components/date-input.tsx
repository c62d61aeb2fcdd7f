import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_INPUT_FORMATS, isFuture, toDayjs, toIsoDate } from '../lib/dates';
import { useT } from '../lib/i18n';

interface Props {
  id?: string;
  /** ISO date `yyyy-mm-dd` (what the API takes), or null. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Forbid days after today (birth dates, issue dates…). */
  noFuture?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** A date picker that shows and accepts dd/mm/yyyy and holds an ISO string. */
export function DateInput({
  id,
  value,
  onChange,
  noFuture,
  allowClear = true,
  placeholder,
  disabled,
  style,
  ...rest
}: Props) {
  const t = useT();
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      style={{ width: '100%', ...style }}
      value={toDayjs(value)}
      onChange={(d: Dayjs | null) => onChange?.(toIsoDate(d))}
      format={DATE_INPUT_FORMATS}
      placeholder={placeholder ?? t('datePlaceholder')}
      disabledDate={noFuture ? isFuture : undefined}
      allowClear={allowClear}
      disabled={disabled}
    />
  );
}
