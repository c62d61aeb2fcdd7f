import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Row, Select, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { DateInput } from '../../../components/date-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { PostGroupField } from '../../../kit/filters';
import { ServerTable } from '../../../kit/server-table';
import { useUrlState } from '../../../kit/use-url-filters';
import { useCan, useMe } from '../../../lib/auth';
import { filterCodeOption, useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type EligiblePerson, useEligibilityRules, useEligiblePeople } from '../api/gaps';
import {
  type EligibilityFilters,
  PAGE_SIZES,
  readEligibilityFilters,
  writeEligibilityFilters,
} from '../gaps-url';
import { eligibilityMessages } from '../messages';
import { formatCount, purposesOf } from '../report-format';
import { EligibilityRulesCard } from './eligibility-rules-card';
import { usePersonColumns } from './person-columns';

/** "Đủ điều kiện cử đi học": who in a unit may be sent for a training purpose on a date, and why. */
export function EligibilityPage() {
  const t = useT(eligibilityMessages);
  const [lang] = useLang();
  const me = useMe();
  const _can = useCan();
  const label = useCodeLabel();
  const url = useUrlState(readEligibilityFilters, writeEligibilityFilters);
  const filters = url.value;
  const rules = useEligibilityRules(filters.asOf);
  const purposes = useMemo(
    () => purposesOf(rules.data?.items ?? [], PURPOSE_LABELS, lang),
    [rules.data, lang],
  );
  // Without a choice in the URL, the first purpose is shown (political theory comes first).
  const purpose = filters.purpose ?? purposes[0]?.value;
  const purposeLabel = purposes.find((p) => p.value === purpose)?.label ?? purpose ?? '';
  const scope = { unitId: filters.unitId, asOf: filters.asOf, postGroup: filters.postGroup };
  const purposeRules = useMemo(
    () => (rules.data?.items ?? []).filter((r) => r.purpose === purpose && r.state === 'in_force'),
    [rules.data, purpose],
  );
  // Rows name a rule by its number in the card above rather than repeating its long title.
  const ruleNumber = useMemo(() => new Map(purposeRules.map((r, i) => [r.id, i + 1])), [purposeRules]);
  const people = useEligiblePeople(purpose, scope, { page: filters.page, pageSize: filters.pageSize });

  const update = (patch: Partial<EligibilityFilters>) => url.patch({ page: 1, ...patch });

  const offset = (filters.page - 1) * filters.pageSize;
  const columns: TableColumnsType<EligiblePerson> = [
    ...usePersonColumns<EligiblePerson>(t, offset, { name: 170, category: 110 }),
    { title: t('rank'), dataIndex: 'rank', key: 'rank', width: 130, render: (c) => label('rank', c) },
    {
      title: t('leadershipTier'),
      dataIndex: 'leadershipTier',
      key: 'leadershipTier',
      width: 130,
      render: (c) => label('leadership_tier', c),
    },
    {
      title: t('passes'),
      key: 'rules',
      width: 420,
      render: (_v, p) =>
        p.rules.map((r) => (
          <div key={r.ruleId} style={{ marginBottom: 4 }}>
            {purposeRules.length === 1 && ruleNumber.has(r.ruleId) ? null : (
              <Typography.Text strong title={lang === 'vi' ? r.titleVi : r.titleEn}>
                {ruleNumber.has(r.ruleId)
                  ? t('ruleGroup', { n: ruleNumber.get(r.ruleId)! })
                  : lang === 'vi'
                    ? r.titleVi
                    : r.titleEn}
              </Typography.Text>
            )}
            <ul
              aria-label={t('conditions')}
              style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 12 }}
            >
              {r.conditions.map((c, i) => (
                // Conditions have no id; their order within a rule is fixed.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={i}>
                  <CheckCircleFilled style={{ color: '#389e0d', marginInlineEnd: 6 }} aria-hidden />
                  <Typography.Text type="secondary">{c.explanation[lang]}</Typography.Text>
                </li>
              ))}
            </ul>
          </div>
        )),
    },
  ];

  const data = people.data;
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          purpose ? (
            <ExportButton path={`/eligibility/${purpose}/people/export.xlsx`} filters={scope} />
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search" aria-label={t('filtersLabel')}>
          <Row gutter={[12, 0]} align="bottom">
            <Field
              xs={24}
              md={12}
              xl={8}
              label={t('purpose')}
              htmlFor="elig-purpose"
              style={{ marginBottom: 12 }}
            >
              <Select
                id="elig-purpose"
                value={purpose}
                options={purposes}
                showSearch={{ filterOption: (input, option) => filterCodeOption(input, option) }}
                loading={rules.isPending}
                placeholder={t('purposePlaceholder')}
                onChange={(v: string) => update({ purpose: v })}
              />
            </Field>
            <Field xs={24} md={12} xl={8} label={t('unit')} htmlFor="elig-unit" style={{ marginBottom: 12 }}>
              <UnitTreeSelect
                id="elig-unit"
                value={filters.unitId ?? me.scopeUnitId}
                allowClear={false}
                onChange={(v) => {
                  const id = typeof v === 'number' ? v : undefined;
                  update({ unitId: id === me.scopeUnitId ? undefined : id });
                }}
              />
            </Field>
            <Field xs={16} md={6} xl={5} label={t('asOf')} htmlFor="elig-as-of" style={{ marginBottom: 12 }}>
              <DateInput
                id="elig-as-of"
                value={filters.asOf ?? null}
                onChange={(v) => update({ asOf: v ?? undefined })}
              />
            </Field>
            <PostGroupField
              id="elig-post-group"
              xs={24}
              md={12}
              xl={6}
              label={t('postGroup')}
              placeholder={t('anyPostGroup')}
              value={filters.postGroup}
              onChange={(v) => update({ postGroup: v })}
            />
            <Col flex="none">
              <Form.Item style={{ marginBottom: 12 }}>
                <Button
                  disabled={!filters.purpose && !filters.unitId && !filters.asOf && !filters.postGroup}
                  onClick={() => url.setParams(new URLSearchParams())}
                >
                  {t('reset')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      {rules.error && !rules.data ? (
        <QueryErrorResult error={rules.error} onRetry={() => rules.refetch()} />
      ) : rules.data && !purposes.length ? (
        <Alert type="info" showIcon title={t('noPurposes')} />
      ) : (
        <>
          <EligibilityRulesCard rules={purposeRules} />
          <Card
            size="small"
            title={purposeLabel || t('choosePurpose')}
            extra={
              data ? (
                <Typography.Text type="secondary" role="status">
                  {t('found', { n: formatCount(data.total) })} · {formatDate(data.asOf)}
                </Typography.Text>
              ) : null
            }
            styles={{ body: { padding: 0 } }}
          >
            <ServerTable<EligiblePerson>
              bare
              aria-label={t('tableLabel', { purpose: purposeLabel })}
              rowKey="personId"
              columns={columns}
              scroll={{ x: 1100 }}
              locale={{ emptyText: people.isPending ? t('loading') : t('noPeople') }}
              query={people}
              page={filters.page}
              pageSize={filters.pageSize}
              pageSizeOptions={PAGE_SIZES}
              onPageChange={(page, pageSize) => url.patch({ page, pageSize })}
              showTotal={(total, [from, to]) => t('rangeOfTotal', { from, to, total: formatCount(total) })}
            />
          </Card>
        </>
      )}
    </>
  );
}
