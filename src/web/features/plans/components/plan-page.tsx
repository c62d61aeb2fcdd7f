import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApproveButton } from '../../../components/approve-button';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../../components/results';
import { FormModal } from '../../../kit/form-modal';
import { PrintButton } from '../../../kit/print/print-button';
import { PrintDocument } from '../../../kit/print/print-document';
import { isApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { DocumentsCard } from '../../documents/components/documents-card';
import {
  type PlanActionName,
  type PlanDetail,
  type PlanLine,
  useDeleteLine,
  usePlan,
  usePlanAction,
  usePlanVersion,
} from '../api/plans';
import { EVENT_KEYS, money, plansMessages, STATUS_COLORS, STATUS_KEYS } from '../messages';
import { ApprovePlanModal } from './approve-plan-modal';
import { EditPlanModal } from './edit-plan-modal';
import { LineModal } from './line-modal';
import { PlanActualCard } from './plan-actual';
import { PlanDiffTable } from './plan-diff';
import { PlanLinesTable } from './plan-lines-table';
import { PlanPrintTable } from './plan-print';

/** One annual plan: lines (working or an approved version), totals, review actions, versions and diff. */
export function PlanPage() {
  const id = Number(useParams().id);
  const t = useT(plansMessages);
  const can = useCan();
  const { data: plan, error, isPending, refetch } = usePlan(id);
  const [viewing, setViewing] = useState<number | null>(null);
  const [compare, setCompare] = useState<number | null>(null);
  const frozen = usePlanVersion(id, viewing);
  const [editing, setEditing] = useState<PlanLine | 'new' | null>(null);
  const del = useDeleteLine(id);
  const onError = useApiErrorHandler();
  if (isPending) return <PageSpinner />;
  if (isApiError(error, 'NOT_FOUND')) return <NotFoundResult />;
  if (error || !plan) return <QueryErrorResult error={error} onRetry={refetch} />;

  const shown = viewing !== null && frozen.data ? frozen.data : plan;
  const editable = viewing === null && plan.can.edit;
  const versionOptions = [
    {
      value: 0,
      label:
        plan.status === 'approved' && plan.versions[0]
          ? t('approvedVersion', { v: plan.version, date: formatDate(plan.versions[0].approvedAt) })
          : t('working', { v: plan.version }),
    },
    ...plan.versions
      .filter((v) => v.version !== plan.version || plan.status !== 'approved')
      .map((v) => ({
        value: v.version,
        label: t('approvedVersion', { v: v.version, date: formatDate(v.approvedAt) }),
      })),
  ];

  return (
    <>
      <PageHeader
        title={plan.title}
        subtitle={
          <>
            <Link to="/plans">{t('title')}</Link> · {plan.unitName} · {t('year')} {plan.year}
          </>
        }
        extra={<PlanActions plan={plan} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('status')}>
            <Tag color={STATUS_COLORS[plan.status]}>{t(STATUS_KEYS[plan.status])}</Tag> v{plan.version}
          </Descriptions.Item>
          <Descriptions.Item label={t('multiyear')}>
            {plan.multiyearName ?? t('multiyearNone')}
          </Descriptions.Item>
          <Descriptions.Item label={t('note')}>{plan.note ?? '—'}</Descriptions.Item>
          {plan.versions[0]?.decisionNo || plan.versions[0]?.signerName ? (
            <Descriptions.Item label={t('decision')} span={3}>
              {t('decisionText', {
                v: plan.versions[0].version,
                no: plan.versions[0].decisionNo ?? '—',
                date: plan.versions[0].decisionDate ? formatDate(plan.versions[0].decisionDate) : '—',
                signer:
                  [plan.versions[0].signerTitle, plan.versions[0].signerName].filter(Boolean).join(' ') ||
                  '—',
              })}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {plan.status === 'returned' && plan.reviewComment ? (
          <Alert type="warning" showIcon title={`${t('reviewComment')}: ${plan.reviewComment}`} />
        ) : null}
      </Card>
      <Card
        title={
          <Flex gap={12} wrap align="center">
            <Select
              aria-label={t('viewVersion')}
              showSearch={{ optionFilterProp: 'label' }}
              value={viewing ?? 0}
              onChange={(v) => setViewing(v === 0 ? null : v)}
              options={versionOptions}
              style={{ minWidth: 260 }}
            />
            {plan.versions.length ? (
              <Select
                aria-label={t('compareWith')}
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                placeholder={t('compareWith')}
                value={compare ?? undefined}
                onChange={(v) => setCompare(v ?? null)}
                options={plan.versions.map((v) => ({ value: v.version, label: `v${v.version}` }))}
                style={{ minWidth: 160 }}
              />
            ) : null}
          </Flex>
        }
        extra={
          <Flex gap={8}>
            <PrintButton disabled={!shown.lines.length} />
            {viewing === null && plan.lines.length ? (
              <ExportButton path={`/plans/${plan.id}/export.xlsx`} />
            ) : null}
            {editable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('addLine')}
              </Button>
            ) : null}
          </Flex>
        }
        style={{ marginBottom: 16 }}
      >
        {viewing !== null ? (
          <Alert type="info" showIcon title={t('readOnlyVersion')} style={{ marginBottom: 12 }} />
        ) : null}
        <PrintDocument
          title={plan.title}
          filters={[
            { label: t('unit'), value: plan.unitName },
            { label: t('year'), value: String(plan.year) },
            {
              label: t('version'),
              value: versionOptions.find((o) => o.value === (viewing ?? 0))?.label ?? '',
            },
          ]}
          paper={<PlanPrintTable lines={shown.lines} totals={shown.totals} />}
        >
          <PlanLinesTable
            lines={shown.lines}
            totals={shown.totals}
            editable={editable}
            onEdit={(l) => setEditing(l)}
            onDelete={(l) => del.mutate(l.id, { onError: (err) => onError(err) })}
            classLinks={viewing === null && can('classes.read') ? { open: can('classes.manage') } : undefined}
          />
        </PrintDocument>
        {compare !== null ? (
          <>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
              {t('diffTitle', { v: compare })}
              {viewing !== null ? ` → v${viewing}` : ` → ${t('working', { v: plan.version })}`}
            </Typography.Title>
            <PlanDiffTable planId={id} from={compare} to={viewing ?? undefined} />
          </>
        ) : null}
      </Card>
      {viewing === null && can('classes.read') && plan.lines.length ? <PlanActualCard planId={id} /> : null}
      {/* The approval decision, printed and issued by who drafts plans (ADR 040). */}
      {viewing === null && plan.status === 'approved' && can('plans.draft') ? (
        <DocumentsCard subject="plan" id={id} what={plan.title} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Totals plan={shown} />
        </Col>
        <Col xs={24} lg={8}>
          <ByKind plan={shown} />
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('history')} size="small">
            <Timeline
              items={plan.events.slice(0, 30).map((e) => ({
                content: (
                  <>
                    <b>{t(EVENT_KEYS[e.action] ?? 'evUpdate')}</b> (v{e.version}) – {e.actorName ?? '—'},{' '}
                    {formatDateTime(e.at)}
                    {e.comment ? <div style={{ color: '#666' }}>{e.comment}</div> : null}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {editing !== null ? (
        <LineModal planId={id} line={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function Totals({ plan }: { plan: Pick<PlanDetail, 'totals'> }) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  const rows = Object.entries(plan.totals.byFunding).map(([code, amount]) => ({ code, amount }));
  return (
    <Card title={t('byFunding')} size="small" style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('source'), key: 'code', render: (_v, r) => label('funding_source', r.code) },
          { title: t('budget'), dataIndex: 'amount', key: 'amount', align: 'right', render: money },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <b>{t('totalRow')}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <b>{money(plan.totals.budget)}</b>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function ByKind({ plan }: { plan: Pick<PlanDetail, 'totals'> }) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  return (
    <Card title={t('byKind')} size="small" style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="programmeKind"
        pagination={false}
        dataSource={plan.totals.byKind}
        columns={[
          {
            title: t('programmeKind'),
            key: 'k',
            render: (_v, r) => label('programme_kind', r.programmeKind),
          },
          { title: t('classes'), dataIndex: 'classes', key: 'c', align: 'right', render: money },
          { title: t('trainees'), dataIndex: 'trainees', key: 't', align: 'right', render: money },
          { title: t('budget'), dataIndex: 'budget', key: 'b', align: 'right', render: money },
        ]}
      />
    </Card>
  );
}

/** Submit, approve, return and revise, as the server says the user may. */
function PlanActions({ plan }: { plan: PlanDetail }) {
  const t = useT(plansMessages);
  const act = usePlanAction(plan.id);
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [asking, setAsking] = useState<'return' | 'approve' | null>(null);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ comment?: string }>();
  const comment = Form.useWatch('comment', form);
  const run = (action: PlanActionName) =>
    act.mutate(
      { action },
      {
        onSuccess: () => message.success(t('actionDone')),
        onError: (err) => onError(err),
      },
    );
  return (
    <>
      {plan.can.edit ? <Button onClick={() => setEditing(true)}>{t('editPlan')}</Button> : null}
      {editing ? <EditPlanModal plan={plan} onClose={() => setEditing(false)} /> : null}
      {plan.can.submit ? (
        <Button
          type="primary"
          loading={act.isPending}
          onClick={() => modal.confirm({ title: t('submitConfirm'), onOk: () => run('submit') })}
        >
          {t('submit')}
        </Button>
      ) : null}
      {plan.can.review ? (
        <>
          <Button danger onClick={() => setAsking('return')}>
            {t('returnPlan')}
          </Button>
          <ApproveButton blockedReason={plan.approveBlockedReason} onClick={() => setAsking('approve')}>
            {t('approve')}
          </ApproveButton>
        </>
      ) : null}
      {plan.can.revise ? (
        <Button
          onClick={() =>
            modal.confirm({ title: t('reviseConfirm', { v: plan.version + 1 }), onOk: () => run('revise') })
          }
        >
          {t('revise')}
        </Button>
      ) : null}
      {asking === 'approve' ? <ApprovePlanModal planId={plan.id} onClose={() => setAsking(null)} /> : null}
      {asking === 'return' ? (
        <FormModal<{ comment?: string }>
          title={t('returnTitle')}
          okText={t('returnPlan')}
          okButtonProps={{ disabled: !comment?.trim() }}
          form={form}
          onClose={() => setAsking(null)}
          submit={(v) => act.mutateAsync({ action: 'return', comment: v.comment ?? '' })}
          success={t('actionDone')}
        >
          <Form.Item name="comment" label={t('comment')} htmlFor="plan-review-comment">
            <Input.TextArea id="plan-review-comment" rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
