import { CheckCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import type { CapCheck } from '../api/ratings';
import { capsInOrder, formatCount, formatPct } from '../distribution';
import { ratingMessages } from '../messages';

/**
 * A unit's "excellent" cap checks, with the numbers the server computed (never recomputed here,
 * so the rounding stays the server's). Several checks only when people of the unit were scored
 * on different scales; then each names its scale.
 */
export function CapCell({ caps }: { caps: CapCheck[] }) {
  const t = useT(ratingMessages);
  if (caps.length === 0)
    return (
      <Tooltip title={t('capNoneHint')}>
        <Typography.Text type="secondary">{t('capNone')}</Typography.Text>
      </Tooltip>
    );
  return (
    <Flex vertical gap={4}>
      {capsInOrder(caps).map((c) => {
        const vars = {
          excellent: formatCount(c.excellent),
          goodOrBetter: formatCount(c.goodOrBetter),
          capPct: formatCount(c.capPct),
          max: formatCount(c.maxExcellent),
          pct: formatPct(c.excellentPct),
        };
        const scale = caps.length > 1 ? `${c.scaleCode}: ` : '';
        return (
          <Flex key={c.scaleCode} gap={6} align="baseline" wrap>
            {c.breaksCap ? (
              <Tag color="error" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }}>
                {t('capBrokenTag')}
              </Tag>
            ) : (
              <Tag color="success" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>
                {t('capOkTag')}
              </Tag>
            )}
            <Typography.Text type={c.breaksCap ? 'danger' : 'secondary'} className="tabular">
              {scale}
              {c.breaksCap ? t('capBroken', vars) : t('capOk', vars)}
            </Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
}
