import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, List, Space, Tag, Typography } from 'antd';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import type { CheckResult } from '../api/postgraduate';
import { postgradMessages } from '../messages';

/** The POSTGRADUATE eligibility on a date: each rule and each condition passed or failed, explained. */
export function EligibilityPanel({ e }: { e: CheckResult['eligibility'] }) {
  const t = useT(postgradMessages);
  const [lang] = useLang();
  if (!e.evaluated) return <Alert type="info" showIcon title={t('notEvaluated')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>{t('eligibility', { date: formatDate(e.asOf) })}</Typography.Text>
        <Tag color={e.eligible ? 'green' : 'red'}>{e.eligible ? t('eligible') : t('notEligible')}</Tag>
      </Space>
      {e.rules.map((r) => (
        <div key={r.ruleId}>
          <Typography.Text>{lang === 'vi' ? r.titleVi : r.titleEn}</Typography.Text>
          <List
            size="small"
            dataSource={r.conditions}
            renderItem={(c) => (
              <List.Item style={{ padding: '2px 0', border: 0 }}>
                <Space align="start">
                  {c.passed ? (
                    <CheckCircleTwoTone twoToneColor="#52c41a" />
                  ) : (
                    <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                  )}
                  <span>{c.explanation[lang]}</span>
                </Space>
              </List.Item>
            )}
          />
          <Typography.Text type="secondary">
            {t('legalSource', { source: r.legalSource.document })}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
}
