import { Button, Col, Form, Row, Select, Switch } from 'antd';
import { useCallback } from 'react';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { DebouncedInput } from '../../../components/debounced-input';
import { Field } from '../../../kit/field';
import { useLang } from '../../../lib/i18n';
import { APPLIES_KINDS, type AppliesKind, type Origin } from '../rule-words';
import { useRuleWords } from './rule-bits';

/** What the rules screen shows, all of it in the URL. */
export interface RulesView {
  asOf: string;
  /** Standards: what the rule applies to. */
  kind?: AppliesKind;
  /** Eligibility: what the rule is for. */
  purpose?: string;
  origin?: Origin;
  q: string;
  /** Also superseded, retired and future versions. */
  all: boolean;
  /** The rule open in the drawer of the current tab. */
  ruleId: number | null;
}

export type RulesViewChange = (patch: Partial<RulesView>, replace?: boolean) => void;

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

/**
 * Search, the family's own filter (standards: what a rule applies to; eligibility: its purpose),
 * origin, old versions, reset. Ids differ by family: both tabs stay mounted.
 */
export function RuleFilterBar({
  family,
  view,
  onChange,
}: {
  family: 'standards' | 'eligibility';
  view: RulesView;
  onChange: RulesViewChange;
}) {
  const { t } = useRuleWords();
  const [lang] = useLang();
  const id = (name: string) => (family === 'standards' ? `rules-${name}` : `eligibility-${name}`);
  const commitQ = useCallback((q: string) => onChange({ q }, true), [onChange]);
  const hasFilters = !!(view.kind || view.purpose || view.origin || view.q || view.all);

  return (
    <Form layout="vertical" component="div" role="search">
      <Row gutter={[12, 0]} align="bottom">
        <Field xs={24} md={8} xl={6} label={t('searchLabel')} htmlFor={id('q')} style={{ marginBottom: 12 }}>
          <DebouncedInput
            id={id('q')}
            value={view.q}
            onCommit={commitQ}
            placeholder={t('searchPlaceholder')}
          />
        </Field>
        <Col xs={12} md={8} xl={5}>
          {family === 'standards' ? (
            <Form.Item label={t('appliesToFilter')} htmlFor={id('kind')} style={{ marginBottom: 12 }}>
              <Select
                id={id('kind')}
                allowClear
                placeholder={t('all')}
                value={view.kind}
                onChange={(kind) => onChange({ kind })}
                options={APPLIES_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('purpose')} htmlFor={id('purpose')} style={{ marginBottom: 12 }}>
              <Select
                id={id('purpose')}
                allowClear
                placeholder={t('all')}
                value={view.purpose}
                onChange={(purpose) => onChange({ purpose })}
                options={Object.entries(PURPOSE_LABELS).map(([value, l]) => ({ value, label: l[lang] }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          )}
        </Col>
        <Field
          xs={12}
          md={8}
          xl={4}
          label={t('originFilter')}
          htmlFor={id('origin')}
          style={{ marginBottom: 12 }}
        >
          <Select
            id={id('origin')}
            allowClear
            placeholder={t('all')}
            value={view.origin}
            onChange={(origin) => onChange({ origin })}
            options={(['national', 'own', 'override'] as const).map((o) => ({
              value: o,
              label: t(ORIGIN_KEYS[o]),
            }))}
          />
        </Field>
        <Field xs={24} md={16} xl={6} style={{ marginBottom: 12 }}>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <Switch id={id('all')} size="small" checked={view.all} onChange={(all) => onChange({ all })} />
            <label htmlFor={id('all')}>{t('showRetired')}</label>
          </span>
        </Field>
        <Field xs={24} md={8} xl={3} style={{ marginBottom: 12 }}>
          <Button
            disabled={!hasFilters}
            onClick={() =>
              onChange({ kind: undefined, purpose: undefined, origin: undefined, q: '', all: false })
            }
          >
            {t('reset')}
          </Button>
        </Field>
      </Row>
    </Form>
  );
}
