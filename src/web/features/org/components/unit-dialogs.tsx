import { App, Form, Input } from 'antd';
import { useMemo } from 'react';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { blank } from '../../../kit/form-values';
import { todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { subtreeIds, useOrgTree } from '../../../lib/org-tree';
import { type UnitDetail, useCreateUnit, useMoveUnit, useRenameUnit } from '../api/org';
import { orgMessages } from '../messages';
import { NoteField, type UnitActionProps, UnitFormModal, UnitNameFields } from './unit-form-parts';

export function CreateUnitModal({
  parent,
  onClose,
  onDone,
}: Omit<UnitActionProps, 'unit'> & { parent: UnitDetail }) {
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
    <UnitFormModal
      title={t('addChildTitle', { parent: parent.name })}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{
        validFrom: todayIso(),
        level: parent.level === 'province' ? 'agency' : parent.level,
        kind: parent.kind,
      }}
    >
      <UnitNameFields>
        <Field xs={24} sm={12} name="level" label={t('level')} required={t('required')}>
          <CodeSelect list="unit_level" allowClear={false} />
        </Field>
        <Field xs={24} sm={12} name="kind" label={t('kind')} required={t('required')}>
          <CodeSelect list="unit_kind" allowClear={false} />
        </Field>
        <Field xs={24} sm={12} name="validFrom" label={t('validFrom')} required={t('required')}>
          <DateInput allowClear={false} />
        </Field>
      </UnitNameFields>
    </UnitFormModal>
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
    <UnitFormModal
      title={`${t('renameTitle')}: ${unit.name}`}
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
      <UnitNameFields>
        <Field xs={24} sm={12} name="effectiveDate" label={t('effectiveDate')} required={t('required')}>
          <DateInput allowClear={false} />
        </Field>
      </UnitNameFields>
      <NoteField />
    </UnitFormModal>
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
    <UnitFormModal
      title={t('moveTitle', { name: unit.name })}
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
      <NoteField />
    </UnitFormModal>
  );
}
