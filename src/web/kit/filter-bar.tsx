import { Card, Col, type ColProps, Form, Row } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';

/** The URL filters of a list (from useUrlFilters), shared with the filters inside a FilterBar. */
export interface FilterState {
  filters: object;
  // biome-ignore lint/suspicious/noExplicitAny: each filter writes its own field; the page's schema checks it
  set: (patch: any, replace?: boolean) => void;
}

const FilterContext = createContext<FilterState | null>(null);

/** The value of one filter in the FilterBar around it, and how to change it. */
export function useFilter<T>(
  field: string,
): [T | undefined, (value: T | undefined, replace?: boolean) => void] {
  const state = useContext(FilterContext);
  if (!state) throw new Error('A filter must stand inside a <FilterBar filters set>');
  return [
    (state.filters as Record<string, T | undefined>)[field],
    (value, replace) => state.set({ [field]: value }, replace),
  ];
}

/**
 * The search/filter card above a list: a row of labelled fields, announced as a search region. Given
 * the page's URL filters (`filters`, `set`), the kit's filters inside it read and write their field.
 */
export function FilterBar({
  children,
  after,
  filters,
  set,
}: { children: ReactNode; after?: ReactNode } & Partial<FilterState>) {
  const bar = (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" role="search">
        <Row gutter={12}>{children}</Row>
        {after}
      </Form>
    </Card>
  );
  return filters && set ? (
    <FilterContext.Provider value={{ filters, set }}>{bar}</FilterContext.Provider>
  ) : (
    bar
  );
}

interface FieldProps extends Omit<ColProps, 'children'> {
  label: ReactNode;
  /** The id of the control, so the label names it (and e2e finds it by its label). */
  htmlFor: string;
  children: ReactNode;
}

/** One labelled filter in a FilterBar; takes the grid widths of a Col (xs, md, xl...). */
export function FilterField({ label, htmlFor, children, ...col }: FieldProps) {
  return (
    <Col {...col}>
      <Form.Item label={label} htmlFor={htmlFor} style={{ marginBottom: 0 }}>
        {children}
      </Form.Item>
    </Col>
  );
}
