import {
  Button,
  Col,
  Flex,
  Form,
  Row,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo } from 'react';
import { DebouncedInput } from '../../../components/debounced-input';
import { QueryErrorResult } from '../../../components/results';
import { useLang } from '../../../lib/i18n';
import { type StandardRule, useRules } from '../api/standards';
import { APPLIES_KINDS, type AppliesKind, filterRules, type Origin, ruleOrigin } from '../rule-words';
import { OriginTag, SourceText, StateTag, useRuleWords } from './rule-bits';
import { RuleDrawer } from './rule-drawer';

export interface StandardRulesView {
  asOf: string;
  kind?: AppliesKind;
  origin?: Origin;
  q: string;
  /** Also superseded, retired and future versions. */
  all: boolean;
  ruleId: number | null;
}

const KIND_KEYS = {
  rank: 'kindRank',
  professionalTitle: 'kindProfessionalTitle',
  leadershipTier: 'kindLeadershipTier',
  communeTitle: 'kindCommuneTitle',
  category: 'kindCategory',
  post: 'kindPost',
  everyone: 'kindEveryone',
} as const;
const ORIGIN_KEYS = { national: 'originNational', own: 'originOwn', override: 'originOverride' } as const;

export function StandardRulesTab({
  view,
  onChange,
}: {
  view: StandardRulesView;
  onChange: (patch: Partial<StandardRulesView>, replace?: boolean) => void;
}) {
  const words = useRuleWords();
  const { t } = words;
  const [lang] = useLang();
  const { data, error, isPending, isFetching, refetch } = useRules(view.asOf);

  const textOf = useCallback(
    (r: StandardRule) =>
      [
        r.code,
        r.titleVi,
        r.titleEn,
        r.legalSource.document,
        r.legalSource.article,
        r.ownerUnitName,
        words.selector(r.appliesTo),
        words.requirement(r.requirement),
      ].join(' '),
    [words],
  );
  const rows = useMemo(
    () =>
      filterRules(
        data ?? [],
        { asOfOnly: !view.all, kind: view.kind, origin: view.origin, q: view.q },
        textOf,
      ).sort((a, b) => a.code.localeCompare(b.code) || a.version - b.version),
    [data, view.all, view.kind, view.origin, view.q, textOf],
  );
  const commitQ = useCallback((q: string) => onChange({ q }, true), [onChange]);
  const hasFilters = !!(view.kind || view.origin || view.q || view.all);

  const columns: TableColumnsType<StandardRule> = [
    {
      title: t('stt'),
      key: 'stt',
      width: 56,
      align: 'right',
      className: 'tabular',
      render: (_v, _r, i) => i + 1,
    },
    {
      title: t('colRule'),
      key: 'rule',
      width: 300,
      render: (_v, r) => (
        <Flex vertical gap={2} align="start">
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', fontWeight: 500 }}
            aria-label={t('viewRule', { code: r.code })}
            onClick={() => onChange({ ruleId: r.id })}
          >
            {lang === 'vi' ? r.titleVi : r.titleEn}
          </Button>
          <Flex gap={4} wrap>
            <Typography.Text code style={{ fontSize: 12 }}>
              {r.code}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('version', { n: r.version })}
            </Typography.Text>
            {r.state !== 'in_force' ? <StateTag state={r.state} /> : null}
            {r.state === 'in_force' && !r.applies ? (
              <Tag style={{ whiteSpace: 'normal' }}>{t('notApplyingHere')}</Tag>
            ) : null}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('colAppliesTo'),
      key: 'appliesTo',
      width: 220,
      render: (_v, r) => words.selector(r.appliesTo),
    },
    {
      title: t('colRequirement'),
      key: 'requirement',
      width: 230,
      render: (_v, r) => (
        <>
          {words.requirement(r.requirement)}
          {r.grace ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {words.grace(r.grace)}
            </Typography.Text>
          ) : null}
        </>
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
      width: 230,
      render: (_v, r) => <SourceText source={r.legalSource} />,
    },
    {
      title: t('colOrigin'),
      key: 'origin',
      width: 170,
      render: (_v, r) => <OriginTag origin={ruleOrigin(r, data ?? [])} unit={r.ownerUnitName} />,
    },
  ];

  return (
    <>
      <Form layout="vertical" component="div" role="search">
        <Row gutter={[12, 0]} align="bottom">
          <Col xs={24} md={8} xl={6}>
            <Form.Item label={t('searchLabel')} htmlFor="rules-q" style={{ marginBottom: 12 }}>
              <DebouncedInput
                id="rules-q"
                value={view.q}
                onCommit={commitQ}
                placeholder={t('searchPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={5}>
            <Form.Item label={t('appliesToFilter')} htmlFor="rules-kind" style={{ marginBottom: 12 }}>
              <Select
                id="rules-kind"
                allowClear
                placeholder={t('all')}
                value={view.kind}
                onChange={(kind) => onChange({ kind })}
                options={APPLIES_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item label={t('originFilter')} htmlFor="rules-origin" style={{ marginBottom: 12 }}>
              <Select
                id="rules-origin"
                allowClear
                placeholder={t('all')}
                value={view.origin}
                onChange={(origin) => onChange({ origin })}
                options={(['national', 'own', 'override'] as const).map((o) => ({
                  value: o,
                  label: t(ORIGIN_KEYS[o]),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16} xl={6}>
            <Form.Item style={{ marginBottom: 12 }}>
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                <Switch
                  id="rules-all"
                  size="small"
                  checked={view.all}
                  onChange={(all) => onChange({ all })}
                />
                <label htmlFor="rules-all">{t('showRetired')}</label>
              </span>
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={3}>
            <Form.Item style={{ marginBottom: 12 }}>
              <Button
                disabled={!hasFilters}
                onClick={() => onChange({ kind: undefined, origin: undefined, q: '', all: false })}
              >
                {t('reset')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Table<StandardRule>
          aria-label={t('tabStandards')}
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={isPending || isFetching}
          pagination={false}
          scroll={{ x: 1320 }}
          locale={{ emptyText: t('noRules') }}
          rowClassName={(r) => (r.state === 'in_force' ? '' : 'row-inactive')}
          footer={() => t('rulesCount', { n: rows.length.toLocaleString('vi-VN') })}
        />
      )}
      <RuleDrawer
        ruleId={view.ruleId}
        asOf={view.asOf}
        onOpenRule={(ruleId) => onChange({ ruleId })}
        onClose={() => onChange({ ruleId: null })}
      />
    </>
  );
}
