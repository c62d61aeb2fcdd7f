import { FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, InputNumber, Select, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PLAN_STATUSES } from '../../../../contracts/plans';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { useCan } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { type PlanSummary, usePlans } from '../api/plans';
import { money, plansMessages, STATUS_COLORS, STATUS_KEYS } from '../messages';
import { CreatePlanModal } from './create-plan-modal';
import { DraftFromNeedsModal } from './draft-from-needs-modal';
import { MultiyearTab } from './multiyear-tab';
import { PlanActualUnitsTab } from './plan-actual-units';

/** "Kế hoạch đào tạo": annual plans of the user's subtree and the multi-year programmes. */
export function PlansPage() {
  const t = useT(plansMessages);
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab = tabParam === 'multiyear' || tabParam === 'actual' ? tabParam : 'plans';
  const [creating, setCreating] = useState(false);
  const [drafting, setDrafting] = useState(false);
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          can('plans.draft') && tab === 'plans' ? (
            <>
              <Button icon={<FileAddOutlined />} onClick={() => setDrafting(true)}>
                {t('draftFromNeeds')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('newPlan')}
              </Button>
            </>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'plans' ? {} : { tab: k })}
        items={[
          { key: 'plans', label: t('tabPlans'), children: <PlanList /> },
          { key: 'multiyear', label: t('tabMultiyear'), children: <MultiyearTab /> },
          ...(can('classes.read')
            ? [{ key: 'actual', label: t('tabActual'), children: <PlanActualUnitsTab /> }]
            : []),
        ]}
      />
      {creating ? <CreatePlanModal onClose={() => setCreating(false)} /> : null}
      {drafting ? <DraftFromNeedsModal onClose={() => setDrafting(false)} /> : null}
    </>
  );
}

function PlanList() {
  const t = useT(plansMessages);
  const [year, setYear] = useState<number | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { data, error, isFetching, refetch } = usePlans({ year, unitId, status, ...page });
  if (error) return <QueryErrorResult error={error} onRetry={refetch} />;

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t('stt'),
      key: 'stt',
      width: 60,
      align: 'right',
      render: (_v, _r, i) => (page.page - 1) * page.pageSize + i + 1,
    },
    { title: t('year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('planTitle'),
      key: 'title',
      render: (_v, p) => (
        <Flex vertical>
          <Link to={`/plans/${p.id}`}>{p.title}</Link>
          {p.multiyearName ? <span style={{ color: '#888', fontSize: 12 }}>{p.multiyearName}</span> : null}
        </Flex>
      ),
    },
    { title: t('unit'), dataIndex: 'unitName', key: 'unit' },
    {
      title: t('status'),
      key: 'status',
      width: 150,
      render: (_v, p) => (
        <Flex vertical gap={2}>
          <Tag color={STATUS_COLORS[p.status]}>{t(STATUS_KEYS[p.status])}</Tag>
          <span style={{ fontSize: 12 }}>
            v{p.version}
            {p.approvedVersion && p.approvedVersion !== p.version ? ` (v${p.approvedVersion} ✓)` : ''}
          </span>
        </Flex>
      ),
    },
    { title: t('lines'), dataIndex: 'lines', key: 'lines', align: 'right', width: 80 },
    { title: t('classes'), dataIndex: 'classes', key: 'classes', align: 'right', render: money, width: 90 },
    {
      title: t('trainees'),
      dataIndex: 'trainees',
      key: 'trainees',
      align: 'right',
      render: money,
      width: 110,
    },
    { title: t('budget'), dataIndex: 'budget', key: 'budget', align: 'right', render: money, width: 160 },
  ];

  return (
    <Card>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <InputNumber
          aria-label={t('yearFilter')}
          placeholder={t('year')}
          min={2000}
          max={2200}
          value={year}
          onChange={(v) => {
            setYear(v ?? undefined);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 120 }}
        />
        <UnitTreeSelect
          aria-label={t('unitFilter')}
          placeholder={t('unit')}
          value={unitId ?? null}
          onChange={(v) => {
            setUnitId(typeof v === 'number' ? v : undefined);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 320 }}
        />
        <Select
          aria-label={t('statusFilter')}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('status')}
          allowClear
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
          style={{ width: 180 }}
        />
        <ExportButton path="/plans/export.xlsx" filters={{ year, unitId, status }} />
      </Flex>
      <Table<PlanSummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('total', { n: total.toLocaleString('vi-VN') }),
          onChange: (p, s) => setPage({ page: s === page.pageSize ? p : 1, pageSize: s }),
        }}
      />
    </Card>
  );
}
