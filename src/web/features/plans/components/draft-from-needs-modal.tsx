import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryErrorResult } from '../../../components/results';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { levelList } from '../../../lib/levels';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type FromNeedsPreview, useDraftFromNeeds, useNeedsCampaigns, useNeedsPreview } from '../api/plans';
import { money, plansMessages } from '../messages';

type DraftLine = FromNeedsPreview['lines'][number];

/** Pick a needs campaign, preview the lines its consolidated table makes, then create the draft plan. */
export function DraftFromNeedsModal({ onClose }: { onClose: () => void }) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [classSize, setClassSize] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const campaigns = useNeedsCampaigns();
  const preview = useNeedsPreview(campaignId, classSize ?? undefined);
  const draft = useDraftFromNeeds();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const p = preview.data;

  const create = () =>
    draft.mutate(
      { campaignId: campaignId!, classSize: classSize ?? undefined, title: title.trim() || undefined },
      {
        onSuccess: (plan) => {
          message.success(t('drafted'));
          onClose();
          navigate(`/plans/${plan.id}`);
        },
        onError: (err) => onError(err),
      },
    );

  return (
    <Modal
      open
      width={860}
      title={t('draftFromNeeds')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={!p || p.existingPlanId !== null || p.lines.length === 0}
          loading={draft.isPending}
          onClick={create}
        >
          {t('createDraft')}
        </Button>,
      ]}
    >
      <Form layout="vertical">
        <Form.Item label={t('pickCampaign')} htmlFor="plan-campaign">
          <Select
            id="plan-campaign"
            showSearch={{ optionFilterProp: 'label' }}
            loading={campaigns.isPending}
            value={campaignId ?? undefined}
            onChange={(v) => setCampaignId(v)}
            options={(campaigns.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.year} – ${c.title} (${c.rootUnitName})`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('classSize')} htmlFor="plan-class-size" extra={t('classSizeHelp')}>
          <InputNumber
            id="plan-class-size"
            min={1}
            max={1000}
            value={classSize}
            onChange={(v) => setClassSize(v)}
          />
        </Form.Item>
        <Form.Item label={t('planTitle')} htmlFor="plan-draft-title">
          <Input
            id="plan-draft-title"
            maxLength={400}
            value={title}
            placeholder={p ? `Kế hoạch đào tạo, bồi dưỡng năm ${p.year}` : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Form.Item>
      </Form>
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
              { title: t('trainees'), dataIndex: 'trainees', key: 'trainees', align: 'right', render: money },
              { title: t('classSize'), dataIndex: 'classSize', key: 'classSize', align: 'right' },
              { title: t('classes'), dataIndex: 'classes', key: 'classes', align: 'right', render: money },
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
    </Modal>
  );
}
