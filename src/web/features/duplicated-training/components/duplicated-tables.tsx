import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { NOMINATION_STATUS_LABELS } from '../../../../contracts/nominations';
import { formatPercent } from '../../../kit/numbers';
import { type PagedQuery, ServerTable } from '../../../kit/server-table';
import { useLang, useT } from '../../../lib/i18n';
import type { DuplicatedClass, DuplicatedRow } from '../api/duplicated-training';
import { duplicatedTrainingMessages, vnd } from '../messages';

const money = { align: 'right' as const, className: 'tabular' };

/** Rows and duplicated cost of each class with at least one duplicated nomination. */
export function ByClassTable({ items, loading }: { items: DuplicatedClass[]; loading: boolean }) {
  const t = useT(duplicatedTrainingMessages);
  const columns: TableColumnsType<DuplicatedClass> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('className'),
      key: 'class',
      render: (_v, c) => (
        <Link to={`/classes/${c.classId}`}>
          {c.code} · {c.name}
        </Link>
      ),
    },
    { title: t('rowCount'), dataIndex: 'rows', key: 'rows', width: 110, ...money, render: vnd },
    { title: t('duplicatedCost'), dataIndex: 'cost', key: 'cost', width: 170, ...money, render: vnd },
  ];
  return (
    <Table<DuplicatedClass>
      aria-label={t('byClassCaption')}
      rowKey="classId"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('noRows') }}
    />
  );
}

/** One page of duplicated nominations: who, sent by whom, to which class (and the nomination's status), why, and what it costs. */
export function DuplicatedRowsTable({
  query,
  page,
  pageSize,
  onPageChange,
}: {
  query: PagedQuery<DuplicatedRow>;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}) {
  const offset = (page - 1) * pageSize;
  const t = useT(duplicatedTrainingMessages);
  const [lang] = useLang();
  const pct = (n: number) => formatPercent(n, lang);
  const columns: TableColumnsType<DuplicatedRow> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('person'),
      key: 'person',
      width: 190,
      render: (_v, r) => (
        <>
          {r.personOpen ? <Link to={`/people/${r.personId}`}>{r.personName}</Link> : r.personName}
          <div>
            <Typography.Text type="secondary">{r.unitName}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('className'),
      key: 'class',
      width: 190,
      render: (_v, r) => (
        <>
          <Flex gap={6} align="center" wrap>
            <Link to={`/classes/${r.classId}`}>{r.classCode}</Link>
            <Tag color={r.status === 'approved' ? 'green' : 'gold'} style={{ marginInlineEnd: 0 }}>
              {NOMINATION_STATUS_LABELS[r.status][lang]}
            </Tag>
          </Flex>
          <Typography.Text type="secondary">{r.className}</Typography.Text>
        </>
      ),
    },
    {
      title: t('reasons'),
      key: 'reasons',
      width: 300,
      render: (_v, r) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {r.reasons.map((x) => (
            <li key={x.code}>{x[lang]}</li>
          ))}
        </ul>
      ),
    },
    { title: t('share'), dataIndex: 'sharePct', key: 'share', width: 80, ...money, render: pct },
    {
      title: t('costPerTrainee'),
      dataIndex: 'costPerTrainee',
      key: 'perTrainee',
      width: 120,
      ...money,
      render: vnd,
    },
    {
      title: t('duplicatedCost'),
      dataIndex: 'duplicatedCost',
      key: 'cost',
      width: 130,
      ...money,
      render: (v: number) => <Typography.Text strong>{vnd(v)}</Typography.Text>,
    },
  ];
  return (
    <ServerTable<DuplicatedRow>
      bare
      query={query}
      page={page}
      pageSize={pageSize}
      onPageChange={(p) => onPageChange(p)}
      showTotal={(total) => t('total', { n: vnd(total) })}
      paginationExtra={{ hideOnSinglePage: true }}
      aria-label={t('rowsCaption')}
      rowKey="nominationId"
      columns={columns}
      scroll={{ x: 1060 }}
      locale={{ emptyText: t('noRows') }}
    />
  );
}
