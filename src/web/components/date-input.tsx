import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_INPUT_FORMATS, isFuture, parseTypedDate, toDayjs, toIsoDate } from '../lib/dates';
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

/**
 * A date picker that shows and accepts dd/mm/yyyy and holds an ISO string. A complete date typed
 * into the box is taken at once: the picker itself only commits on Enter or blur, which comes too
 * late when the user types a date and clicks "Lưu" straight away.
 */
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
  const onTyped = (e: React.FormEvent<HTMLDivElement>) => {
    const iso = parseTypedDate((e.target as HTMLInputElement).value ?? '');
    if (!iso || iso === value || (noFuture && isFuture(dayjs(iso)))) return;
    onChange?.(iso);
  };
  return (
    <div onInput={onTyped} style={{ display: 'inline-block', width: style?.width ?? '100%' }}>
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
    </div>
  );
}
