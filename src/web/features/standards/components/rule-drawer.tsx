import { CopyOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { useLang } from '../../../lib/i18n';
import { type StandardRule, useRule } from '../api/standards';
import { newestFirst, ruleOrigin } from '../rule-words';
import { CopyRuleModal, RetireRuleModal } from './rule-action-modals';
import { OriginTag, SourceText, StateTag, useRuleWords } from './rule-bits';
import { RuleFormModal } from './rule-form-modal';

const TIMELINE_COLORS: Record<StandardRule['state'], string> = {
  in_force: 'green',
  future: 'blue',
  superseded: 'gray',
  retired: 'red',
};

/** One rule version in plain words, every version of its code, and the changes a writer may make. */
export function RuleDrawer({
  ruleId,
  asOf,
  onOpenRule,
  onClose,
}: {
  ruleId: number | null;
  asOf: string;
  onOpenRule: (id: number) => void;
  onClose: () => void;
}) {
  const words = useRuleWords();
  const { t } = words;
  const [lang] = useLang();
  const can = useCan();
  const { data: rule, error, isPending, refetch } = useRule(ruleId, asOf);
  const [action, setAction] = useState<'revise' | 'retire' | 'copy' | null>(null);
  const title = (r: { titleVi: string; titleEn: string }) => (lang === 'vi' ? r.titleVi : r.titleEn);

  return (
    <Drawer
      open={ruleId !== null}
      onClose={onClose}
      size={720}
      title={rule ? `${t('details')}: ${rule.code}` : t('details')}
      loading={isPending && ruleId !== null}
      destroyOnHidden
    >
      {error ? <QueryErrorResult error={error} onRetry={() => refetch()} /> : null}
      {rule ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {title(rule)}
          </Typography.Title>
          <Flex gap={6} wrap style={{ marginBottom: 12 }}>
            <StateTag state={rule.state} />
            <OriginTag origin={ruleOrigin(rule, rule.versions)} unit={rule.ownerUnitName} />
            {rule.applies ? <Tag color="cyan">{t('appliesToYou')}</Tag> : null}
          </Flex>
          {can('standards.write') ? (
            <Space wrap style={{ marginBottom: 12 }}>
              <Button icon={<EditOutlined />} onClick={() => setAction('revise')}>
                {t('revise')}
              </Button>
              <Button icon={<CopyOutlined />} onClick={() => setAction('copy')}>
                {t('copy')}
              </Button>
              {rule.state !== 'retired' ? (
                <Button danger icon={<StopOutlined />} onClick={() => setAction('retire')}>
                  {t('retire')}
                </Button>
              ) : null}
            </Space>
          ) : null}
          {rule.state === 'in_force' && !rule.applies ? (
            <Alert type="info" showIcon title={t('notApplyingHere')} style={{ marginBottom: 12 }} />
          ) : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 180 } }}
            items={[
              {
                key: 'code',
                label: t('code'),
                children: `${rule.code} (${t('version', { n: rule.version })})`,
              },
              {
                key: 'other',
                label: lang === 'vi' ? t('titleEn') : t('titleVi'),
                children: lang === 'vi' ? rule.titleEn : rule.titleVi,
              },
              { key: 'appliesTo', label: t('colAppliesTo'), children: words.selector(rule.appliesTo) },
              { key: 'req', label: t('colRequirement'), children: words.requirement(rule.requirement) },
              { key: 'grace', label: t('hasGrace'), children: words.grace(rule.grace) },
              {
                key: 'period',
                label: t('colPeriod'),
                children: (
                  <>
                    {words.period(rule.effectiveFrom, rule.effectiveTo)}
                    {rule.effectiveTo ? (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        ({t('periodToHint')})
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
              { key: 'source', label: t('colSource'), children: <SourceText source={rule.legalSource} /> },
              { key: 'owner', label: t('owner'), children: rule.ownerUnitName ?? t('originNational') },
              ...(rule.retiredReason
                ? [{ key: 'reason', label: t('retiredReason'), children: rule.retiredReason }]
                : []),
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 15, margin: '20px 0 12px' }}>
            {t('versions', { code: rule.code })}
          </Typography.Title>
          <Timeline
            items={newestFirst(rule.versions).map((v) => ({
              key: v.id,
              color: TIMELINE_COLORS[v.state],
              content: (
                <Flex vertical gap={2}>
                  <Flex gap={6} wrap align="center">
                    {v.id === rule.id ? (
                      <b>{t('version', { n: v.version })}</b>
                    ) : (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0, height: 'auto' }}
                        onClick={() => onOpenRule(v.id)}
                      >
                        {t('version', { n: v.version })}
                      </Button>
                    )}
                    <span className="tabular">{words.period(v.effectiveFrom, v.effectiveTo)}</span>
                    <StateTag state={v.state} />
                    <OriginTag origin={ruleOrigin(v, rule.versions)} unit={v.ownerUnitName} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {words.requirement(v.requirement)} · {words.selector(v.appliesTo)}
                    {v.supersedesId
                      ? ` · ${t('replaces', {
                          n: rule.versions.find((x) => x.id === v.supersedesId)?.version ?? '?',
                        })}`
                      : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <SourceText source={v.legalSource} />
                  </Typography.Text>
                  {v.retiredReason ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {t('retiredReason')}: {v.retiredReason}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            }))}
          />
        </>
      ) : null}
      {rule && action === 'revise' ? (
        <RuleFormModal revising={rule} onClose={() => setAction(null)} onSaved={(r) => onOpenRule(r.id)} />
      ) : null}
      {rule && action === 'retire' ? (
        <RetireRuleModal rule={rule} onClose={() => setAction(null)} onSaved={(r) => onOpenRule(r.id)} />
      ) : null}
      {rule && action === 'copy' ? (
        <CopyRuleModal rule={rule} onClose={() => setAction(null)} onSaved={(r) => onOpenRule(r.id)} />
      ) : null}
    </Drawer>
  );
}
