import { Col, Divider, Form, Input, InputNumber, Row } from 'antd';
import type { ReactNode } from 'react';
import { useCodeOptions } from '../lib/codes';

const moneyFormat = (v: number | string | undefined) =>
  v === undefined || v === '' ? '' : Number(v).toLocaleString('vi-VN');
const moneyParse = (v: string | undefined) => Number((v ?? '').replace(/\D/g, '')) || 0;

/** One VND input per funding source (list `funding_source`), in the form field `name` (default `budget`). */
export function BudgetInputs({ name = 'budget' }: { name?: string }) {
  const sources = useCodeOptions('funding_source');
  return (
    <Row gutter={12}>
      {sources.map((s) => (
        <Col span={12} key={s.value}>
          <Form.Item name={[name, s.value]} label={s.label}>
            <InputNumber<number>
              min={0}
              step={1_000_000}
              style={{ width: '100%' }}
              formatter={moneyFormat}
              parser={moneyParse}
              addonAfter="đ"
            />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** Drop the sources left empty, so a budget holds only what was entered. */
export function budgetOf(v: Record<string, number | null | undefined> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(v ?? {}).filter((e): e is [string, number] => !!e[1]));
}

/**
 * The budget part of a record's form (a training class, a delegation, a plan line, a sponsorship):
 * a divider titled `title`, one input per funding source, then the note (`noteLabel`, up to `noteMax`).
 */
export function BudgetAndNote({
  title,
  noteLabel,
  noteMax = 2000,
  plain,
}: {
  title: ReactNode;
  noteLabel: ReactNode;
  noteMax?: number;
  /** A plain divider (lighter title); else a tight one. */
  plain?: boolean;
}) {
  return (
    <>
      <Divider titlePlacement="start" plain={plain} style={plain ? undefined : { margin: '4px 0 12px' }}>
        {title}
      </Divider>
      <BudgetInputs />
      <Form.Item name="note" label={noteLabel}>
        <Input.TextArea rows={2} maxLength={noteMax} />
      </Form.Item>
    </>
  );
}
