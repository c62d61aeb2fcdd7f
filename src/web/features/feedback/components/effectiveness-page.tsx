import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Form, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { DebouncedInput } from '../../../components/debounced-input';
import { PageHeader } from '../../../components/page-header';
import { ServerTable } from '../../../kit/server-table';
import { oneOfOr, text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type EffectivenessItem, type EffectivenessState, useEffectiveness } from '../api/feedback';
import { feedbackMessages } from '../messages';

const STATES: EffectivenessState[] = ['due', 'upcoming', 'done'];

const FILTERS = { state: oneOfOr(STATES, 'due'), q: text() };

/** /feedback/effectiveness — "Đánh giá hiệu quả sau đào tạo": learners of my subtree to assess. */
export function EffectivenessPage() {
  const t = useT(feedbackMessages);
  const navigate = useNavigate();
  const { filters, set, paging, offset } = useUrlFilters(FILTERS);
  const query = useEffectiveness(filters);
  const commitQ = useCallback((q: string) => set({ q }, true), [set]);
  const done = filters.state === 'done';

  const columns: TableColumnsType<EffectivenessItem> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('person'),
      key: 'person',
      width: 220,
      render: (_v, r) => (
        <>
          <Typography.Text strong>{r.personName}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{r.unitName}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('classCol'),
      key: 'class',
      render: (_v, r) => (
        <>
          {r.classCode} · {r.className}
          <div>
            <Typography.Text type="secondary">{r.programmeName}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('endsOn'),
      dataIndex: 'endsOn',
      width: 110,
      className: 'tabular',
      render: (v: string) => formatDate(v),
    },
    done
      ? {
          title: t('answeredAt'),
          dataIndex: 'answeredAt',
          width: 150,
          className: 'tabular',
          render: (v: string | null) => formatDateTime(v),
        }
      : {
          title: t('dueOn'),
          key: 'due',
          width: 140,
          className: 'tabular',
          render: (_v, r) => (
            <>
              {formatDate(r.dueOn)}
              <div>
                <Typography.Text type="secondary">{t('delay', { n: r.delayMonths })}</Typography.Text>
              </div>
            </>
          ),
        },
    {
      title: t('result'),
      dataIndex: 'passed',
      width: 120,
      render: (p: boolean | null) =>
        p === null ? (
          <Typography.Text type="secondary">{t('noResult')}</Typography.Text>
        ) : (
          <Tag color={p ? 'green' : 'red'}>{p ? t('passed') : t('notPassed')}</Tag>
        ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 130,
      render: (_v, r) => (
        <Button
          type={filters.state === 'due' ? 'primary' : 'default'}
          icon={filters.state === 'due' ? <EditOutlined /> : <EyeOutlined />}
          aria-label={`${filters.state === 'due' ? t('assess') : t('viewAnswer')} ${r.personName} ${r.classCode}`}
          onClick={() => navigate(`/feedback/effectiveness/${r.nominationId}`)}
        >
          {filters.state === 'due' ? t('assess') : t('viewAnswer')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('effTitle')} subtitle={t('effSubtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Form.Item
            label={t('searchLabel')}
            htmlFor="effectiveness-q"
            style={{ marginBottom: 0, maxWidth: 420 }}
          >
            <DebouncedInput
              id="effectiveness-q"
              value={filters.q ?? ''}
              onCommit={commitQ}
              placeholder={t('searchPlaceholder')}
            />
          </Form.Item>
        </Form>
      </Card>
      <Tabs
        activeKey={filters.state}
        onChange={(k) => set({ state: k as EffectivenessState })}
        items={STATES.map((s) => ({
          key: s,
          label: t(`state${s[0].toUpperCase()}${s.slice(1)}` as 'stateDue'),
        }))}
      />
      <ServerTable<EffectivenessItem>
        aria-label={t('effCaption')}
        rowKey="nominationId"
        columns={columns}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('effEmpty') }}
        query={query}
        {...paging}
        showTotal={(total) => t('total', { n: total.toLocaleString('vi-VN') })}
      />
    </>
  );
}
