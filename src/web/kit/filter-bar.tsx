import { Card, Col, type ColProps, Form, Row } from 'antd';
import type { ReactNode } from 'react';

/** The search/filter card above a list: a row of labelled fields, announced as a search region. */
export function FilterBar({ children, after }: { children: ReactNode; after?: ReactNode }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" role="search">
        <Row gutter={12}>{children}</Row>
        {after}
      </Form>
    </Card>
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
