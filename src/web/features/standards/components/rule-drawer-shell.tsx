import { CopyOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  type DescriptionsProps,
  Drawer,
  Flex,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { useLang } from '../../../lib/i18n';
import type { RuleFamily, RuleVersion } from '../api/standards';
import { newestFirst, ruleOrigin } from '../rule-words';
import { CopyRuleModal, RetireRuleModal } from './rule-action-modals';
import { OriginTag, SourceText, StateTag, useRuleWords } from './rule-bits';

const TIMELINE_COLORS: Record<RuleVersion['state'], string> = {
  in_force: 'green',
  future: 'blue',
  superseded: 'gray',
  retired: 'red',
};

type Detail<R> = R & { versions: R[] };

/** What a rule drawer (standard or eligibility) is given. */
export interface RuleDrawerProps {
  ruleId: number | null;
  asOf: string;
  onOpenRule: (id: number) => void;
  onClose: () => void;
}

/**
 * One rule version in plain words, every version of its code, and the changes a writer may make:
 * what standards and eligibility rules share. The family supplies its content rows, the one-line
 * summary of a version and its revision form.
 */
export function RuleDrawerShell<R extends RuleVersion>({
  family,
  open,
  query: { data: rule, error, isPending, refetch },
  contentItems,
  summary,
  renderRevise,
  onOpenRule,
  onClose,
}: {
  family: RuleFamily;
  open: boolean;
  query: { data?: Detail<R>; error: unknown; isPending: boolean; refetch: () => unknown };
  /** Rows about what the rule says, between its names and its period. */
  contentItems: (rule: R) => NonNullable<DescriptionsProps['items']>;
  summary: (version: R) => ReactNode;
  renderRevise: (rule: Detail<R>, close: () => void) => ReactNode;
  onOpenRule: (id: number) => void;
  onClose: () => void;
}) {
  const words = useRuleWords();
  const { t } = words;
  const [lang] = useLang();
  const can = useCan();
  const [action, setAction] = useState<'revise' | 'retire' | 'copy' | null>(null);
  const close = () => setAction(null);
  const opened = (r: { id: number }) => onOpenRule(r.id);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={rule ? `${t('details')}: ${rule.code}` : t('details')}
      loading={isPending && open}
      destroyOnHidden
    >
      {error ? <QueryErrorResult error={error} onRetry={() => refetch()} /> : null}
      {rule ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {lang === 'vi' ? rule.titleVi : rule.titleEn}
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
          {rule.state === 'in_force' && rule.applies === false ? (
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
              ...contentItems(rule),
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
                    {summary(v)}
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
      {rule && action === 'revise' ? renderRevise(rule, close) : null}
      {rule && action === 'retire' ? (
        <RetireRuleModal family={family} rule={rule} onClose={close} onSaved={opened} />
      ) : null}
      {rule && action === 'copy' ? (
        <CopyRuleModal family={family} rule={rule} onClose={close} onSaved={opened} />
      ) : null}
    </Drawer>
  );
}
