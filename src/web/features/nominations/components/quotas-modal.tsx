import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { type NominationsView, useSaveQuotas } from '../api/nominations';
import { nominationsMessages } from '../messages';

interface Line {
  unitId: number | null;
  seats: number | null;
}

/** Replace the seat quotas of a class: unit + seats lines, their sum against the capacity. */
export function QuotasModal({ view, onClose }: { view: NominationsView; onClose: () => void }) {
  const t = useT(nominationsMessages);
  const [form] = Form.useForm<{ quotas: Line[] }>();
  const save = useSaveQuotas(view.classId);
  // The server's objections to the set as a whole (a quota below the seats already held...).
  const [setErrors, setSetErrors] = useState<string[]>([]);
  const lines = Form.useWatch('quotas', form) ?? [];
  const sum = lines.reduce((a, l) => a + (l?.seats ?? 0), 0);
  const over = sum - view.capacity;

  const submit = (v: { quotas: Line[] }) =>
    save.mutateAsync((v.quotas ?? []).map((l) => ({ unitId: l.unitId as number, seats: l.seats as number })));

  return (
    <FormModal
      success={t('quotasSaved')}
      onFailed={(err) => {
        const whole = isApiError(err) ? err.fields.filter((f) => f.field === 'quotas') : [];
        setSetErrors(whole.map((f) => f.message));
        return whole.length > 0;
      }}
      width={680}
      title={t('quotasEditTitle')}
      okButtonProps={{ disabled: over > 0 }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{ quotas: view.quotas.map((q) => ({ unitId: q.unitId, seats: q.seats })) }}
      intro={<Typography.Paragraph type="secondary">{t('quotasHelp')}</Typography.Paragraph>}
      after={
        <>
          {setErrors.length ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('quotasRejected')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {setErrors.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Alert
            type={over > 0 ? 'error' : 'info'}
            showIcon
            title={
              over > 0
                ? t('quotaOver', { sum, capacity: view.capacity, over })
                : t('quotaSum', { sum, capacity: view.capacity, pool: view.capacity - sum })
            }
          />
        </>
      }
    >
      <Form.List name="quotas">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item
                  name={[f.name, 'unitId']}
                  style={{ flex: 1, marginBottom: 8 }}
                  rules={[
                    { required: true, message: t('required') },
                    {
                      validator: (_r, v) =>
                        v &&
                        (form.getFieldValue('quotas') as Line[]).filter((l) => l?.unitId === v).length > 1
                          ? Promise.reject(new Error(t('duplicateUnit')))
                          : Promise.resolve(),
                    },
                  ]}
                >
                  <UnitTreeSelect aria-label={t('quotaUnitOf', { n: i + 1 })} placeholder={t('unit')} />
                </Form.Item>
                <Field
                  name={[f.name, 'seats']}
                  style={{ width: 120, marginBottom: 8 }}
                  required={t('required')}
                >
                  <InputNumber
                    aria-label={t('quotaSeatsOf', { n: i + 1 })}
                    min={1}
                    max={5000}
                    precision={0}
                    placeholder={t('seats')}
                    style={{ width: '100%' }}
                  />
                </Field>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('removeQuota')} ${i + 1}`}
                  title={t('removeQuota')}
                  onClick={() => remove(f.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ unitId: null, seats: null })}
              style={{ marginBottom: 12 }}
            >
              {t('addQuota')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
