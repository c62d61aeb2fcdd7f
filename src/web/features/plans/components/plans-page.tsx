import { FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, type TableColumnsType, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PLAN_SORT_KEYS, PLAN_STATUSES } from '../../../../contracts/plans';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { ChoiceFilter, YearFilter } from '../../../kit/filters';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { oneOf, positiveInt } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
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

const FILTERS = {
  sort: oneOf(PLAN_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
  year: positiveInt(),
  unitId: positiveInt({ param: 'unit' }),
  status: oneOf(PLAN_STATUSES),
};
const PAGE_SIZES = [20, 50, 100];

/** The annual plans, filters in the URL (beside the page's tab). */
function PlanList() {
  const t = useT(plansMessages);
  const { filters, set, paging, offset } = useUrlFilters(FILTERS, { pageSizes: PAGE_SIZES });
  const query = usePlans(filters);

  const columns: TableColumnsType<PlanSummary> = [
    rowNumberColumn(t('stt'), offset),
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
    { title: t('unit'), dataIndex: 'unitName', key: 'unitName' },
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
    <>
      <FilterBar filters={filters} set={set}>
        <YearFilter xs={12} md={4} id="plans-year" label={t('year')} />
        <FilterField xs={24} md={10} label={t('unit')} htmlFor="plans-unit">
          <UnitTreeSelect
            id="plans-unit"
            value={filters.unitId ?? null}
            onChange={(v) => set({ unitId: typeof v === 'number' ? v : undefined })}
          />
        </FilterField>
        <ChoiceFilter
          xs={12}
          md={6}
          id="plans-status"
          label={t('status')}
          placeholder={t('all')}
          field="status"
          options={PLAN_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
        />
        <Col xs={24} md={4} style={{ alignSelf: 'end' }}>
          <ExportButton path="/plans/export.xlsx" filters={filters} />
        </Col>
      </FilterBar>
      <ServerTable<PlanSummary>
        aria-label={t('tabPlans')}
        columns={columns}
        query={query}
        {...paging}
        sortKeys={PLAN_SORT_KEYS}
        sort={filters.sort}
        onSortChange={(sort) => set({ sort })}
        showTotal={(total) => t('total', { n: total.toLocaleString('vi-VN') })}
      />
    </>
  );
}
