import { Alert, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { QueryErrorResult } from '../../../components/results';
import { useLang } from '../../../lib/i18n';
import { type EligibilityRule, useEligibilityRules } from '../api/standards';
import { ruleOrigin } from '../rule-words';
import { OriginTag, SourceText, StateTag, useRuleWords } from './rule-bits';

/** Eligibility rules (read only): who may be sent to which programme, each condition in words. */
export function EligibilityRulesTab({ asOf }: { asOf: string }) {
  const words = useRuleWords();
  const { t } = words;
  const [lang] = useLang();
  const [all, setAll] = useState(false);
  const { data, error, isPending, isFetching, refetch } = useEligibilityRules(asOf, all);
  const rows = useMemo(
    () =>
      [...(data ?? [])].sort(
        (a, b) => a.purpose.localeCompare(b.purpose) || a.code.localeCompare(b.code) || a.version - b.version,
      ),
    [data],
  );
  const purposeLabel = (p: string) => PURPOSE_LABELS[p]?.[lang] ?? p;

  const columns: TableColumnsType<EligibilityRule> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('colPurpose'),
      key: 'purpose',
      width: 190,
      render: (_v, r) => <b>{purposeLabel(r.purpose)}</b>,
      onCell: (r, i) => {
        // One cell per purpose: its rules are alternatives, read together.
        const first = rows.findIndex((x) => x.purpose === r.purpose);
        return { rowSpan: i === first ? rows.filter((x) => x.purpose === r.purpose).length : 0 };
      },
    },
    {
      title: t('colRule'),
      key: 'rule',
      width: 260,
      render: (_v, r) => (
        <>
          <div style={{ fontWeight: 500 }}>{lang === 'vi' ? r.titleVi : r.titleEn}</div>
          <Typography.Text code style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('version', { n: r.version })}
          </Typography.Text>{' '}
          {r.state !== 'in_force' ? <StateTag state={r.state} /> : null}
        </>
      ),
    },
    {
      title: t('colConditions'),
      key: 'conditions',
      render: (_v, r) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {r.conditions.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id and never reorder
            <li key={i}>{words.condition(c)}</li>
          ))}
        </ul>
      ),
    },
    {
      title: t('colPeriod'),
      key: 'period',
      width: 120,
      className: 'tabular',
      render: (_v, r) => words.period(r.effectiveFrom, r.effectiveTo),
    },
    {
      title: t('colSource'),
      key: 'source',
      width: 220,
      render: (_v, r) => (
        <>
          <SourceText source={r.legalSource} />
          <div style={{ marginTop: 4 }}>
            <OriginTag origin={ruleOrigin(r, data ?? [])} unit={null} />
          </div>
        </>
      ),
    },
  ];

  if (error && !data) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  return (
    <>
      <Alert type="info" showIcon title={t('anyRuleHint')} style={{ marginBottom: 12 }} />
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Switch id="eligibility-all" size="small" checked={all} onChange={setAll} />
        <label htmlFor="eligibility-all">{t('showRetired')}</label>
      </span>
      <Table<EligibilityRule>
        aria-label={t('tabEligibility')}
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        loading={isPending || isFetching}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('noRules') }}
      />
    </>
  );
}
