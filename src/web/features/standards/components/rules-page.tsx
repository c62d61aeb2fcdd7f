import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { DateInput } from '../../../components/date-input';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/auth';
import { todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { standardsMessages } from '../messages';
import { APPLIES_KINDS, type AppliesKind, type Origin } from '../rule-words';
import { EligibilityRulesTab } from './eligibility-rules-tab';
import { RuleFormModal } from './rule-form-modal';
import { StandardRulesTab, type StandardRulesView } from './standard-rules-tab';

const ORIGINS: Origin[] = ['national', 'own', 'override'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Everything the screen shows lives in the URL, so a link reproduces it (and Back works). */
function readView(sp: URLSearchParams): StandardRulesView & { tab: 'standards' | 'eligibility' } {
  const kind = sp.get('kind') as AppliesKind | null;
  const origin = sp.get('origin') as Origin | null;
  const asOf = sp.get('asOf');
  const rule = Number(sp.get('rule'));
  return {
    tab: sp.get('tab') === 'eligibility' ? 'eligibility' : 'standards',
    asOf: asOf && ISO.test(asOf) ? asOf : todayIso(),
    kind: kind && APPLIES_KINDS.includes(kind) ? kind : undefined,
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
              {t('addRule')}
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
          onChange={(tab) => update({ tab: tab as 'standards' | 'eligibility' })}
          items={[
            {
              key: 'standards',
              label: t('tabStandards'),
              children: <StandardRulesTab view={view} onChange={update} />,
            },
            {
              key: 'eligibility',
              label: t('tabEligibility'),
              children: <EligibilityRulesTab asOf={view.asOf} />,
            },
          ]}
        />
      </Card>
      {creating ? (
        <RuleFormModal
          onClose={() => setCreating(false)}
          onSaved={(rule) => update({ tab: 'standards', ruleId: rule.id })}
        />
      ) : null}
    </>
  );
}
