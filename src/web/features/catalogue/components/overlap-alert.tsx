import { Alert, Typography } from 'antd';
import { formatDecimal } from '../../../kit/numbers';
import { useLang, useT } from '../../../lib/i18n';
import type { ProgrammeOverlap } from '../api/programmes';
import { catalogueMessages } from '../messages';

/** The overlap warning: other programmes sharing topics, with the shared periods. Never blocks. */
export function OverlapAlert({
  overlaps,
  quietWhenNone,
}: {
  overlaps: ProgrammeOverlap[];
  quietWhenNone?: boolean;
}) {
  const t = useT(catalogueMessages);
  const [lang] = useLang();
  if (overlaps.length === 0)
    return quietWhenNone ? null : <Alert type="success" showIcon title={t('noOverlap')} />;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('overlapTitle', { n: overlaps.length })}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
            {overlaps.map((o) => (
              <li key={o.programmeId}>
                {t('overlapLine', {
                  code: o.code,
                  name: lang === 'vi' ? o.nameVi : o.nameEn,
                  shared: o.sharedPeriods.toLocaleString('vi-VN'),
                  pct: formatDecimal(o.sharedPct, lang),
                })}
                <Typography.Text type="secondary">
                  {' '}
                  ({o.sharedTopics.map((s) => s.topicCode).join(', ')})
                </Typography.Text>
              </li>
            ))}
          </ul>
          <Typography.Text type="secondary">{t('overlapHint')}</Typography.Text>
        </>
      }
    />
  );
}
