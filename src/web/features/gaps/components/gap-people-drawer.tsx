import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Radio, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { ExportButton } from '../../../components/export-button';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type GapPersonRow, gapsExportUrl, type ReportScope, useGapPeople } from '../api/gaps';
import { type GapSelection, PAGE_SIZES } from '../gaps-url';
import { gapsMessages } from '../messages';
import { formatCount, splitExplanation } from '../report-format';
import { PersonStandardsLink } from './person-standards-link';

type ListState = GapSelection & { page: number; pageSize: number };

interface Props {
  scope: ReportScope;
  list: ListState;
  /** What the list is of, in words ("Xã Đầm Hà", a standard's title...). */
  subtitle: string;
  onChange: (list: ListState) => void;
  onClose: () => void;
}

/** The people behind one number of the summary: one row per unmet standard, explained, paged on the server. */
export function GapPeopleDrawer({ scope, list, subtitle, onChange, onClose }: Props) {
  const t = useT(gapsMessages);
  const [lang] = useLang();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const label = useCodeLabel();
  const { page, pageSize, ...selection } = list;
  const { data, error, isPending, isFetching, refetch } = useGapPeople(scope, list, true);
  const offset = (page - 1) * pageSize;
  const canOpenPerson = can('people.read');

  const columns: TableColumnsType<GapPersonRow> = [
    {
      title: t('stt'),
      key: 'stt',
      width: 56,
      align: 'right',
      className: 'tabular',
      render: (_v, _r, i) => offset + i + 1,
    },
    {
      title: t('fullName'),
      key: 'fullName',
      width: 180,
      render: (_v, r) => (
        <PersonStandardsLink
          personId={r.personId}
          fullName={r.fullName}
          canOpen={canOpenPerson}
          title={t('openStandards', { name: r.fullName })}
        />
      ),
    },
    { title: t('unit'), dataIndex: 'unitName', key: 'unitName', width: 180 },
    {
      title: t('category'),
      dataIndex: 'category',
      key: 'category',
      width: 130,
      render: (c: string) => label('category', c),
    },
    {
      title: t('rankPost'),
      key: 'rankPost',
      width: 170,
      render: (_v, r) => (
        <>
          {r.rank ? <div>{label('rank', r.rank)}</div> : null}
          {r.post ? <Typography.Text type="secondary">{r.post}</Typography.Text> : null}
        </>
      ),
    },
    {
      title: t('unmet'),
      key: 'unmet',
      render: (_v, r) => {
        const title = lang === 'vi' ? r.titleVi : r.titleEn;
        const { need, source } = splitExplanation(r.explanation[lang], title);
        return (
          <div title={r.explanation[lang]}>
            <Typography.Text strong>{title}</Typography.Text>
            <div>{need}</div>
            {source ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('source')}: {source}
              </Typography.Text>
            ) : null}
          </div>
        );
      },
    },
    {
      title: t('listStatus'),
      key: 'status',
      width: 150,
      render: (_v, r) =>
        r.status === 'due' ? (
          <Tag color="gold">{t('dueUntil', { date: formatDate(r.dueBy) })}</Tag>
        ) : (
          <Tag color="red">{t('missing')}</Tag>
        ),
    },
  ];

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.xl ? 1200 : '100%'}
      title={
        <div>
          <div>{t('listTitle')}</div>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
            {subtitle}
          </Typography.Text>
        </div>
      }
      extra={
        <Flex gap={8}>
          <ExportButton path="/standards/gaps/export.xlsx" filters={{ ...scope, ...selection }} />
          <Button icon={<DownloadOutlined />} href={gapsExportUrl(scope, selection)} download>
            {t('exportList')}
          </Button>
        </Flex>
      }
    >
      <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
        <Radio.Group
          aria-label={t('listStatus')}
          optionType="button"
          value={selection.status ?? 'all'}
          onChange={(e) =>
            onChange({
              ...list,
              page: 1,
              status: e.target.value === 'all' ? undefined : (e.target.value as GapSelection['status']),
            })
          }
          options={[
            { value: 'all', label: t('statusAll') },
            { value: 'missing', label: t('missing') },
            { value: 'due', label: t('due') },
          ]}
        />
        <Typography.Text type="secondary" role="status">
          {data ? t('rowsTotal', { n: formatCount(data.total) }) : t('loading')}
        </Typography.Text>
      </Flex>
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Table<GapPersonRow>
          aria-label={t('listTitle')}
          rowKey={(r) => `${r.personId}-${r.ruleId}`}
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isPending || isFetching}
          scroll={{ x: 960 }}
          locale={{ emptyText: isPending ? t('loading') : t('noRows') }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total, [from, to]) => t('rangeOfTotal', { from, to, total: formatCount(total) }),
            onChange: (p, size) => onChange({ ...list, page: size !== pageSize ? 1 : p, pageSize: size }),
          }}
        />
      )}
    </Drawer>
  );
}
