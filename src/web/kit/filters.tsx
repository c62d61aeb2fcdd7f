import { InputNumber, Select } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { CodeSelect } from '../components/code-select';
import { DebouncedInput } from '../components/debounced-input';
import { Field } from './field';
import { FilterField, useFilter } from './filter-bar';
import { POST_GROUP_PARAM } from './url-filters';

/**
 * The common filters of a list page. Inside a `<FilterBar filters set>` each reads and writes its
 * field of the page's URL filters (`field`, by default q, year, active).
 */
interface Base {
  /** The control's id; its label names it. */
  id: string;
  label: ReactNode;
  field?: string;
  xs?: number;
  sm?: number;
  md?: number;
  lg?: number;
  xl?: number;
  /** Of the grid cell, e.g. a margin below when the bar wraps. */
  style?: CSSProperties;
}

/** Free-text search, sent once typing pauses (the URL entry is replaced, not pushed). */
export function SearchFilter({
  id,
  label,
  field = 'q',
  placeholder,
  ...col
}: Base & { placeholder?: string }) {
  const [value, set] = useFilter<string>(field);
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <DebouncedInput id={id} value={value ?? ''} onCommit={(q) => set(q, true)} placeholder={placeholder} />
    </FilterField>
  );
}

/** A year (2000 to 2200); empty is every year. */
export function YearFilter({ id, label, field = 'year', ...col }: Base) {
  const [value, set] = useFilter<number>(field);
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <InputNumber
        id={id}
        style={{ width: '100%' }}
        min={2000}
        max={2200}
        value={value ?? null}
        onChange={(v) => set(v ?? undefined)}
      />
    </FilterField>
  );
}

/**
 * One value of a list, or all of them (cleared; the placeholder, e.g. "Tất cả", says so). `search`
 * lets the user type to narrow a long list (by the options' labels) and fills its cell, room for
 * the typed text; `replace` changes the URL entry in place instead of pushing a new one.
 */
export function ChoiceFilter<T extends string | number>({
  id,
  label,
  field,
  options,
  placeholder,
  search,
  replace,
  ...col
}: Base & {
  field: string;
  options: { value: T; label: ReactNode }[];
  placeholder: string;
  search?: boolean;
  replace?: boolean;
}) {
  const [value, set] = useFilter<T>(field);
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <Select<T>
        id={id}
        allowClear
        showSearch={search ? { optionFilterProp: 'label' } : undefined}
        placeholder={placeholder}
        value={value}
        onChange={(v) => set(v ?? undefined, replace)}
        options={options}
        style={search ? { width: '100%' } : undefined}
      />
    </FilterField>
  );
}

/** In use / no longer in use / all (default: in use). */
export function ActiveFilter({
  id,
  label,
  field = 'active',
  texts,
  ...col
}: Base & { texts: { active: string; inactive: string; all: string } }) {
  const [value, set] = useFilter<'true' | 'false' | 'all'>(field);
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <Select
        id={id}
        value={value}
        onChange={(v) => set(v)}
        options={[
          { value: 'true', label: texts.active },
          { value: 'false', label: texts.inactive },
          { value: 'all', label: texts.all },
        ]}
      />
    </FilterField>
  );
}

/** One code of a code list (labels in the UI language, accent-free search), or all of them. */
export function CodeFilter({
  id,
  label,
  field,
  list,
  placeholder,
  ...col
}: Base & { field: string; list: string; placeholder: string }) {
  const [value, set] = useFilter<string>(field);
  return (
    <FilterField {...col} label={label} htmlFor={id}>
      <CodeSelect
        id={id}
        list={list}
        value={value ?? null}
        onChange={(v) => set(v ?? undefined)}
        placeholder={placeholder}
      />
    </FilterField>
  );
}

/**
 * A post group (list `post_group`, ADR 036), kept in the URL as `postGroup` (the people API's filter
 * of the same name): the offices count people by these groups, not by the words of the post.
 */
export function PostGroupFilter({ field = POST_GROUP_PARAM, ...rest }: Base & { placeholder: string }) {
  return <CodeFilter {...rest} field={field} list="post_group" />;
}

/**
 * The same post-group choice in a page's own filter form (not bound to a FilterBar): the value and
 * its change come from the page, e.g. to reset the list's page as well.
 */
export function PostGroupField({
  id,
  label,
  placeholder,
  value,
  onChange,
  field: _field,
  ...col
}: Base & { placeholder: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  return (
    <Field {...col} label={label} htmlFor={id} style={{ marginBottom: 12, ...col.style }}>
      <CodeSelect
        id={id}
        list="post_group"
        placeholder={placeholder}
        value={value ?? null}
        onChange={(v) => onChange(v ?? undefined)}
      />
    </Field>
  );
}
