import { InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { DebouncedInput } from '../components/debounced-input';
import { FilterField } from './filter-bar';

/** The grid widths of a filter (a Col's xs, md, xl...). */
interface Widths {
  xs?: number;
  sm?: number;
  md?: number;
  lg?: number;
  xl?: number;
}

interface Base<T> extends Widths {
  /** The control's id; its label names it. */
  id: string;
  label: ReactNode;
  value: T | undefined;
}

/** Free-text search, sent once typing pauses (the URL entry is replaced, not pushed). */
export function SearchFilter({
  id,
  label,
  value,
  onCommit,
  placeholder,
  ...col
}: Base<string> & { onCommit: (q: string) => void; placeholder?: string }) {
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <DebouncedInput id={id} value={value ?? ''} onCommit={onCommit} placeholder={placeholder} />
    </FilterField>
  );
}

/** A year (2000 to 2200); empty is every year. */
export function YearFilter({
  id,
  label,
  value,
  onChange,
  ...col
}: Base<number> & { onChange: (year: number | undefined) => void }) {
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <InputNumber
        id={id}
        style={{ width: '100%' }}
        min={2000}
        max={2200}
        value={value ?? null}
        onChange={(v) => onChange(v ?? undefined)}
      />
    </FilterField>
  );
}

/** One value of a list, or all of them (cleared). */
export function ChoiceFilter<T extends string | number>({
  id,
  label,
  value,
  onChange,
  options,
  placeholder,
  ...col
}: Base<T> & {
  onChange: (v: T | undefined) => void;
  options: { value: T; label: ReactNode }[];
  /** Shown when nothing is picked ("Tất cả"). */
  placeholder: string;
}) {
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <Select<T>
        id={id}
        allowClear
        placeholder={placeholder}
        value={value}
        onChange={(v) => onChange(v ?? undefined)}
        options={options}
      />
    </FilterField>
  );
}

export type Activity = 'true' | 'false' | 'all';

/** In use / no longer in use / all (default: in use). */
export function ActiveFilter({
  id,
  label,
  value,
  onChange,
  texts,
  ...col
}: Base<Activity> & {
  onChange: (v: Activity) => void;
  texts: { active: string; inactive: string; all: string };
}) {
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <Select<Activity>
        id={id}
        value={value}
        onChange={onChange}
        options={[
          { value: 'true', label: texts.active },
          { value: 'false', label: texts.inactive },
          { value: 'all', label: texts.all },
        ]}
      />
    </FilterField>
  );
}
