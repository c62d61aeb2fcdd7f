import { Card, Tag, Typography } from 'antd';
import { useLang, useT } from '../../../lib/i18n';
import type { EligibilityRule } from '../api/gaps';
import { eligibilityMessages } from '../messages';
import { legalSourceText } from '../report-format';

/**
 * The rules of a purpose in force on the date, numbered as the rows of the list refer to them: a
 * person is eligible under any one of them.
 */
export function EligibilityRulesCard({ rules }: { rules: EligibilityRule[] }) {
  const t = useT(eligibilityMessages);
  const [lang] = useLang();
  if (!rules.length) return null;
  return (
    <Card size="small" title={t('rulesTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {rules.length > 1 ? t('rulesAnyOf') : t('rulesOne')}
      </Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
        {rules.map((r, i) => (
          <li key={r.id} style={{ marginBottom: 6 }}>
            <Typography.Text strong>
              {rules.length > 1 ? `${t('ruleGroup', { n: i + 1 })}: ` : ''}
              {lang === 'vi' ? r.titleVi : r.titleEn}
            </Typography.Text>
            {r.ownerUnitId !== null ? (
              <Tag color="blue" style={{ marginInlineStart: 8 }}>
                {t('localRule')}
              </Tag>
            ) : null}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('source')}: {legalSourceText(r.legalSource)}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
