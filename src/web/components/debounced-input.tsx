import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../lib/use-debounced-value';

interface Props {
  id?: string;
  /** The committed value (e.g. from the URL). */
  value: string;
  /** Called once typing pauses for `delayMs`, or at once on Enter. */
  onCommit: (value: string) => void;
  delayMs?: number;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** A search box that commits after a pause, and follows the committed value when it changes elsewhere (back/forward). */
export function DebouncedInput({ id, value, onCommit, delayMs = 300, placeholder, style, ...rest }: Props) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, delayMs);
  const committed = useRef(value);

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const v = debounced.trim();
    if (v !== committed.current.trim()) {
      committed.current = v;
      onCommit(v);
    }
  }, [debounced, onCommit]);

  return (
    <Input
      id={id}
      aria-label={rest['aria-label']}
      type="search"
      allowClear
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      style={style}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => {
        const v = text.trim();
        if (v !== committed.current.trim()) {
          committed.current = v;
          onCommit(v);
        }
      }}
    />
  );
}
