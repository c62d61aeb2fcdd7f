import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Radio, type TableColumnsType, Tag, Typography } from 'antd';
import { ExportButton } from '../../../components/export-button';
import { ServerTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type GapPersonRow, gapsExportUrl, type ReportScope, useGapPeople } from '../api/gaps';
import { type GapSelection, PAGE_SIZES } from '../gaps-url';
import { gapsMessages } from '../messages';
import { formatCount, splitExplanation } from '../report-format';
import { usePersonColumns } from './person-columns';

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
  const screens = Grid.useBreakpoint();
  const label = useCodeLabel();
  const { page, pageSize, ...selection } = list;
  const query = useGapPeople(scope, list, true);
  const { data } = query;
  const offset = (page - 1) * pageSize;

  const columns: TableColumnsType<GapPersonRow> = [
    ...usePersonColumns<GapPersonRow>(t, offset, { name: 180, category: 130 }),
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
      <ServerTable<GapPersonRow>
        bare
        aria-label={t('listTitle')}
        rowKey={(r) => `${r.personId}-${r.ruleId}`}
        columns={columns}
        scroll={{ x: 960 }}
        locale={{ emptyText: query.isPending ? t('loading') : t('noRows') }}
        query={query}
        page={page}
        pageSize={pageSize}
        pageSizeOptions={PAGE_SIZES}
        onPageChange={(p, size) => onChange({ ...list, page: p, pageSize: size })}
        showTotal={(total, [from, to]) => t('rangeOfTotal', { from, to, total: formatCount(total) })}
        paginationExtra={{ style: undefined }}
      />
    </Drawer>
  );
}
