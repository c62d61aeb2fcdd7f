import { DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Flex, Form, Row, Spin, Tabs, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import { DateInput } from '../../../components/date-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { PostGroupField } from '../../../kit/filters';
import { useUrlState } from '../../../kit/use-url-filters';
import { useCan, useMe } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate, todayIso } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useOrgTree } from '../../../lib/org-tree';
import { useRuleTitle } from '../../standards/api/standards';
import { type GapGroup, gapsExportUrl, useGapsSummary } from '../api/gaps';
import {
  type GapSelection,
  type GapsFilters,
  type GroupBy,
  readGapsFilters,
  writeGapsFilters,
} from '../gaps-url';
import { gapsMessages } from '../messages';
import { unitChain } from '../report-format';
import { GapGroupsTable } from './gap-groups-table';
import { GapPeopleDrawer } from './gap-people-drawer';
import { GapsTotals } from './gaps-totals';

/** "Thiếu hụt tiêu chuẩn": the gaps of a unit of the user's subtree on a date, and the people behind each number. */
export function GapsPage() {
  const t = useT(gapsMessages);
  const [lang] = useLang();
  const me = useMe();
  const can = useCan();
  const codeLabel = useCodeLabel();
  const ruleTitle = useRuleTitle();
  const { value: filters, patch: update } = useUrlState(readGapsFilters, writeGapsFilters);
  const scope = useMemo(
    () => ({ unitId: filters.unitId, asOf: filters.asOf, postGroup: filters.postGroup }),
    [filters.unitId, filters.asOf, filters.postGroup],
  );
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = useGapsSummary(
    scope,
    filters.by,
  );
  const { data: tree } = useOrgTree();

  const hrefOf = (patch: Partial<GapsFilters>) =>
    `?${writeGapsFilters({ ...filters, list: null, ...patch })}`;
  const openList = (s: GapSelection) =>
    update({ list: { ...s, page: 1, pageSize: filters.list?.pageSize ?? 50 } });

  const parents = useMemo(() => new Set(tree?.units.map((u) => u.parentId)), [tree]);
  const drillHref = (unitId: number) =>
    tree && !parents.has(unitId) ? null : hrefOf({ unitId, by: 'unit' });
  const chain = useMemo(
    () => (tree && data ? unitChain(tree.units, tree.rootIds, data.unitId) : []),
    [tree, data],
  );

  // The people list shows today's records: link a headcount to it only when the report is of today.
  const linkPeople = can('people.read') && (!filters.asOf || filters.asOf === todayIso());
  const peopleLink = (query: Record<string, string>, what: string, group: string) => (n: ReactNode) => (
    <Link
      to={`/people?${new URLSearchParams({
        ...query,
        ...(filters.postGroup ? { postGroup: filters.postGroup } : {}),
        status: 'WORKING',
      })}`}
      aria-label={t('openPeople', { what, group })}
      title={t('openPeople', { what, group })}
    >
      {n}
    </Link>
  );
  const groupHeadcountLink = (g: GapGroup, n: ReactNode) => {
    if (!data) return n;
    const query: Record<string, string> =
      g.unitId === data.unitId
        ? { unitId: String(data.unitId), subtree: 'false' }
        : g.unitId !== null
          ? { unitId: String(g.unitId) }
          : { unitId: String(data.unitId), category: g.category ?? '' };
    return peopleLink(query, t('headcount'), g.label[lang])(n);
  };

  const listSubtitle = (s: GapSelection): string => {
    if (!data) return '';
    const inSummary = data.groups.find(
      (g) =>
        (s.groupUnitId !== undefined && g.unitId === s.groupUnitId) ||
        (s.ruleCode !== undefined && g.ruleCode === s.ruleCode) ||
        (s.category !== undefined && g.category === s.category),
    );
    const unitName = tree?.units.find((u) => u.id === s.groupUnitId)?.name;
    const group = inSummary
      ? inSummary.label[lang]
      : s.category
        ? codeLabel('category', s.category)
        : (unitName ?? (s.ruleCode ? ruleTitle(s.ruleCode) : undefined));
    const status = s.status ? t(s.status) : undefined;
    const parts = group
      ? [group, s.groupUnitId ? undefined : data.unitName, status]
      : [t('listAll', { unit: data.unitName }), status];
    return [...parts, t('asOfDate', { date: formatDate(data.asOf) })].filter(Boolean).join(' · ');
  };

  const myUnit = filters.unitId ?? me.scopeUnitId;
  const tabs: { key: GroupBy; label: string }[] = [
    { key: 'unit', label: t('byUnit') },
    { key: 'rule', label: t('byRule') },
    { key: 'category', label: t('byCategory') },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton path="/standards/gaps/export.xlsx" filters={scope} />
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={gapsExportUrl(scope)}
              download
              title={t('exportHelp')}
            >
              {t('exportCsv')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search" aria-label={t('filtersLabel')}>
          <Row gutter={[12, 0]} align="bottom">
            <Field xs={24} md={12} xl={10} label={t('unit')} htmlFor="gaps-unit" style={{ marginBottom: 12 }}>
              <UnitTreeSelect
                id="gaps-unit"
                value={myUnit}
                allowClear={false}
                onChange={(v) => {
                  const id = typeof v === 'number' ? v : undefined;
                  update({ unitId: id === me.scopeUnitId ? undefined : id, list: null });
                }}
              />
            </Field>
            <Field
              xs={16}
              md={6}
              xl={5}
              label={t('asOf')}
              htmlFor="gaps-as-of"
              tooltip={t('asOfHelp')}
              style={{ marginBottom: 12 }}
            >
              <DateInput
                id="gaps-as-of"
                value={filters.asOf ?? null}
                onChange={(v) =>
                  update({ asOf: v ?? undefined, list: filters.list ? { ...filters.list, page: 1 } : null })
                }
              />
            </Field>
            <PostGroupField
              id="gaps-post-group"
              xs={16}
              md={6}
              xl={5}
              label={t('postGroup')}
              placeholder={t('anyPostGroup')}
              value={filters.postGroup}
              onChange={(v) =>
                update({ postGroup: v, list: filters.list ? { ...filters.list, page: 1 } : null })
              }
            />
            <Col flex="none">
              <Form.Item style={{ marginBottom: 12 }}>
                <Button
                  disabled={!filters.unitId && !filters.asOf && !filters.postGroup}
                  onClick={() =>
                    update({ unitId: undefined, asOf: undefined, postGroup: undefined, list: null })
                  }
                >
                  {t('reset')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : isPending || !data ? (
        <PageSpinner />
      ) : (
        <>
          <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
            <Breadcrumb
              aria-label={t('unitPath')}
              items={(chain.length ? chain : [{ id: data.unitId, name: data.unitName }]).map((u, i, all) => ({
                key: u.id,
                title:
                  i < all.length - 1 ? (
                    <Link to={hrefOf({ unitId: u.id === me.scopeUnitId ? undefined : u.id })}>{u.name}</Link>
                  ) : (
                    <Typography.Text strong>{u.name}</Typography.Text>
                  ),
              }))}
            />
            <Flex align="center" gap={8} role="status" aria-live="polite">
              {isFetching ? <Spin size="small" /> : null}
              <Typography.Text type="secondary">
                {isFetching
                  ? t('calculating')
                  : t('summaryOf', { unit: data.unitName, date: formatDate(data.asOf) })}
              </Typography.Text>
            </Flex>
          </Flex>
          <div style={{ opacity: isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}>
            <GapsTotals
              totals={data.totals}
              unitName={data.unitName}
              headcountLink={
                linkPeople
                  ? peopleLink({ unitId: String(data.unitId) }, t('headcount'), data.unitName)
                  : undefined
              }
              onOpen={openList}
            />
          </div>
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              activeKey={filters.by}
              onChange={(k) => update({ by: k as GroupBy, list: null })}
              items={tabs.map((x) => ({ key: x.key, label: x.label }))}
            />
            <GapGroupsTable
              summary={data.groupBy === filters.by ? data : undefined}
              by={filters.by}
              loading={isFetching}
              onOpen={openList}
              drillHref={drillHref}
              headcountLink={linkPeople ? groupHeadcountLink : undefined}
            />
            {data.totals.headcount && data.totals.gaps === 0 ? (
              <Typography.Paragraph type="success" style={{ margin: '12px 0 0' }}>
                {t('noGaps')}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </>
      )}

      {filters.list && data ? (
        <GapPeopleDrawer
          scope={scope}
          list={filters.list}
          subtitle={listSubtitle(filters.list)}
          onChange={(list) => update({ list })}
          onClose={() => update({ list: null })}
        />
      ) : null}
    </>
  );
}
