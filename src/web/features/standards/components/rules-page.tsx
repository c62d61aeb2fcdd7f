import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { DateInput } from '../../../components/date-input';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/auth';
import { todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { standardsMessages } from '../messages';
import { APPLIES_KINDS, type AppliesKind, type Origin } from '../rule-words';
import { EligibilityRuleFormModal } from './eligibility-rule-form-modal';
import { EligibilityRulesTab } from './eligibility-rules-tab';
import type { RulesView } from './rule-filter-bar';
import { RuleFormModal } from './rule-form-modal';
import { StandardRulesTab } from './standard-rules-tab';

const ORIGINS: Origin[] = ['national', 'own', 'override'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Everything the screen shows lives in the URL, so a link reproduces it (and Back works). */
function readView(sp: URLSearchParams): RulesView & { tab: 'standards' | 'eligibility' } {
  const kind = sp.get('kind') as AppliesKind | null;
  const origin = sp.get('origin') as Origin | null;
  const asOf = sp.get('asOf');
  const purpose = sp.get('purpose');
  const rule = Number(sp.get('rule'));
  return {
    tab: sp.get('tab') === 'eligibility' ? 'eligibility' : 'standards',
    asOf: asOf && ISO.test(asOf) ? asOf : todayIso(),
    kind: kind && APPLIES_KINDS.includes(kind) ? kind : undefined,
    purpose: purpose && purpose in PURPOSE_LABELS ? purpose : undefined,
    origin: origin && ORIGINS.includes(origin) ? origin : undefined,
    q: sp.get('q') ?? '',
    all: sp.get('all') === 'true',
    ruleId: Number.isInteger(rule) && rule > 0 ? rule : null,
  };
}

function writeView(v: ReturnType<typeof readView>): URLSearchParams {
  const sp = new URLSearchParams();
  if (v.tab !== 'standards') sp.set('tab', v.tab);
  if (v.asOf !== todayIso()) sp.set('asOf', v.asOf);
  if (v.kind) sp.set('kind', v.kind);
  if (v.purpose) sp.set('purpose', v.purpose);
  if (v.origin) sp.set('origin', v.origin);
  if (v.q) sp.set('q', v.q);
  if (v.all) sp.set('all', 'true');
  if (v.ruleId) sp.set('rule', String(v.ruleId));
  return sp;
}

/** /standards/rules — the rule pack on a date: standards and eligibility rules. */
export function RulesPage() {
  const t = useT(standardsMessages);
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => readView(searchParams), [searchParams]);
  const [creating, setCreating] = useState(false);
  const eligibility = view.tab === 'eligibility';

  const update = useCallback(
    (patch: Partial<ReturnType<typeof readView>>, replace = false) =>
      setSearchParams(writeView({ ...readView(searchParams), ...patch }), { replace }),
    [searchParams, setSearchParams],
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          can('standards.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t(eligibility ? 'addEligibilityRule' : 'addRule')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Form layout="inline" component="div" style={{ marginBottom: 8 }}>
          <Form.Item label={t('asOf')} htmlFor="rules-as-of" tooltip={t('asOfHelp')}>
            <DateInput
              id="rules-as-of"
              value={view.asOf}
              allowClear={false}
              onChange={(d) => update({ asOf: d ?? todayIso() })}
              style={{ width: 150 }}
            />
          </Form.Item>
        </Form>
        <Tabs
          activeKey={view.tab}
          // Each tab has its own filters and rules: a switch starts the other one afresh.
          onChange={(tab) =>
            update({
              tab: tab as 'standards' | 'eligibility',
              kind: undefined,
              purpose: undefined,
              origin: undefined,
              q: '',
              all: false,
              ruleId: null,
            })
          }
          items={[
            {
              key: 'standards',
              label: t('tabStandards'),
              // Both tabs stay mounted once seen: only the current one opens its drawer.
              children: (
                <StandardRulesTab view={eligibility ? { ...view, ruleId: null } : view} onChange={update} />
              ),
            },
            {
              key: 'eligibility',
              label: t('tabEligibility'),
              children: (
                <EligibilityRulesTab
                  view={eligibility ? view : { ...view, ruleId: null }}
                  onChange={update}
                />
              ),
            },
          ]}
        />
      </Card>
      {creating && !eligibility ? (
        <RuleFormModal
          onClose={() => setCreating(false)}
          onSaved={(rule) => update({ tab: 'standards', ruleId: rule.id })}
        />
      ) : null}
      {creating && eligibility ? (
        <EligibilityRuleFormModal
          onClose={() => setCreating(false)}
          onSaved={(rule) => update({ tab: 'eligibility', ruleId: rule.id })}
        />
      ) : null}
    </>
  );
}
