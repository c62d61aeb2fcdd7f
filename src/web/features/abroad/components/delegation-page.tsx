import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FileTextOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../../components/results';
import { BackCrumb } from '../../../kit/back-crumb';
import { ListTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type DelegationMember, reportFileUrl, useDelegation, useRemoveMember } from '../api/abroad';
import { abroadMessages } from '../messages';
import { DelegationFormModal } from './delegation-form-modal';
import { DelegationStatusTag } from './delegation-status-tag';
import { AddMemberModal, ReportModal } from './member-modals';
import { ReportState } from './report-state';
import { StatusActions } from './status-actions';

const money = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

/** /abroad/:id — a delegation: details, members with their reports and results, the life cycle. */
export function DelegationPage() {
  const t = useT(abroadMessages);
  const [lang] = useLang();
  const label = useCodeLabel();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const id = Number(useParams().id);
  const { data: d, error, isPending, refetch } = useDelegation(id);
  const remove = useRemoveMember(id);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState<DelegationMember | null>(null);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (isPending || !d) return <PageSpinner />;

  const membersOpen = d.canManage && (d.status === 'planned' || d.status === 'approved');
  const reportsOpen = d.canManage && (d.status === 'returned' || d.status === 'closed');
  const columns: TableColumnsType<DelegationMember> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('person'),
      key: 'person',
      render: (_v, m) => (
        <>
          <Link to={`/people/${m.personId}`}>{m.fullName}</Link>
          {m.role ? <Typography.Text type="secondary"> · {m.role}</Typography.Text> : null}
          {m.warnings.map((w) => (
            <div key={w.vi}>
              <Typography.Text type="warning">{w[lang]}</Typography.Text>
            </div>
          ))}
        </>
      ),
    },
    { title: t('unit'), dataIndex: 'unitName', key: 'unit', width: 200 },
    {
      title: t('report'),
      key: 'report',
      width: 240,
      render: (_v, m) => (
        <Space direction="vertical" size={2}>
          <ReportState report={m.report} />
          {m.report.summary ? (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: m.report.summary }} style={{ margin: 0 }}>
              {m.report.summary}
            </Typography.Paragraph>
          ) : null}
          {m.report.fileName ? (
            <a href={reportFileUrl(d.id, m.id)}>
              <DownloadOutlined /> {m.report.fileName}
            </a>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('completion'),
      key: 'done',
      width: 170,
      render: (_v, m) =>
        m.completed === null ? (
          '—'
        ) : m.completed ? (
          <>
            <Tag color="green">{t('completed')}</Tag>
            {m.qualificationId ? (
              <Typography.Text type="secondary">{t('qualificationAdded')}</Typography.Text>
            ) : null}
          </>
        ) : (
          <Tag color="red">{t('notCompleted')}</Tag>
        ),
    },
    ...(membersOpen || reportsOpen
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 110,
            render: (_v: unknown, m: DelegationMember) => (
              <Space>
                {reportsOpen ? (
                  <Tooltip title={t('recordReport')}>
                    <Button
                      size="small"
                      icon={<FileTextOutlined />}
                      aria-label={`${t('recordReport')}: ${m.fullName}`}
                      onClick={() => setReporting(m)}
                    />
                  </Tooltip>
                ) : null}
                {membersOpen ? (
                  <Popconfirm
                    title={t('removeMemberConfirm')}
                    onConfirm={() =>
                      remove.mutateAsync(m.id).then(
                        () => message.success(t('saved')),
                        (err) => onError(err),
                      )
                    }
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('removeMember', { name: m.fullName })}
                    />
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <BackCrumb to="/abroad" label={t('backToList')} current={d.code} />
      <PageHeader
        title={`${d.code} · ${d.name}`}
        subtitle={
          <Space>
            <DelegationStatusTag status={d.status} />
            {`${d.partnerName} · ${d.country}`}
          </Space>
        }
        extra={
          d.canManage ? (
            <>
              {d.status !== 'closed' && d.status !== 'cancelled' ? (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('edit')}
                </Button>
              ) : null}
              <StatusActions d={d} />
            </>
          ) : null
        }
      />
      <Card size="small" title={t('details')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('partner')}>{d.partnerName}</Descriptions.Item>
          <Descriptions.Item label={t('country')}>{d.country}</Descriptions.Item>
          <Descriptions.Item label={t('programme')}>{d.programmeName ?? t('noProgramme')}</Descriptions.Item>
          <Descriptions.Item label={t('organiser')}>{d.organiserUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('dates')}>
            {`${formatDate(d.departsOn)} – ${formatDate(d.returnsOn)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('decisionNo')}>
            {d.decisionNo
              ? `${d.decisionNo}${d.decisionDate ? ` (${formatDate(d.decisionDate)})` : ''}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('budgetTotal')}>
            {money(d.budgetTotal)}
            {Object.keys(d.budget).length ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                {`(${Object.entries(d.budget)
                  .map(([k, v]) => `${label('funding_source', k)}: ${money(v)}`)
                  .join('; ')})`}
              </Typography.Text>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('grants')}>
            {d.grants ? d.grants.label[lang] : t('grantsNone')}
          </Descriptions.Item>
          {d.note ? <Descriptions.Item label={t('note')}>{d.note}</Descriptions.Item> : null}
        </Descriptions>
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={t('reportRule', {
            days: d.reportRule.days,
            due: formatDate(d.reportRule.dueOn),
            source: d.reportRule.legalSource,
          })}
        />
      </Card>
      <Card
        size="small"
        title={`${t('members')} (${d.members.length})`}
        extra={
          membersOpen ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('addMember')}
            </Button>
          ) : null
        }
        styles={{ body: { padding: 0 } }}
      >
        <ListTable<DelegationMember>
          aria-label={t('membersCaption')}
          columns={columns}
          dataSource={d.members}
          scroll={{ x: 900 }}
        />
        {d.hiddenMembers ? (
          <Typography.Paragraph type="secondary" style={{ padding: '8px 12px', margin: 0 }}>
            {t('hiddenMembers', { n: d.hiddenMembers })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {editing ? <DelegationFormModal editing={d} onClose={() => setEditing(false)} /> : null}
      {adding ? <AddMemberModal delegationId={d.id} onClose={() => setAdding(false)} /> : null}
      {reporting ? (
        <ReportModal
          delegationId={d.id}
          member={reporting}
          returnsOn={d.returnsOn}
          onClose={() => setReporting(null)}
        />
      ) : null}
    </>
  );
}
