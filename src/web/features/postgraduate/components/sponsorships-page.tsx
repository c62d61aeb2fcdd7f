import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  POSTGRAD_STATUS_LABELS,
  POSTGRAD_STATUSES,
  type PostgradStatus,
} from '../../../../contracts/postgraduate';
import { DebouncedInput } from '../../../components/debounced-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type SponsorshipFilters, type SponsorshipSummary, useSponsorships } from '../api/postgraduate';
import { postgradMessages } from '../messages';
import { SponsorshipFormModal } from './sponsorship-form-modal';
import { SponsorshipStatusTag } from './sponsorship-status-tag';

/** /postgraduate — sponsored postgraduate study of my subtree. */
export function SponsorshipsPage() {
  const t = useT(postgradMessages);
  const [lang] = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters: SponsorshipFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      status: (POSTGRAD_STATUSES as readonly string[]).includes(params.get('status') ?? '')
        ? (params.get('status') as PostgradStatus)
        : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: 50,
    }),
    [params],
  );
  const { data, error, isPending, isFetching, refetch } = useSponsorships(filters);
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
  const columns: TableColumnsType<SponsorshipSummary> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('person'),
      key: 'person',
      render: (_v, s) => (
        <>
          <Link to={`/postgraduate/${s.id}`}>{s.fullName}</Link>
          <div>
            <Typography.Text type="secondary">{s.unitName}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('field'),
      key: 'field',
      render: (_v, s) => `${t(`level${s.level}`)} · ${s.field}`,
    },
    {
      title: t('institution'),
      key: 'inst',
      width: 220,
      render: (_v, s) => `${s.institutionName} (${s.country})`,
    },
    {
      title: t('studyPeriod'),
      key: 'dates',
      width: 190,
      className: 'tabular',
      render: (_v, s) => `${formatDate(s.startsOn)} – ${formatDate(s.actualEndsOn ?? s.expectedEndsOn)}`,
    },
    {
      title: t('cost'),
      dataIndex: 'cost',
      key: 'cost',
      width: 140,
      align: 'right',
      className: 'tabular',
      render: (v: number) => v.toLocaleString('vi-VN'),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      width: 170,
      render: (v: PostgradStatus) => <SponsorshipStatusTag status={v} />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton path="/postgraduate/export.xlsx" filters={filters} />
            {can('postgrad.manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('newSponsorship')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item label={t('searchLabel')} htmlFor="pg-q" style={{ marginBottom: 0 }}>
                <DebouncedInput
                  id="pg-q"
                  value={filters.q ?? ''}
                  onCommit={(q) => set({ q }, true)}
                  placeholder={t('searchPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label={t('status')} htmlFor="pg-status" style={{ marginBottom: 0 }}>
                <Select
                  id="pg-status"
                  allowClear
                  placeholder={t('all')}
                  value={filters.status}
                  onChange={(v) => set({ status: v })}
                  options={POSTGRAD_STATUSES.map((s) => ({
                    value: s,
                    label: POSTGRAD_STATUS_LABELS[s][lang],
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
          <Table<SponsorshipSummary>
            aria-label={t('listCaption')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending || isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('noSponsorships') }}
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
      {creating ? <SponsorshipFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
