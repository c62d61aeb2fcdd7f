import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useLang } from '../../../lib/i18n';
import type { PersonEligibility } from '../api/standards';
import { sourceText } from '../rule-words';
import { useRuleWords } from './rule-bits';

/** For each purpose: eligible or not, and for each rule (an alternative path) every condition explained. */
export function PersonEligibilityList({
  data,
  loading,
}: {
  data: PersonEligibility | undefined;
  loading: boolean;
}) {
  const { t } = useRuleWords();
  const [lang] = useLang();
  if (loading) return <Card size="small" loading />;
  if (!data || data.purposes.length === 0) return <Empty description={t('noEligibility')} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('anyRuleHint')}</Typography.Text>
      {data.purposes.map((p) => (
        <Card
          key={p.purpose}
          size="small"
          title={
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>
                {p.label[lang]}
              </Typography.Title>
              <Tag color={p.eligible ? 'green' : 'default'}>{t(p.eligible ? 'eligible' : 'notEligible')}</Tag>
            </Flex>
          }
        >
          <Flex vertical gap={12}>
            {p.rules.map((r) => (
              <section key={r.ruleId} aria-label={lang === 'vi' ? r.titleVi : r.titleEn}>
                <Flex gap={6} wrap align="baseline">
                  <Typography.Text type="secondary">{t('viaRule')}:</Typography.Text>
                  <Typography.Text strong>{lang === 'vi' ? r.titleVi : r.titleEn}</Typography.Text>
                  <Tag color={r.passed ? 'green' : 'red'}>{t(r.passed ? 'passed' : 'failed')}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {sourceText(r.legalSource)}
                </Typography.Text>
                <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0 }}>
                  {r.conditions.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id and never reorder
                    <li key={i} style={{ display: 'flex', gap: 8, alignItems: 'baseline', padding: '2px 0' }}>
                      {c.passed ? (
                        <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('passed')} />
                      ) : (
                        <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t('failed')} />
                      )}
                      <span>{c.explanation[lang]}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
