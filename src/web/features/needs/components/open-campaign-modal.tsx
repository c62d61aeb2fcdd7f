import { Alert, Button, Form, Input, InputNumber, Modal, Result, Row, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useMe } from '../../../lib/auth';
import { todayIso } from '../../../lib/dates';
import { type CampaignCreated, useOpenCampaign } from '../api/needs';
import { fmtNumber } from '../needs-logic';
import { useNeedsT } from './needs-tags';

interface Values {
  year: number;
  title: string;
  opensOn: string | null;
  deadline: string | null;
  note: string | null;
}

/** Open a campaign over my subtree; the server pre-fills every unit's proposal, then we show what it wrote. */
export function OpenCampaignModal({ onClose }: { onClose: () => void }) {
  const t = useNeedsT();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const open = useOpenCampaign();
  const [created, setCreated] = useState<CampaignCreated | null>(null);
  const nextYear = dayjs().year() + 1;

  /** Stays open once sent: the dialog then shows what the server wrote. */
  const submit = async (v: Values) => {
    setCreated(
      await open.mutateAsync({
        year: v.year,
        title: v.title.trim(),
        opensOn: v.opensOn!,
        deadline: v.deadline!,
        note: v.note?.trim() || null,
      }),
    );
    return false as const;
  };

  // Not a form: once sent, a plain Modal shows the result (counts, links); the form above is a FormModal.
  if (created)
    return (
      <Modal open title={t('openTitle')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
        <Result
          status="success"
          title={t('openedTitle', { title: created.title })}
          subTitle={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('openedSummary', {
                  proposals: fmtNumber(created.proposals.total),
                  lines: fmtNumber(created.prefill.lines),
                  gaps: fmtNumber(created.prefill.gaps),
                })}
              </Typography.Paragraph>
              {created.prefill.skipped ? (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('openedSkipped', { n: fmtNumber(created.prefill.skipped) })}
                </Typography.Paragraph>
              ) : null}
              <Typography.Text type="secondary">
                {t('openedTime', {
                  s: (created.prefill.ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 }),
                })}
              </Typography.Text>
            </>
          }
          extra={[
            <Button key="close" onClick={onClose}>
              {t('close')}
            </Button>,
            <Button key="view" type="primary" onClick={() => navigate(`/needs/campaigns/${created.id}`)}>
              {t('viewProgress')}
            </Button>,
          ]}
        />
      </Modal>
    );

  return (
    <FormModal<Values, never>
      title={t('openTitle')}
      onClose={onClose}
      form={form}
      submit={submit}
      okText={t('openCampaign')}
      cancelButtonProps={{ disabled: open.isPending }}
      closable={!open.isPending}
      keyboard={!open.isPending}
      width={640}
      mask={{ closable: false }}
      initialValues={{
        year: nextYear,
        title: t('defaultTitle', { year: nextYear }),
        opensOn: todayIso(),
      }}
      formProps={{
        disabled: open.isPending,
        onValuesChange: (changed: Partial<Values>) => {
          // Keep the suggested title in step with the year until the user writes their own.
          if (changed.year && form.isFieldTouched('title') === false)
            form.setFieldValue('title', t('defaultTitle', { year: changed.year }));
        },
      }}
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('openIntro', { unit: me.scopeUnitName })}
        />
      }
    >
      <Spin spinning={open.isPending} description={t('opening')}>
        <Row gutter={16}>
          <Field xs={24} sm={8} name="year" label={t('year')} required={t('required')}>
            <InputNumber min={2000} max={2200} style={{ width: '100%' }} />
          </Field>
          <Field
            xs={24}
            sm={16}
            name="title"
            label={t('campaignTitle')}
            rules={[{ required: true, whitespace: true, message: t('required') }, { max: 300 }]}
          >
            <Input />
          </Field>
          <Field xs={24} sm={12} name="opensOn" label={t('opensOn')} required={t('required')}>
            <DateInput allowClear={false} />
          </Field>
          <Field
            xs={24}
            sm={12}
            name="deadline"
            label={t('deadline')}
            dependencies={['opensOn']}
            rules={[
              { required: true, message: t('required') },
              ({ getFieldValue }) => ({
                validator: (_r, v: string | null) => {
                  const from = getFieldValue('opensOn') as string | null;
                  return v && from && v < from
                    ? Promise.reject(new Error(t('deadlineBeforeOpen')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DateInput />
          </Field>
          <Field span={24} name="note" label={t('campaignNote')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Field>
        </Row>
      </Spin>
    </FormModal>
  );
}
