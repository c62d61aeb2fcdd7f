import { PlusOutlined } from '@ant-design/icons';
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
import { CLASS_STATUSES, type ClassStatus } from '../../../../contracts/classes';
import { CodeSelect } from '../../../components/code-select';
import { DebouncedInput } from '../../../components/debounced-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type ClassFilters, type ClassSummary, useClasses } from '../api/classes';
import { classesMessages } from '../messages';
import { ClassFormModal } from './class-form-modal';
import { ClassStatusTag, useStatusLabel } from './class-status-tag';

const money = (n: number) => n.toLocaleString('vi-VN');

/** /classes — the classes I can see, filters in the URL; "Mở lớp" (also from a plan line: ?new=1&planLineId=). */
export function ClassesPage() {
  const t = useT(classesMessages);
  const can = useCan();
  const label = useCodeLabel();
  const statusLabel = useStatusLabel();
  const [params, setParams] = useSearchParams();
  const filters: ClassFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      year: Number(params.get('year')) || undefined,
      status: (CLASS_STATUSES as readonly string[]).includes(params.get('status') ?? '')
        ? (params.get('status') as ClassStatus)
        : undefined,
      programmeKind: params.get('kind') || undefined,
      planLineId: Number(params.get('planLineId')) || undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: 50,
    }),
    [params],
  );
  const { data, error, isPending, isFetching, refetch } = useClasses(filters);
  const [creating, setCreating] = useState(params.get('new') === '1' && can('classes.manage'));

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
  const columns: TableColumnsType<ClassSummary> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('code'),
      key: 'code',
      width: 120,
      render: (_v, c) => <Link to={`/classes/${c.id}`}>{c.code}</Link>,
    },
    {
      title: t('name'),
      key: 'name',
      render: (_v, c) => (
        <>
          <Link to={`/classes/${c.id}`}>{c.name}</Link>
          <div>
            <Typography.Text type="secondary">
              {c.programmeCode} · {label('programme_kind', c.programmeKind)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('institution'),
      dataIndex: 'institutionName',
      key: 'inst',
      width: 200,
      render: (v) => v ?? '—',
    },
    {
      title: t('dates'),
      key: 'dates',
      width: 190,
      className: 'tabular',
      render: (_v, c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
    },
    {
      title: t('seats'),
      key: 'seats',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: (_v, c) => (
        <span title={t('seatsHeld')}>
          {c.seatsTaken}/{c.capacity}
        </span>
      ),
    },
    { title: t('sessions'), dataIndex: 'sessionCount', key: 'ses', width: 80, align: 'right' },
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
      width: 160,
      render: (_v, c) => (
        <>
          <ClassStatusTag status={c.status} />
          {c.status === 'open_for_nomination' && c.nominationDeadline ? (
            <div>
              <Typography.Text type="secondary" className="tabular">
                {t('deadlineShort', { date: formatDate(c.nominationDeadline) })}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton path="/classes/export.xlsx" filters={filters} />
            {can('classes.manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('openClass')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label={t('searchLabel')} htmlFor="classes-q" style={{ marginBottom: 0 }}>
                <DebouncedInput
                  id="classes-q"
                  value={filters.q ?? ''}
                  onCommit={(q) => set({ q }, true)}
                  placeholder={t('searchPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('year')} htmlFor="classes-year" style={{ marginBottom: 0 }}>
                <InputNumber
                  id="classes-year"
                  style={{ width: '100%' }}
                  min={2000}
                  max={2200}
                  value={filters.year ?? null}
                  onChange={(v) => set({ year: v ? String(v) : undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('status')} htmlFor="classes-status" style={{ marginBottom: 0 }}>
                <Select
                  id="classes-status"
                  allowClear
                  placeholder={t('all')}
                  value={filters.status}
                  onChange={(v) => set({ status: v })}
                  options={CLASS_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label={t('programmeKind')} htmlFor="classes-kind" style={{ marginBottom: 0 }}>
                <CodeSelect
                  id="classes-kind"
                  list="programme_kind"
                  value={filters.programmeKind ?? null}
                  onChange={(v) => set({ kind: v ?? undefined })}
                  placeholder={t('all')}
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
          <Table<ClassSummary>
            aria-label={t('listCaption')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending || isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('noClasses') }}
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
      {creating ? (
        <ClassFormModal
          planLineId={Number(params.get('planLineId')) || undefined}
          onClose={() => {
            setCreating(false);
            if (params.get('new')) set({ new: undefined }, true);
          }}
        />
      ) : null}
    </>
  );
}
