import { Space, Tag, Typography } from 'antd';
import { formatDate, todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import type { ProposalStatus } from '../api/needs';
import { type NeedsKey, needsMessages } from '../messages';
import { daysUntil, PRIORITY_COLORS, STATUS_COLORS } from '../needs-logic';

/** The needs translate function, also for keys built at run time (status_x, event_y). */
export function useNeedsT() {
  const t = useT(needsMessages);
  return (key: NeedsKey | (string & {}), vars?: Record<string, string | number>) => t(key as NeedsKey, vars);
}

export function ProposalStatusTag({
  status,
  late,
  submittedLate,
}: {
  status: ProposalStatus;
  late?: boolean;
  submittedLate?: boolean;
}) {
  const t = useNeedsT();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
        {t(`status_${status}`)}
      </Tag>
      {late ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('late')}
        </Tag>
      ) : null}
      {submittedLate ? (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('submittedLate')}
        </Tag>
      ) : null}
    </Space>
  );
}

export function CampaignStatusTag({ status }: { status: 'open' | 'closed' }) {
  const t = useNeedsT();
  return status === 'open' ? (
    <Tag color="green">{t('campaignOpen')}</Tag>
  ) : (
    <Tag color="default">{t('campaignClosed')}</Tag>
  );
}

export function PriorityTag({ priority }: { priority: number }) {
  const t = useNeedsT();
  return <Tag color={PRIORITY_COLORS[priority] ?? 'default'}>{t(`priority_${priority}`)}</Tag>;
}

/** The deadline as dd/mm/yyyy, with how many days are left (or overdue) while the campaign is open. */
export function Deadline({ deadline, open }: { deadline: string; open: boolean }) {
  const t = useNeedsT();
  const days = daysUntil(deadline, todayIso());
  const hint = !open
    ? null
    : days > 0
      ? t('deadlineIn', { n: days })
      : days === 0
        ? t('deadlineToday')
        : t('deadlinePassed', { n: -days });
  return (
    <span className="tabular">
      {formatDate(deadline)}
      {hint ? (
        <Typography.Text
          type={days < 0 ? 'danger' : days <= 3 ? 'warning' : 'secondary'}
          style={{ fontSize: 12 }}
        >
          {' '}
          ({hint})
        </Typography.Text>
      ) : null}
    </span>
  );
}
