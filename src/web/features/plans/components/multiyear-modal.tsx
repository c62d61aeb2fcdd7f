import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { MULTIYEAR_STATUSES } from '../../../../contracts/plans';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { levelList } from '../../../lib/levels';
import { type MultiyearInput, useMultiyear, useSaveMultiyear } from '../api/plans';
import { plansMessages, STATUS_KEYS } from '../messages';

type Values = MultiyearInput & { status?: (typeof MULTIYEAR_STATUSES)[number] };

/** Add or edit a multi-year programme with its targets (per year, or for the whole period). */
export function MultiyearModal({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT(plansMessages);
  const [form] = Form.useForm<Values>();
  const existing = useMultiyear(id);
  const save = useSaveMultiyear();
  const { message } = App.useApp();
  const targets = Form.useWatch('targets', form);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(existing.data as Values);
  }, [existing.data, form]);

  const submit = async (v: Values) => {
    await save.mutateAsync({ id: id ?? undefined, body: { ...v, targets: v.targets ?? [] } });
    message.success(t('saved'));
  };

  return (
    <FormModal
      width={900}
      title={id ? t('editMultiyear') : t('newMultiyear')}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{ fromYear: 2026, toYear: 2030, targets: [] }}
    >
      <Row gutter={12}>
        <Field
          span={8}
          name="code"
          label={t('code')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input maxLength={60} />
        </Field>
        <Field
          span={16}
          name="name"
          label={t('name')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input maxLength={400} />
        </Field>
        <Field span={6} name="fromYear" label={t('fromYear')} required={t('required')}>
          <InputNumber min={2000} max={2200} style={{ width: '100%' }} />
        </Field>
        <Field span={6} name="toYear" label={t('toYear')} required={t('required')}>
          <InputNumber min={2000} max={2200} style={{ width: '100%' }} />
        </Field>
        <Field span={6} name="decisionNo" label={t('decisionNo')}>
          <Input maxLength={100} />
        </Field>
        <Field span={6} name="decisionDate" label={t('decisionDate')}>
          <DateInput />
        </Field>
        {id ? (
          <Field span={8} name="status" label={t('status')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={MULTIYEAR_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
            />
          </Field>
        ) : null}
      </Row>
      <Form.Item label={t('targets')}>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'year']} label={t('targetYear')}>
                    <InputNumber min={2000} max={2200} style={{ width: 120 }} />
                  </Form.Item>
                  <Field name={[f.name, 'programmeKind']} label={t('programmeKind')} required={t('required')}>
                    <CodeSelect list="programme_kind" style={{ width: 220 }} />
                  </Field>
                  <Form.Item name={[f.name, 'level']} label={t('level')}>
                    <CodeSelect list={levelList(targets?.[i]?.programmeKind)} style={{ width: 180 }} />
                  </Form.Item>
                  <Field name={[f.name, 'trainees']} label={t('trainees')} required={t('required')}>
                    <InputNumber min={0} style={{ width: 110 }} />
                  </Field>
                  <Form.Item name={[f.name, 'classes']} label={t('classes')}>
                    <InputNumber min={0} style={{ width: 90 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('removeTarget')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ trainees: 0 })}>
                {t('addTarget')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
