import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ExportButton } from '../../../components/export-button';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { useCodeLabel } from '../../../lib/codes';
import { type ConsolidatedGroup, type ConsolidatedRow, useConsolidated } from '../api/needs';
import { fmtNumber, groupKey, levelListOfProgramme, rowsByGroup, sumGroups } from '../needs-logic';
import { useNeedsT } from './needs-tags';

type Group = ConsolidatedGroup & { key: string; stt: number };

const num = (n: number) => (n ? fmtNumber(n) : <Typography.Text type="secondary">0</Typography.Text>);

/** The "Tổng hợp" tab: needs the root accepted, by programme kind x level, each opening to its units. */
export function ConsolidatedTab({ campaignId }: { campaignId: number }) {
  const t = useNeedsT();
  const label = useCodeLabel();
  const { data, error, isPending, refetch } = useConsolidated(campaignId);
  const [expanded, setExpanded] = useState<string[]>([]);
  const byGroup = useMemo(() => rowsByGroup(data?.rows ?? []), [data]);
  const groups: Group[] = useMemo(
    () => (data?.groups ?? []).map((g, i) => ({ ...g, key: groupKey(g), stt: i + 1 })),
    [data],
  );

  if (isPending) return <PageSpinner />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  const root = data.campaign.rootUnitName;
  const levelText = (kind: string, level: string | null) => {
    const list = levelListOfProgramme(kind);
    return level && list ? label(list, level) : '—';
  };
  const sums = sumGroups(groups);
  const unitCount = new Set(data.rows.map((r) => r.unitId)).size;
  const priorityCols = <T extends { priority1: number; priority2: number; priority3: number }>() =>
    ([1, 2, 3] as const).map((n) => ({
      title: t(`priority${n}`),
      dataIndex: `priority${n}`,
      key: `p${n}`,
      width: 100,
      align: 'right' as const,
      className: 'tabular',
      render: (v: number) => num(v),
    })) as TableColumnsType<T>;

  const groupColumns: TableColumnsType<Group> = [
    { title: t('stt'), dataIndex: 'stt', key: 'stt', width: 56, align: 'right' },
    {
      title: t('programme'),
      dataIndex: 'programmeKind',
      key: 'programme',
      render: (k: string) => <Typography.Text strong>{label('programme_kind', k)}</Typography.Text>,
    },
    { title: t('level'), key: 'level', width: 220, render: (_v, g) => levelText(g.programmeKind, g.level) },
    {
      title: t('units'),
      dataIndex: 'units',
      key: 'units',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: num,
    },
    {
      title: t('people'),
      dataIndex: 'people',
      key: 'people',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: num,
    },
    {
      title: t('quantity'),
      dataIndex: 'quantity',
      key: 'quantity',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: (v: number) => <Typography.Text strong>{fmtNumber(v)}</Typography.Text>,
    },
    ...priorityCols<Group>(),
  ];

  const unitColumns: TableColumnsType<ConsolidatedRow> = [
    {
      title: t('unit'),
      dataIndex: 'unitName',
      key: 'unit',
      render: (name: string, r) => (
        <Flex vertical>
          <Link to={`/needs/proposals/${r.proposalId}`}>{name}</Link>
          {r.viaUnitId !== r.unitId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('via')}: {r.viaUnitName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('people'),
      dataIndex: 'people',
      key: 'people',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: num,
    },
    {
      title: t('quantity'),
      dataIndex: 'quantity',
      key: 'quantity',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: num,
    },
    ...priorityCols<ConsolidatedRow>(),
  ];

  const pending = data.reviewedByRoot.pending;
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 12]}>
          <Col xs={24} md={8}>
            <Statistic
              title={t('reviewedByRoot', { root })}
              value={fmtNumber(data.reviewedByRoot.accepted)}
              suffix={`/ ${fmtNumber(data.reviewedByRoot.total)}`}
            />
          </Col>
          <Col xs={12} md={8}>
            <Statistic title={t('totalPeople')} value={fmtNumber(data.totals.people)} />
          </Col>
          <Col xs={12} md={8}>
            <Statistic title={t('totalQuantity')} value={fmtNumber(data.totals.quantity)} />
          </Col>
        </Row>
        {pending ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('pendingAtRoot', { n: fmtNumber(pending) })}
          />
        ) : null}
      </Card>
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('consolidatedCaption')}
          </Typography.Title>
        }
        extra={
          groups.length ? (
            <Space size={8}>
              <Button
                size="small"
                onClick={() => setExpanded(expanded.length ? [] : groups.map((g) => g.key))}
              >
                {expanded.length ? t('collapseAll') : t('expandAll')}
              </Button>
              <ExportButton size="small" path={`/needs/campaigns/${campaignId}/consolidated/export.xlsx`} />
            </Space>
          ) : null
        }
        styles={{ body: { padding: 0 } }}
      >
        {groups.length === 0 ? (
          <Empty style={{ padding: 24 }} description={t('noConsolidated', { root })} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 12px' }}>
              {t('consolidatedHint', { root })}
            </Typography.Paragraph>
            <Table<Group>
              aria-label={t('consolidatedCaption')}
              rowKey="key"
              size="small"
              columns={groupColumns}
              dataSource={groups}
              pagination={false}
              scroll={{ x: 1000 }}
              expandable={{
                expandedRowKeys: expanded,
                onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
                expandedRowRender: (g) => (
                  <Table<ConsolidatedRow>
                    aria-label={t('unitsOf', {
                      programme:
                        `${label('programme_kind', g.programmeKind)} ${g.level ? levelText(g.programmeKind, g.level) : ''}`.trim(),
                    })}
                    rowKey={(r) => `${r.proposalId}:${r.viaUnitId}`}
                    showHeader={false}
                    size="small"
                    columns={unitColumns}
                    dataSource={byGroup.get(g.key) ?? []}
                    pagination={false}
                  />
                ),
              }}
              summary={() => (
                <Table.Summary fixed>
                  <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                    <Table.Summary.Cell index={0} colSpan={4}>
                      {t('totalRow')}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right" className="tabular">
                      {fmtNumber(unitCount)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right" className="tabular">
                      {fmtNumber(data.totals.people)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right" className="tabular">
                      {fmtNumber(sums.quantity)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right" className="tabular">
                      {fmtNumber(sums.priority1)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={8} align="right" className="tabular">
                      {fmtNumber(sums.priority2)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={9} align="right" className="tabular">
                      {fmtNumber(sums.priority3)}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                </Table.Summary>
              )}
            />
          </>
        )}
      </Card>
    </>
  );
}
