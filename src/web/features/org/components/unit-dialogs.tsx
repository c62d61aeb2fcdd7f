import { App, Form, Input, Row } from 'antd';
import { useMemo } from 'react';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { blank } from '../../../kit/form-values';
import { todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { subtreeIds, useOrgTree } from '../../../lib/org-tree';
import { type UnitDetail, useCreateUnit, useMoveUnit, useRenameUnit } from '../api/org';
import { orgMessages } from '../messages';

export function CreateUnitModal({
  parent,
  onClose,
  onDone,
}: {
  parent: UnitDetail;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const t = useT(orgMessages);
  const [form] = Form.useForm();
  const create = useCreateUnit();
  const { message } = App.useApp();

  const submit = async (v: ReturnType<typeof form.getFieldsValue>) => {
    const u = await create.mutateAsync({
      parentId: parent.id,
      name: v.name,
      shortName: blank(v.shortName),
      code: blank(v.code),
      level: v.level,
      kind: v.kind,
      validFrom: v.validFrom,
    });
    message.success(t('created'));
    onDone(u.id);
  };

  return (
    <FormModal
      title={t('addChildTitle', { parent: parent.name })}
      width={640}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{
        validFrom: todayIso(),
        level: parent.level === 'province' ? 'agency' : parent.level,
        kind: parent.kind,
      }}
    >
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
        <Field xs={24} sm={12} name="level" label={t('level')} required={t('required')}>
          <CodeSelect list="unit_level" allowClear={false} />
        </Field>
        <Field xs={24} sm={12} name="kind" label={t('kind')} required={t('required')}>
          <CodeSelect list="unit_kind" allowClear={false} />
        </Field>
        <Field xs={24} sm={12} name="validFrom" label={t('validFrom')} required={t('required')}>
          <DateInput allowClear={false} />
        </Field>
      </Row>
    </FormModal>
  );
}

export function RenameUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const t = useT(orgMessages);
  const [form] = Form.useForm();
  const rename = useRenameUnit();
  const { message } = App.useApp();

  const submit = async (v: ReturnType<typeof form.getFieldsValue>) => {
    await rename.mutateAsync({
      id: unit.id,
      body: {
        name: v.name,
        shortName: blank(v.shortName),
        code: blank(v.code),
        effectiveDate: v.effectiveDate,
        note: blank(v.note),
      },
    });
    message.success(t('renamed'));
  };

  return (
    <FormModal
      title={`${t('renameTitle')}: ${unit.name}`}
      width={640}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{
        name: unit.name,
        shortName: unit.shortName,
        code: unit.code,
        effectiveDate: todayIso(),
      }}
    >
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
        <Field xs={24} sm={12} name="effectiveDate" label={t('effectiveDate')} required={t('required')}>
          <DateInput allowClear={false} />
        </Field>
      </Row>
      <Form.Item name="note" label={t('note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

export function MoveUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const t = useT(orgMessages);
  const [form] = Form.useForm();
  const move = useMoveUnit();
  const { message } = App.useApp();
  const tree = useOrgTree();
  // A unit cannot move under itself or its own sub-units, nor stay where it is.
  const disabled = useMemo(() => {
    const ids = subtreeIds(tree.data?.units ?? [], unit.id);
    if (unit.parentId !== null) ids.add(unit.parentId);
    return ids;
  }, [tree.data, unit.id, unit.parentId]);

  const submit = async (v: ReturnType<typeof form.getFieldsValue>) => {
    await move.mutateAsync({
      id: unit.id,
      body: { parentId: v.parentId, effectiveDate: v.effectiveDate, note: blank(v.note) },
    });
    message.success(t('moved'));
  };

  return (
    <FormModal
      title={t('moveTitle', { name: unit.name })}
      width={640}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{ effectiveDate: todayIso() }}
    >
      <Form.Item label={t('parent')}>
        <Input value={unit.parentName ?? '—'} disabled aria-label={t('parent')} />
      </Form.Item>
      <Field name="parentId" label={t('newParent')} required={t('required')}>
        <UnitTreeSelect disabledIds={disabled} />
      </Field>
      <Field name="effectiveDate" label={t('effectiveDate')} required={t('required')}>
        <DateInput allowClear={false} />
      </Field>
      <Form.Item name="note" label={t('note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
