import { Alert, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { QueryErrorResult } from '../../../components/results';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { levelList } from '../../../lib/levels';
import { type FromNeedsPreview, useDraftFromNeeds, useNeedsCampaigns, useNeedsPreview } from '../api/plans';
import { money, plansMessages } from '../messages';

type DraftLine = FromNeedsPreview['lines'][number];

/** Pick a needs campaign, preview the lines its consolidated table makes, then create the draft plan. */
interface Values {
  campaignId?: number;
  classSize?: number | null;
  title?: string;
}

/** Pick a needs campaign, preview the lines its consolidated table makes, then create the draft plan. */
export function DraftFromNeedsModal({ onClose }: { onClose: () => void }) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  const [form] = Form.useForm<Values>();
  const campaignId = Form.useWatch('campaignId', form) ?? null;
  const classSize = Form.useWatch('classSize', form) ?? null;
  const campaigns = useNeedsCampaigns();
  const preview = useNeedsPreview(campaignId, classSize ?? undefined);
  const draft = useDraftFromNeeds();
  const navigate = useNavigate();
  const p = preview.data;

  return (
    <FormModal<Values, { id: number }>
      width={860}
      title={t('draftFromNeeds')}
      onClose={onClose}
      form={form}
      submit={(v) =>
        draft.mutateAsync({
          campaignId: v.campaignId!,
          classSize: v.classSize ?? undefined,
          title: v.title?.trim() || undefined,
        })
      }
      success={t('drafted')}
      onDone={(plan) => navigate(`/plans/${plan.id}`)}
      okText={t('createDraft')}
      okButtonProps={{ disabled: !p || p.existingPlanId !== null || p.lines.length === 0 }}
      after={
        <>
          {preview.error ? <QueryErrorResult error={preview.error} /> : null}
          {p ? (
            <>
              {p.existingPlanId ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={<Link to={`/plans/${p.existingPlanId}`}>{t('existingPlan', { year: p.year })}</Link>}
                />
              ) : null}
              {p.reviewedByRoot.pending > 0 ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('pendingWarn', { n: p.reviewedByRoot.pending })}
                />
              ) : null}
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('previewTitle')} – {p.unitName}, {t('year').toLowerCase()} {p.year}
              </Typography.Title>
              <Table<DraftLine>
                size="small"
                rowKey={(l) => `${l.programmeKind}/${l.level}`}
                pagination={false}
                dataSource={p.lines}
                columns={[
                  { title: t('stt'), key: 'stt', width: 50, align: 'right', render: (_v, _r, i) => i + 1 },
                  {
                    title: t('programmeKind'),
                    key: 'kind',
                    render: (_v, l) => label('programme_kind', l.programmeKind),
                  },
                  {
                    title: t('level'),
                    key: 'level',
                    render: (_v, l) => label(levelList(l.programmeKind) ?? '', l.level),
                  },
                  {
                    title: t('trainees'),
                    dataIndex: 'trainees',
                    key: 'trainees',
                    align: 'right',
                    render: money,
                  },
                  { title: t('classSize'), dataIndex: 'classSize', key: 'classSize', align: 'right' },
                  {
                    title: t('classes'),
                    dataIndex: 'classes',
                    key: 'classes',
                    align: 'right',
                    render: money,
                  },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <b>{t('totalRow')}</b>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      <b>{money(p.totals.trainees)}</b>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} />
                    <Table.Summary.Cell index={5} align="right">
                      <b>{money(p.totals.classes)}</b>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </>
          ) : null}
        </>
      }
    >
      <Field name="campaignId" label={t('pickCampaign')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={campaigns.isPending}
          options={(campaigns.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.year} – ${c.title} (${c.rootUnitName})`,
          }))}
        />
      </Field>
      <Field name="classSize" label={t('classSize')} extra={t('classSizeHelp')}>
        <InputNumber min={1} max={1000} />
      </Field>
      <Field name="title" label={t('planTitle')}>
        <Input maxLength={400} placeholder={p ? `Kế hoạch đào tạo, bồi dưỡng năm ${p.year}` : undefined} />
      </Field>
    </FormModal>
  );
}
