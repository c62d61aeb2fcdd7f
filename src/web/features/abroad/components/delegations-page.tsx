import { ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  DELEGATION_STATUS_LABELS,
  DELEGATION_STATUSES,
  type DelegationStatus,
} from '../../../../contracts/abroad';
import { DebouncedInput } from '../../../components/debounced-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type DelegationFilters, type DelegationSummary, useDelegations } from '../api/abroad';
import { abroadMessages } from '../messages';
import { DelegationFormModal } from './delegation-form-modal';
import { DelegationStatusTag } from './delegation-status-tag';

const money = (n: number) => n.toLocaleString('vi-VN');

/** /abroad — the delegations I can see, filters in the URL. */
export function DelegationsPage() {
  const t = useT(abroadMessages);
  const [lang] = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters: DelegationFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      year: Number(params.get('year')) || undefined,
      status: (DELEGATION_STATUSES as readonly string[]).includes(params.get('status') ?? '')
        ? (params.get('status') as DelegationStatus)
        : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: 50,
    }),
    [params],
  );
  const { data, error, isPending, isFetching, refetch } = useDelegations(filters);
  const [creating, setCreating] = useState(false);
  const set = useCallback(
    (patch: Record<string, string | undefined>, replace = false) => {
      const next = new URLSearchParams(params);
      next.delete('page');
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      setParams(next, { replace });
    },
    [params, setParams],
  );

  const offset = (filters.page - 1) * filters.pageSize;
  const columns: TableColumnsType<DelegationSummary> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('code'),
      key: 'code',
      width: 130,
      render: (_v, d) => <Link to={`/abroad/${d.id}`}>{d.code}</Link>,
    },
    {
      title: t('name'),
      key: 'name',
      render: (_v, d) => (
        <>
          <Link to={`/abroad/${d.id}`}>{d.name}</Link>
          <div>
            <Typography.Text type="secondary">
              {d.partnerName} · {d.country}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('organiser'), dataIndex: 'organiserUnitName', key: 'org', width: 180 },
    {
      title: t('dates'),
      key: 'dates',
      width: 190,
      className: 'tabular',
      render: (_v, d) => `${formatDate(d.departsOn)} – ${formatDate(d.returnsOn)}`,
    },
    { title: t('memberCount'), dataIndex: 'memberCount', key: 'n', width: 100, align: 'right' },
    {
      title: t('budgetTotal'),
      dataIndex: 'budgetTotal',
      key: 'budget',
      width: 140,
      align: 'right',
      className: 'tabular',
      render: (v: number) => money(v),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (s: DelegationStatus) => <DelegationStatusTag status={s} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton path="/abroad/delegations/export.xlsx" filters={filters} />

            <Link to="/abroad/overdue">
              <Button icon={<ClockCircleOutlined />}>{t('viewOverdue')}</Button>
            </Link>
            {can('abroad.manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('newDelegation')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item label={t('searchLabel')} htmlFor="abroad-q" style={{ marginBottom: 0 }}>
                <DebouncedInput
                  id="abroad-q"
                  value={filters.q ?? ''}
                  onCommit={(q) => set({ q }, true)}
                  placeholder={t('searchPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('year')} htmlFor="abroad-year" style={{ marginBottom: 0 }}>
                <InputNumber
                  id="abroad-year"
                  style={{ width: '100%' }}
                  min={2000}
                  max={2200}
                  value={filters.year ?? null}
                  onChange={(v) => set({ year: v ? String(v) : undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('status')} htmlFor="abroad-status" style={{ marginBottom: 0 }}>
                <Select
                  id="abroad-status"
                  allowClear
                  placeholder={t('all')}
                  value={filters.status}
                  onChange={(v) => set({ status: v })}
                  options={DELEGATION_STATUSES.map((s) => ({
                    value: s,
                    label: DELEGATION_STATUS_LABELS[s][lang],
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<DelegationSummary>
            aria-label={t('listCaption')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending || isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('noDelegations') }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('total', { n: total }),
              onChange: (page) => {
                const next = new URLSearchParams(params);
                next.set('page', String(page));
                setParams(next);
              },
              style: { padding: '0 12px' },
            }}
          />
        </Card>
      )}
      {creating ? <DelegationFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
