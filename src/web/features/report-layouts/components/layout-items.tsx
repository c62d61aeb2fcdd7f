import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Row } from 'antd';
import type { ReactNode } from 'react';
import { Field } from '../../../kit/field';
import { useT } from '../../../lib/i18n';
import { layoutsMessages } from '../messages';
import { MoveButtons } from './move-buttons';

const KEY_RULE = /^[a-z0-9_]{1,30}$/;

/**
 * The rows or the columns of a layout as a list of cards: each with its key and vi/en labels,
 * moved up and down, removed (never the last); `fields` adds what the item kind has of its own.
 */
export function LayoutItems({
  name,
  disabled,
  addLabel,
  blank,
  fields: own,
}: {
  name: 'rows' | 'columns';
  disabled: boolean;
  addLabel: string;
  blank: (n: number) => object;
  fields: (itemName: number) => ReactNode;
}) {
  const t = useT(layoutsMessages);
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={`${i + 1}.`}
              extra={
                <MoveButtons
                  index={i}
                  count={fields.length}
                  move={move}
                  remove={remove}
                  disabled={disabled}
                />
              }
            >
              <Row gutter={8}>
                <Field
                  xs={12}
                  md={4}
                  name={[f.name, 'key']}
                  label={t('key')}
                  rules={[{ required: true, pattern: KEY_RULE, message: t('keyPattern') }]}
                >
                  <Input maxLength={30} />
                </Field>
                <Field
                  xs={24}
                  md={10}
                  name={[f.name, 'label', 'vi']}
                  label={t('labelVi')}
                  required={t('required')}
                >
                  <Input maxLength={200} />
                </Field>
                <Field xs={24} md={10} name={[f.name, 'label', 'en']} label={t('labelEn')}>
                  <Input maxLength={200} />
                </Field>
                {own(f.name)}
              </Row>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => add(blank(fields.length + 1))}>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
