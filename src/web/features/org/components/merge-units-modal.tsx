import { Alert, Form, Input, Radio, Row } from 'antd';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type MergeUnitsInput, useMergeUnits } from '../api/org';
import { orgMessages } from '../messages';
import { type UnitActionProps, UnitFormModal } from './unit-form-parts';

interface Values {
  sourceIds: number[];
  mode: 'existing' | 'new';
  targetId?: number;
  newParentId?: number;
  newName?: string;
  newCode?: string;
  newLevel?: string;
  newKind?: string;
  effectiveDate: string;
  note?: string;
}

/** Merge one or more units into an existing unit or a new one. */
export function MergeUnitsModal({ unit, onClose, onDone }: UnitActionProps) {
  const t = useT(orgMessages);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const merge = useMergeUnits();

  const submit = async (v: Values) => {
    const body: MergeUnitsInput = {
      sourceIds: v.sourceIds,
      effectiveDate: v.effectiveDate,
      note: v.note?.trim() || null,
      ...(v.mode === 'existing'
        ? { targetId: v.targetId }
        : {
            newUnit: {
              parentId: v.newParentId!,
              name: v.newName ?? '',
              code: v.newCode?.trim() || null,
              level: v.newLevel ?? '',
              kind: v.newKind ?? '',
            },
          }),
    };
    return merge.mutateAsync(body);
  };

  return (
    <UnitFormModal
      success={(r) => t('mergeDone', { n: r.movedPeople, name: r.target.name })}
      onDone={(r) => onDone(r.target.id)}
      title={t('mergeTitle')}
      okText={t('actMerge')}
      width={680}
      onClose={onClose}
      form={form}
      submit={submit}
      errorOptions={{
        fieldMap: {
          targetId: 'targetId',
          'newUnit.parentId': 'newParentId',
          'newUnit.name': 'newName',
          'newUnit.code': 'newCode',
          'newUnit.level': 'newLevel',
          'newUnit.kind': 'newKind',
        },
      }}
      initialValues={{
        sourceIds: [unit.id],
        mode: 'existing',
        effectiveDate: todayIso(),
        newParentId: unit.parentId ?? undefined,
        newLevel: unit.level,
        newKind: unit.kind,
      }}
      intro={<Alert type="warning" showIcon title={t('mergeHelp')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item
        name="sourceIds"
        label={t('mergeSources')}
        rules={[{ required: true, type: 'array', min: 1, message: t('required') }]}
      >
        <UnitTreeSelect multiple />
      </Form.Item>
      <Form.Item name="mode" label={t('mergeTargetMode')}>
        <Radio.Group
          options={[
            { value: 'existing', label: t('mergeTargetExisting') },
            { value: 'new', label: t('mergeTargetNew') },
          ]}
        />
      </Form.Item>
      {mode !== 'new' ? (
        <Form.Item
          name="targetId"
          label={t('mergeTarget')}
          dependencies={['sourceIds']}
          rules={[
            { required: true, message: t('required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && (getFieldValue('sourceIds') as number[] | undefined)?.includes(value)
                  ? Promise.reject(new Error(t('mergeTargetInSources')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <UnitTreeSelect />
        </Form.Item>
      ) : (
        <Row gutter={16}>
          <Field span={24} name="newParentId" label={t('newUnitParent')} required={t('required')}>
            <UnitTreeSelect />
          </Field>
          <Field
            xs={24}
            sm={16}
            name="newName"
            label={t('newUnitName')}
            rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
          >
            <Input />
          </Field>
          <Field xs={24} sm={8} name="newCode" label={t('newUnitCode')} rules={[{ max: 20 }]}>
            <Input />
          </Field>
          <Field xs={24} sm={12} name="newLevel" label={t('level')} required={t('required')}>
            <CodeSelect list="unit_level" allowClear={false} />
          </Field>
          <Field xs={24} sm={12} name="newKind" label={t('kind')} required={t('required')}>
            <CodeSelect list="unit_kind" allowClear={false} />
          </Field>
        </Row>
      )}
      <Row gutter={16}>
        <Field xs={24} sm={10} name="effectiveDate" label={t('effectiveDate')} required={t('required')}>
          <DateInput allowClear={false} />
        </Field>
        <Field xs={24} sm={14} name="note" label={t('note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Field>
      </Row>
    </UnitFormModal>
  );
}
