import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber } from 'antd';
import { DateInput } from '../../../components/date-input';
import { FormModal } from '../../../kit/form-modal';
import { useLang, useT } from '../../../lib/i18n';
import { type PolicyItem, useSetPolicy } from '../api/policies';
import { policiesMessages } from '../messages';

interface FormValues {
  value: unknown;
  effectiveFrom: string;
  legalSource: string;
  note?: string;
}

/** The value fields of one policy code, under the form name `value`. */
function ValueFields({ code }: { code: string }) {
  const t = useT(policiesMessages);
  const required = [{ required: true }];
  if (code === 'class.pass_rule')
    return (
      <>
        <Form.Item name={['value', 'minAttendancePct']} label={t('minAttendancePct')} rules={required}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name={['value', 'minScore']} label={t('minScore')} rules={required}>
          <InputNumber min={0} max={10} step={0.5} decimalSeparator="," />
        </Form.Item>
        <Form.Item name={['value', 'rulesKept']} valuePropName="checked">
          <Checkbox>{t('rulesKept')}</Checkbox>
        </Form.Item>
        <Form.Item name={['value', 'borderlineMargin']} label={t('borderlineMargin')} rules={required}>
          <InputNumber min={0} max={2} step={0.25} decimalSeparator="," />
        </Form.Item>
      </>
    );
  if (code === 'class.calendar')
    return (
      <>
        <Form.Item
          name={['value', 'attendanceLeadMinutes']}
          label={t('attendanceLeadMinutes')}
          rules={required}
        >
          <InputNumber min={0} max={240} precision={0} />
        </Form.Item>
        <Form.Item name={['value', 'closeAfterDays']} label={t('closeAfterDays')} rules={required}>
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
        <Form.Item
          name={['value', 'certificatesAfterDays']}
          label={t('certificatesAfterDays')}
          rules={required}
        >
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
      </>
    );
  if (code === 'class.grade_bands')
    return (
      <Form.List name="value">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline" wrap>
                <Form.Item name={[f.name, 'code']} rules={required} style={{ width: 120 }}>
                  <Input placeholder={t('bandCode')} aria-label={t('bandCode')} />
                </Form.Item>
                <Form.Item name={[f.name, 'vi']} rules={required} style={{ width: 150 }}>
                  <Input placeholder={t('bandVi')} aria-label={t('bandVi')} />
                </Form.Item>
                <Form.Item name={[f.name, 'en']} rules={required} style={{ width: 150 }}>
                  <Input placeholder={t('bandEn')} aria-label={t('bandEn')} />
                </Form.Item>
                <Form.Item name={[f.name, 'minAverage']} rules={required}>
                  <InputNumber
                    min={0}
                    max={10}
                    step={0.5}
                    decimalSeparator=","
                    aria-label={t('bandMin')}
                    placeholder={t('bandMin')}
                  />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ minAverage: 5 })}>
              {t('addBand')}
            </Button>
          </>
        )}
      </Form.List>
    );
  if (code === 'approvals.four_eyes')
    return (
      <Form.Item name="value" valuePropName="checked" initialValue={false}>
        <Checkbox>{t('fourEyesRequired')}</Checkbox>
      </Form.Item>
    );
  if (code === 'approvals.decision_required')
    return (
      <Form.Item name="value" valuePropName="checked" initialValue={false}>
        <Checkbox>{t('decisionRequired')}</Checkbox>
      </Form.Item>
    );
  return (
    <Form.Item name="value" label={t('value')} rules={required}>
      <InputNumber min={1} max={365} />
    </Form.Item>
  );
}

/** Set the unit's own value of a policy from a date. */
export function PolicyFormModal({ item, onClose }: { item: PolicyItem; onClose: () => void }) {
  const t = useT(policiesMessages);
  const [lang] = useLang();
  const save = useSetPolicy(item.code);
  return (
    <FormModal<FormValues>
      width={720}
      title={t('setTitle', { name: item.label[lang] })}
      onClose={onClose}
      submit={(v) => save.mutateAsync(v)}
      success={t('saved')}
      initialValues={{ value: item.current?.value }}
      intro={<Alert type="info" showIcon title={t('setHelp')} style={{ marginBottom: 16 }} />}
    >
      <ValueFields code={item.code} />
      <Form.Item name="effectiveFrom" label={t('from')} rules={[{ required: true }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="legalSource" label={t('legalSource')} rules={[{ required: true }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
