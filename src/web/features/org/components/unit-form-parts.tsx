import { Form, Input, Row } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import type { UnitDetail } from '../api/org';
import { orgMessages } from '../messages';

/** What a dialog acting on a unit is given; `onDone` opens the unit it leads to. */
export interface UnitActionProps {
  unit: UnitDetail;
  onClose: () => void;
  onDone: (id: number) => void;
}

/** The org unit dialogs' FormModal: wider than the default, and a click beside it does not close it. */
// biome-ignore lint/suspicious/noExplicitAny: the values and result are each dialog's own
export function UnitFormModal<V, R = any>(props: ComponentProps<typeof FormModal<V, R>>) {
  return <FormModal<V, R> width={640} mask={{ closable: false }} {...props} />;
}

/** A unit's name (required), then in a row its short name, code and the `children` fields. */
export function UnitNameFields({ children }: { children?: ReactNode }) {
  const t = useT(orgMessages);
  return (
    <>
      <Form.Item
        name="name"
        label={t('name')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Field xs={24} sm={12} name="shortName" label={t('shortName')} rules={[{ max: 60 }]}>
          <Input />
        </Field>
        <Field xs={24} sm={12} name="code" label={t('code')} rules={[{ max: 20 }]}>
          <Input />
        </Field>
        {children}
      </Row>
    </>
  );
}

/** The optional note of a change to the tree (kept in its history). */
export function NoteField() {
  const t = useT(orgMessages);
  return (
    <Form.Item name="note" label={t('note')} rules={[{ max: 500 }]}>
      <Input.TextArea rows={2} />
    </Form.Item>
  );
}
