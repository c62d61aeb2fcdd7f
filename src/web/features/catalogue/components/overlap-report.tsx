import { Card, InputNumber, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CodeSelect } from '../../../components/code-select';
import { QueryErrorResult } from '../../../components/results';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { ListTable } from '../../../kit/server-table';
import { useLang, useT } from '../../../lib/i18n';
import { type Pair, useOverlapReport } from '../api/programmes';
import { catalogueMessages } from '../messages';

/** Pairs of programmes sharing topics: what could be merged or exempted. */
export function OverlapReport({ href }: { href: (id: number) => string }) {
  const t = useT(catalogueMessages);
  const [lang] = useLang();
  const [minPeriods, setMinPeriods] = useState(1);
  const [kind, setKind] = useState<string | undefined>();
  const { data, error, isPending, refetch } = useOverlapReport(minPeriods, kind);
  const name = (p: Pair['a']) => (
    <>
      <Typography.Text code>{p.code}</Typography.Text>{' '}
      <Link to={href(p.id)}>{lang === 'vi' ? p.nameVi : p.nameEn}</Link>
    </>
  );
  const columns: TableColumnsType<Pair> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => i + 1 },
    { title: t('pairA'), key: 'a', render: (_v, r) => name(r.a) },
    { title: t('pairB'), key: 'b', render: (_v, r) => name(r.b) },
    {
      title: t('sharedTopics'),
      key: 'topics',
      render: (_v, r) => r.sharedTopics.map((s) => `${s.name} (${s.topicCode})`).join('; '),
    },
    {
      title: t('sharedPeriods'),
      key: 'periods',
      width: 150,
      align: 'right',
      render: (_v, r) => (
        <span className="tabular">
          {r.sharedPeriodsA.toLocaleString('vi-VN')} / {r.sharedPeriodsB.toLocaleString('vi-VN')}
        </span>
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('reportHint')}</Typography.Paragraph>
      <FilterBar>
        <FilterField xs={24} md={8} label={t('kind')} htmlFor="overlap-kind">
          <CodeSelect
            id="overlap-kind"
            list="programme_kind"
            value={kind}
            onChange={(v) => setKind(v ?? undefined)}
            placeholder={t('all')}
          />
        </FilterField>
        <FilterField xs={24} md={8} label={t('minPeriods')} htmlFor="overlap-min">
          <InputNumber
            id="overlap-min"
            min={1}
            max={2000}
            precision={0}
            value={minPeriods}
            onChange={(v) => setMinPeriods(Number(v) || 1)}
            style={{ width: '100%' }}
          />
        </FilterField>
      </FilterBar>
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          {/* The server sends every pair: paged in the browser. */}
          <ListTable<Pair>
            aria-label={t('tabOverlaps')}
            rowKey={(r) => `${r.a.id}-${r.b.id}`}
            size="small"
            columns={columns}
            dataSource={data ?? []}
            loading={isPending}
            locale={{ emptyText: t('noPairs') }}
            pageSize={50}
            showTotal={(n) => t('total', { n })}
          />
        </Card>
      )}
    </>
  );
}
